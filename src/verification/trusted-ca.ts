/**
 * `trusted-ca`: the CA certificates of a private PKI, trusted besides the public roots when a
 * served chain is judged. Given as PEM or as a file; only CERTIFICATE blocks are taken, each one
 * checked to be a certificate, and a private key in it is refused without being quoted.
 */
import { X509Certificate } from 'node:crypto';
import { resolve } from 'node:path';
import { normaliseText, scanPem, toPem } from '../certs/pem.ts';
import { InputError } from '../errors.ts';
import { fileText, readPart } from '../load-certificates.ts';
import type { PartSource } from '../settings.ts';
import type { Vocabulary } from '../vocabulary.ts';

/** A CA bundle of every public root is about 200 KiB; a private PKI's is a few certificates. */
const MAX_CA_BYTES = 1024 * 1024;
const MAX_CA_CERTIFICATES = 200;

export async function readTrustedCa(source: PartSource, cwd: string, words: Vocabulary): Promise<string[]> {
  const text =
    source.kind === 'value'
      ? source.text
      : fileText(await readPart(resolve(cwd, source.path), source.path, source.label, words, MAX_CA_BYTES));
  if (text === undefined || text.length > MAX_CA_BYTES) {
    throw new InputError(`${source.label}: not PEM text of at most 1 MiB.`, FIX);
  }
  const scan = scanPem(normaliseText(text));
  if (scan.blocks.some((block) => block.label.includes('PRIVATE KEY'))) {
    throw new InputError(
      `${source.label} holds a private key (not shown). It takes CA certificates only.`,
      `${FIX} Remove the key from it, and treat that key as exposed if the file was shared.`,
    );
  }
  const certificates = scan.blocks.filter((block) => block.label === 'CERTIFICATE');
  if (certificates.length === 0 || scan.tooMany !== undefined || certificates.length > MAX_CA_CERTIFICATES) {
    throw new InputError(
      `${source.label} holds ${scan.tooMany !== undefined || certificates.length > MAX_CA_CERTIFICATES ? `more than ${MAX_CA_CERTIFICATES} blocks` : 'no PEM CERTIFICATE block'}.`,
      FIX,
    );
  }
  return certificates.map((block) => {
    try {
      new X509Certificate(block.der);
    } catch {
      throw new InputError(`${source.label}: the certificate on line ${block.line} cannot be read.`, FIX);
    }
    return toPem('CERTIFICATE', block.der);
  });
}

const FIX =
  'Give the PEM certificates of the CA (root, and intermediates if needed) that signs the served chains, or the path of a file holding them.';
