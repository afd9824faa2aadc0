/**
 * Which certificate is the leaf? The one the private key belongs to, wherever it stands in the
 * inputs. Without a usable key, the best guess is a non-CA certificate that signs nothing else.
 */
import type { KeyObject, X509Certificate } from 'node:crypto';
import type { CertItem, KeyItem } from './decode.ts';
import { type Finding, finding, type Origin, sourcePhrase } from './findings.ts';
import { fingerprint, oneLineName, verifies } from './inspect.ts';
import { certificateMatchesKey, publicKeyId } from './keys.ts';
import { Inputs } from '../constants.ts';
import { ACTION_WORDS, type Vocabulary } from '../vocabulary.ts';

export interface LeafChoice {
  leaf?: CertItem;
  key?: KeyObject;
  findings: Finding[];
}

/** `requireKey`: say NO_PRIVATE_KEY when there is none (false when a key was given but could not be read: that is reported already). */
export function chooseLeaf(
  certs: readonly CertItem[],
  keys: readonly KeyItem[],
  requireKey: boolean,
  words: Vocabulary = ACTION_WORDS,
): LeafChoice {
  const findings: Finding[] = [];
  const distinctKeys = uniqueKeys(keys);
  const matched = distinctKeys
    .map((item) => ({
      item,
      certs: uniqueCerts(certs.filter((c) => certificateMatchesKey(c.cert, item.id))),
    }))
    .filter((m) => m.certs.length > 0);

  if (matched.length > 1) {
    findings.push(
      finding(
        'AMBIGUOUS_LEAF',
        'error',
        `The inputs hold ${matched.length} private keys that each belong to a certificate (${matched.map((m) => name(m.certs[0]!.cert)).join('; ')}).`,
        'Give one certificate and its own key per entry; put other certificates in entries of their own.',
      ),
    );
  }
  const match = matched[0];
  if (match) {
    for (const extra of distinctKeys) {
      if (extra !== match.item && !matched.some((m) => m.item === extra)) {
        findings.push(
          finding(
            'EXTRA_PRIVATE_KEY',
            'warning',
            'An extra private key that belongs to none of the certificates was found; it is ignored.',
            'Remove the extra key.',
            { origin: extra.origin },
          ),
        );
      }
    }
    if (match.certs.length > 1) {
      findings.push(
        finding(
          'AMBIGUOUS_LEAF',
          'error',
          `${match.certs.length} different certificates belong to the same private key: ${match.certs.map(describe).join('; ')}.`,
          'Keep only the certificate to upload (usually the newest renewal) in the inputs.',
        ),
      );
    }
    return { leaf: match.certs[0]!, key: match.item.key, findings };
  }

  const guess = guessLeaf(certs);
  if (distinctKeys.length > 0 && guess) {
    // Both sides by where they came from: "the key from private-key-file keys/site.key belongs to
    // none of the certificates in certificate-file certs/fullchain.pem". The annotation points at
    // the key, the part most often wrong (an older renewal's, another site's).
    const keySources = phrases(distinctKeys.map((k) => k.origin));
    const certSources = phrases(certs.map((c) => c.origin));
    const keys = distinctKeys.length === 1 ? 'private key' : `${distinctKeys.length} private keys`;
    findings.push(
      finding(
        'KEY_MISMATCH',
        'error',
        `The ${keys} in ${keySources} belong${distinctKeys.length === 1 ? 's' : ''} to none of the certificates in ${certSources} (the leaf there is "${name(guess.cert)}").`,
        'Use the key that was generated with this certificate (for certbot: privkey.pem beside fullchain.pem of the same renewal).',
        { subject: name(guess.cert), origin: distinctKeys[0]!.origin },
      ),
    );
  } else if (distinctKeys.length === 0 && requireKey) {
    const pkcs7 = certs.find((c) => c.fromPkcs7);
    findings.push(
      pkcs7
        ? finding(
            'NO_PRIVATE_KEY',
            'error',
            `No private key was found in the inputs: the PKCS#7 bundle in ${pkcs7.origin.source} holds certificates only, never a key.`,
            `Pass the private key (PEM) separately ${words.via(Inputs.PrivateKey)}, next to the PKCS#7 bundle; or give a PKCS#12 (.pfx) export, which holds both.`,
          )
        : finding(
            'NO_PRIVATE_KEY',
            'error',
            'No private key was found in the inputs.',
            `Pass the private key (PEM) ${words.via(Inputs.PrivateKey)}, or a PKCS#12 file that contains it.`,
          ),
    );
  }
  const choice: LeafChoice = { findings };
  if (guess) choice.leaf = guess;
  return choice;
}

/** Each source once, in the order given: "certificate-file a.pem and chain-file b.pem". */
function phrases(origins: readonly Origin[]): string {
  const unique = [...new Set(origins.map(sourcePhrase))];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

function name(cert: X509Certificate): string {
  return oneLineName(cert.subject);
}

function describe(item: CertItem): string {
  return `"${name(item.cert)}" expiring ${item.cert.validToDate.toISOString()}`;
}

function uniqueKeys(keys: readonly KeyItem[]): (KeyItem & { id: Buffer })[] {
  const out: (KeyItem & { id: Buffer })[] = [];
  for (const item of keys) {
    const id = publicKeyId(item.key);
    if (!out.some((k) => k.id.equals(id))) out.push({ ...item, id });
  }
  return out;
}

function uniqueCerts(certs: readonly CertItem[]): CertItem[] {
  const seen = new Set<string>();
  return certs.filter((c) => {
    const id = fingerprint(c.cert, 'sha256');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** First non-CA certificate that issued none of the others; else the first certificate. */
function guessLeaf(certs: readonly CertItem[]): CertItem | undefined {
  const signsAnother = (c: CertItem) =>
    certs.some((o) => o !== c && o.cert.checkIssued(c.cert) && verifies(o.cert, c.cert));
  return certs.find((c) => !c.cert.ca && !signsAnother(c)) ?? certs[0];
}
