/**
 * The certificate engine: inputs in, a checked and ordered bundle out. No network, no GitHub:
 * everything here is a pure function of its inputs and the clock it is given.
 */
import type { X509Certificate } from 'node:crypto';
import type { BundleInput, ChainEntry, CheckedBundle, CheckOptions, UploadTexts } from './bundle.ts';
import { chainFindings } from './chain-findings.ts';
import { orderChain } from './chain-order.ts';
import { type CertItem, decodeSource, type KeyItem, keyBudget } from './decode.ts';
import { expiryFindings } from './expiry.ts';
import { type Finding, finding, hasErrors } from './findings.ts';
import { groupFindings } from './group-findings.ts';
import { covers, normaliseHostname } from './hostnames.ts';
import { fingerprint, inspectCertificate, type CertFacts, oneLineName } from './inspect.ts';
import { chooseLeaf } from './leaf.ts';
import { strengthFindings } from './strength.ts';
import { Inputs } from '../constants.ts';
import { ACTION_WORDS, type Vocabulary } from '../vocabulary.ts';

export const DEFAULT_WARN_DAYS = 30;
export const DEFAULT_FAIL_DAYS = 7;
/** More than a chain can use (PKCS#7 bundles are held to 32 each): ordering compares every pair. */
export const MAX_BUNDLE_CERTIFICATES = 64;

const KEY_READ_CODES = new Set(['BAD_PRIVATE_KEY', 'KEY_PASSPHRASE_NEEDED', 'KEY_PASSPHRASE_WRONG']);
const PKCS12_CODES = new Set([
  'PKCS12_PASSWORD_NEEDED',
  'PKCS12_PASSWORD_WRONG',
  'PKCS12_UNSUPPORTED',
  'PKCS12_INVALID',
]);

export function checkBundle(input: BundleInput, options: CheckOptions = {}): CheckedBundle {
  const now = options.now ?? new Date();
  const repair = options.repairChain ?? true;
  const words = options.words ?? ACTION_WORDS;
  const findings: Finding[] = [];
  const certs: CertItem[] = [];
  const keys: KeyItem[] = [];
  // One budget of keys to read for all the sources: each encrypted key may cost a key derivation.
  const budget = keyBudget();
  for (const source of input.sources) {
    const decoded = decodeSource(
      source,
      {
        keyPassphrase: input.keyPassphrase,
        pkcs12Password: input.pkcs12Password,
        words,
      },
      budget,
    );
    append(certs, decoded.certs);
    append(keys, decoded.keys);
    append(findings, decoded.findings);
  }
  if (certs.length > MAX_BUNDLE_CERTIFICATES) {
    findings.push(
      finding(
        'BAD_CERTIFICATE',
        'error',
        `The inputs hold ${certs.length} certificates; at most ${MAX_BUNDLE_CERTIFICATES} are checked (a leaf and its chain are a handful), so none was.`,
        'Give the leaf certificate and its intermediates only; a trust store or a whole collection of certificates is not a chain.',
      ),
    );
    return { ok: false, chain: [], orderFound: [], findings: groupFindings(findings) };
  }
  const orderFound = certs.map((c) => oneLineName(c.cert.subject));
  const unreadable = findings.some((f) => KEY_READ_CODES.has(f.code) || PKCS12_CODES.has(f.code));

  if (certs.length === 0) {
    if (!findings.some((f) => f.level === 'error')) {
      findings.push(
        finding(
          'NO_CERTIFICATE',
          'error',
          'No certificate was found in the inputs.',
          `Pass the certificate (PEM, e.g. fullchain.pem) ${words.via(Inputs.Certificate)}, or a PKCS#12 file.`,
        ),
      );
    }
    return { ok: false, chain: [], orderFound, findings: groupFindings(findings) };
  }

  const choice = chooseLeaf(certs, keys, (options.requireKey ?? true) && !unreadable, words);
  append(findings, choice.findings);
  const leafItem = choice.leaf!;
  const leaf = leafItem.cert;
  const leafFacts = inspectCertificate(leaf, now);

  if (leaf.ca) {
    findings.push(
      finding(
        'LEAF_IS_CA',
        'error',
        `The ${choice.key ? 'certificate the private key belongs to' : 'leaf certificate'}, "${leafFacts.subject}", is a CA certificate, not a server certificate.`,
        'Use the server certificate your CA issued for your domains, with its own private key.',
        { subject: leafFacts.subject, origin: leafItem.origin },
      ),
    );
  }

  const others = certs.filter((c) => c !== leafItem).map((c) => c.cert);
  const analysis = orderChain(leaf, others, options.trustedRoots);
  append(
    findings,
    chainFindings(
      analysis,
      certs.map((c) => c.cert),
      repair,
      !certs.some((c) => c.fromPkcs7),
      words,
    ),
  );

  const window = {
    now,
    warnDays: options.warnDays ?? DEFAULT_WARN_DAYS,
    failDays: options.failDays ?? DEFAULT_FAIL_DAYS,
    ...(options.warnPercent === undefined ? {} : { warnPercent: options.warnPercent }),
    ...(options.failPercent === undefined ? {} : { failPercent: options.failPercent }),
  };
  const served = analysis.served;
  served.forEach((cert, i) => {
    const role = i === 0 ? 'leaf' : 'intermediate';
    append(findings, expiryFindings(cert, role, window));
    append(findings, strengthFindings(cert, role));
  });
  append(findings, nameFindings(leafFacts, options.domains ?? [], words));

  const chain = analysis.path.map((cert, i) =>
    chainEntry(cert, i, analysis.path.length, analysis.endsAtRoot),
  );
  const result: CheckedBundle = {
    ok: !hasErrors(findings),
    leaf: leafFacts,
    chain,
    orderFound,
    findings: groupFindings(findings),
  };
  if (result.ok && choice.key) {
    result.upload = uploadTexts(served, choice.key.export({ type: 'pkcs8', format: 'pem' }).toString());
    options.onSecret?.(result.upload.privateKey);
  }
  return result;
}

/**
 * `target.push(...items)` passes every item as an argument, and a few hundred thousand arguments
 * overflow the stack ("Maximum call stack size exceeded"): item by item instead.
 */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function chainEntry(cert: X509Certificate, index: number, length: number, endsAtRoot: boolean): ChainEntry {
  const isRoot = endsAtRoot && index === length - 1 && index > 0;
  return {
    role: index === 0 ? 'leaf' : isRoot ? 'root' : 'intermediate',
    subject: oneLineName(cert.subject),
    issuer: oneLineName(cert.issuer),
    notAfter: cert.validToDate.toISOString(),
    sha256: fingerprint(cert, 'sha256'),
  };
}

function uploadTexts(served: readonly X509Certificate[], privateKey: string): UploadTexts {
  const pems = served.map((cert) => ensureNewline(cert.toString()));
  const certificate = pems[0]!;
  const chain = pems.slice(1).join('');
  return { certificate, chain, fullchain: certificate + chain, privateKey };
}

function ensureNewline(pem: string): string {
  return pem.endsWith('\n') ? pem : `${pem}\n`;
}

function nameFindings(leaf: CertFacts, domains: readonly string[], words: Vocabulary): Finding[] {
  const out: Finding[] = [];
  const names = { dns: leaf.dnsNames, ip: leaf.ipAddresses };
  if (names.dns.length === 0 && names.ip.length === 0) {
    out.push(
      finding(
        'NO_SAN',
        'warning',
        `The certificate "${leaf.subject}" has no subjectAltName: browsers ignore the subject CN and will reject it for every name.`,
        'Re-issue it with the domain names in the subjectAltName extension (every public CA does this).',
        { subject: leaf.subject },
      ),
    );
  }
  const covered = [...names.dns, ...names.ip].join(', ') || 'no names';
  for (const domain of domains) {
    if (!covers(names, domain)) {
      out.push(
        finding(
          'HOSTNAME_NOT_COVERED',
          'error',
          `The certificate does not cover "${normaliseHostname(domain)}"; it covers ${covered}.`,
          `Issue the certificate for every name asked for (a wildcard *.example.com covers one label: a.example.com, not example.com or a.b.example.com), or fix the list given ${words.via(Inputs.Domains)}.`,
          { subject: leaf.subject },
        ),
      );
    }
  }
  return out;
}
