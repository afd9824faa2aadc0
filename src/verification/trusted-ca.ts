/**
 * `trusted-ca`: the CA certificates of a private PKI, trusted besides the public roots when a
 * served chain is judged. Given as PEM or as a file; only CERTIFICATE blocks are taken, each one
 * checked to be a certificate, and a private key in it is refused without being quoted. A damaged
 * block is refused too: dropped, it would leave a CA the user meant to trust silently untrusted.
 */
import { X509Certificate } from 'node:crypto';
import { resolve } from 'node:path';
import { MAX_PEM_BLOCKS, normaliseText, scanPem, toPem } from '../certs/pem.ts';
import { InputError } from '../errors.ts';
import { fileText, readPart } from '../load-certificates.ts';
import type { PartSource } from '../settings.ts';
import type { Vocabulary } from '../vocabulary.ts';

/** A CA bundle of every public root is about 200 KiB; a private PKI's is a few certificates. */
const MAX_CA_BYTES = 1024 * 1024;

export async function readTrustedCa(source: PartSource, cwd: string, words: Vocabulary): Promise<string[]> {
  const text =
    source.kind === 'value'
      ? source.text
      : fileText(await readPart(resolve(cwd, source.path), source.path, source.label, words, MAX_CA_BYTES));
  if (text === undefined || text.length > MAX_CA_BYTES) {
    throw new InputError(`${source.label}: not PEM text of at most 1 MiB.`, FIX);
  }
  const scan = scanPem(normaliseText(text));
  if (scan.tooMany !== undefined) {
    // The scan reads none past its bound, so not even a key among them is looked for.
    throw new InputError(
      `${source.label} holds more than ${MAX_PEM_BLOCKS} PEM blocks.`,
      `${FIX} The public roots are trusted already: give only the certificates of the private CA, not a whole trust store.`,
    );
  }
  // A damaged key block is a key all the same.
  const labels = [...scan.blocks, ...scan.problems].flatMap((block) =>
    'endLabel' in block ? [block.label, block.endLabel] : [block.label],
  );
  if (labels.some((label) => label.includes('PRIVATE KEY'))) {
    throw new InputError(
      `${source.label} holds a private key (not shown). It takes CA certificates only.`,
      `${FIX} Remove the key from it, and treat that key as exposed if the file was shared.`,
    );
  }
  const damaged = scan.problems[0];
  if (damaged !== undefined) {
    throw new InputError(
      `${source.label}: the ${damaged.label} block on line ${damaged.line} is damaged (${DAMAGE[damaged.kind]}).`,
      `${FIX} Copy the file again without editing it, each block from its BEGIN line to its END line.`,
    );
  }
  const certificates = scan.blocks.filter((block) => block.label === 'CERTIFICATE');
  if (certificates.length === 0) {
    throw new InputError(`${source.label} holds no PEM CERTIFICATE block.`, FIX);
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

const DAMAGE = {
  truncated: 'no END line: it was cut short',
  mismatched: 'it ends with the END line of another label',
  'bad-base64': 'its content is not base64',
  'no-begin': 'an END line with no BEGIN line',
} as const;

const FIX =
  'Give the PEM certificates of the CA (root, and intermediates if needed) that signs the served chains, or the path of a file holding them.';
