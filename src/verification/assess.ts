/**
 * What one endpoint serves, judged: reachability, the name, trust, a complete chain, expiry (in
 * days and in percent of the lifetime), key strength and TLS version. Pure: a CheckResult and a
 * clock in, findings out, so every rule is tested without a socket.
 *
 * Each message names the endpoint and the address it was reached at (one stale node behind
 * round-robin DNS must name itself) and quotes what the server sent only through quote(): a
 * subject or a name is the server's text, and may hold line breaks or lookalike characters.
 */
import { type Finding, finding } from '../certs/findings.ts';
import { daysUntil } from '../certs/inspect.ts';
import { lifetimeLeftPercent } from '../certs/lifetime.ts';
import { keyStrengthFindings, signatureStrengthFindings } from '../certs/strength.ts';
import { plural } from '../plural.ts';
import { formatEndpoint } from './endpoints.ts';
import { quote } from './quote.ts';
import type { CheckResult, ServedCertificate } from './served.ts';

export interface AssessOptions {
  now: Date;
  warnDays: number;
  failDays: number;
  /** Warn when less than this percent of the leaf's lifetime is left; absent or 0: no percent check. */
  warnPercent?: number;
  /** Fail when less than this percent of the leaf's lifetime is left; absent or 0: no percent check. */
  failPercent?: number;
}

const DAY_MS = 86_400_000;
/** Names of the leaf quoted in a name-mismatch message; the rest are counted. */
const NAMES_SHOWN = 10;

/**
 * OpenSSL's verdicts that mean the server did not send the intermediate that signed its leaf:
 * the client has the leaf alone and cannot find its issuer. Browsers often paper over this
 * (cached or fetched intermediates); curl, Java, Android and API clients fail.
 */
const MISSING_INTERMEDIATE = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT']);
const DATE_VERDICTS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/**
 * TLS 1.0 and 1.1 are an error, not a warning: the handshake offers up to TLS 1.3, so a server
 * that settles on 1.0 or 1.1 supports nothing newer. RFC 8996 deprecated both; browsers removed
 * them in 2020 and OpenSSL 3 (Node, curl, Python) refuses them by default, so most clients cannot
 * connect at all.
 */
const OLD_PROTOCOLS = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

export function assessServed(result: CheckResult, options: AssessOptions): Finding[] {
  const where = endpointPhrase(result);
  if (!result.served) return [unreachable(result, where)];
  const served = result.served;
  const subject = served.subject;
  // A noun phrase: the strength rules say "<what> has a 1024-bit RSA key".
  const leaf = `The certificate ${quote(subject)} that ${where} serves`;
  const out: Finding[] = [];
  if (!served.nameMatches) out.push(nameMismatch(result, served, where));
  const dates = expiryFindings(served, where, options);
  out.push(...dates);
  out.push(...trustFindings(served, where, dates));
  out.push(...strengthFindings(served, where, leaf));
  if (OLD_PROTOCOLS.has(served.protocol)) {
    out.push(
      finding(
        'SERVED_OLD_TLS',
        'error',
        `${where} negotiated ${served.protocol} though TLS 1.3 was offered: it supports nothing newer, and browsers and OpenSSL 3 clients refuse ${served.protocol} (RFC 8996).`,
        'Enable TLS 1.2 and 1.3 on the server or load balancer (e.g. nginx `ssl_protocols TLSv1.2 TLSv1.3;`), and turn off TLS 1.0 and 1.1.',
        { subject },
      ),
    );
  }
  return out;
}

/** `app.example.com:443 at 192.0.2.7`, or `192.0.2.7:443` when the endpoint is the address itself. */
export function endpointPhrase(result: CheckResult): string {
  const endpoint = formatEndpoint(result);
  return result.address === result.host ? endpoint : `${endpoint} at ${result.address}`;
}

function unreachable(result: CheckResult, where: string): Finding {
  const error = result.error ?? { kind: 'handshake' as const, message: 'no certificate was read' };
  const said = quote(error.message);
  const port = `port ${result.port}`;
  const [what, fix] = ((): [string, string] => {
    switch (error.kind) {
      case 'refused':
        return [
          `refused the connection: nothing listens on ${port} there`,
          `Check that the server or load balancer listens on ${port} at ${result.address}, and that the endpoint's port is right.`,
        ];
      case 'reset':
        return [
          `closed the connection during the TLS handshake (${said})`,
          'Check the server or proxy log for this name: a listener with no certificate for the name asked (SNI) often drops the connection.',
        ];
      case 'timeout':
        return [
          `did not complete a TLS handshake in time (${said})`,
          `Check that a firewall or security group lets this runner reach ${port}, and that the server is up; raise the handshake timeout for a slow server.`,
        ];
      case 'unreachable':
        return [
          `could not be reached (${said})`,
          'Check the address (DNS, or the `resolve` pin) and that this runner has a route to it (IPv6 often has none).',
        ];
      case 'handshake':
        return [
          `failed the TLS handshake (${said})`,
          `Check that ${port} speaks TLS (not plain HTTP), offers TLS 1.2 or 1.3, and has a certificate for ${quote(result.host)}.`,
        ];
      case 'connect':
        return [
          `could not be connected to (${said})`,
          `Check that ${result.address} is up and ${port} is open.`,
        ];
    }
  })();
  return finding('SERVED_UNREACHABLE', 'error', `${where} ${what}; no certificate was read.`, fix);
}

function nameMismatch(result: CheckResult, served: ServedCertificate, where: string): Finding {
  const names = [...served.names.dns, ...served.names.ip];
  const shown = names.slice(0, NAMES_SHOWN).map(quote).join(', ');
  const hidden = names.length - Math.min(names.length, NAMES_SHOWN);
  const more = hidden > 0 || served.namesTruncated ? `, and ${hidden > 0 ? `${hidden} more` : 'more'}` : '';
  const covered = names.length === 0 ? 'it lists no subjectAltName at all' : `it covers ${shown}${more}`;
  return finding(
    'SERVED_NAME_MISMATCH',
    'error',
    `${where} serves ${quote(served.subject)}, which does not cover ${quote(result.host)}: ${covered}. Clients reject it for this name.`,
    'Serve a certificate that covers the name: check which certificate the listener picks for it (SNI mapping, or the default certificate served for unknown names), or issue one that names it.',
    { subject: served.subject },
  );
}

function trustFindings(served: ServedCertificate, where: string, dates: readonly Finding[]): Finding[] {
  if (served.trusted) return [];
  const code = served.trustError?.code ?? 'UNKNOWN';
  const meaning = served.trustError?.meaning ?? 'the chain does not verify';
  const subject = served.subject;
  // An expired or not-yet-valid certificate is already named, with its date, by the date findings.
  if (DATE_VERDICTS.has(code) && dates.some((f) => f.level === 'error')) return [];
  if (MISSING_INTERMEDIATE.has(code)) {
    const issuer = served.certificates[0]?.issuer;
    return [
      finding(
        'SERVED_CHAIN_INCOMPLETE',
        'error',
        `${where} serves ${quote(subject)} without the intermediate that signed it${issuer === undefined ? '' : ` (${quote(issuer)})`}: OpenSSL says ${code}. Browsers may fetch the intermediate themselves; curl, Java, Android and API clients fail.`,
        'Serve the full chain: the leaf followed by its intermediates (fullchain.pem, not cert.pem), as the certificate chain on the provider or the server.',
        { subject },
      ),
    ];
  }
  const fix =
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN'
      ? 'Serve a certificate from a publicly trusted CA; for a private CA, give its root certificate in `trusted-ca` (or NODE_EXTRA_CA_CERTS) so the check trusts it.'
      : 'Serve the full chain up to a trusted root (fullchain.pem); for a private CA, give its root certificate in `trusted-ca` (or NODE_EXTRA_CA_CERTS).';
  return [
    finding(
      'SERVED_UNTRUSTED',
      'error',
      `${where} serves ${quote(subject)}, whose chain does not verify: OpenSSL says ${code}, ${meaning}. Clients reject it.`,
      fix,
      { subject },
    ),
  ];
}

/**
 * The leaf against days and percent of its lifetime; intermediates (not roots: a client's own
 * copy of a root is what counts) against days alone, as the certificate's own checks do.
 */
function expiryFindings(served: ServedCertificate, where: string, options: AssessOptions): Finding[] {
  const out: Finding[] = [];
  const leafWhat = `${where} serves ${quote(served.subject)}, which`;
  out.push(...dateFindings(served, leafWhat, served.subject, options, true));
  for (const cert of served.certificates.slice(1)) {
    if (cert.selfSigned) continue;
    const what = `The intermediate ${quote(cert.subject)} in the chain of ${where}`;
    out.push(...dateFindings(cert, what, cert.subject, options, false));
  }
  return out;
}

function dateFindings(
  cert: { notBefore: string; notAfter: string },
  what: string,
  subject: string,
  options: AssessOptions,
  leaf: boolean,
): Finding[] {
  const { now } = options;
  const notBefore = new Date(cert.notBefore);
  const notAfter = new Date(cert.notAfter);
  const renew = leaf
    ? 'Renew the certificate and rotate it: the served one is what clients get.'
    : 'Serve the current intermediate from your CA (renewal tools include it in fullchain.pem).';
  if (now.getTime() > notAfter.getTime()) {
    const ago = plural(-daysUntil(notAfter, now), 'day');
    return [
      finding('EXPIRED', 'error', `${what} expired on ${cert.notAfter} (${ago} ago).`, renew, { subject }),
    ];
  }
  if (now.getTime() < notBefore.getTime()) {
    return [
      finding(
        'NOT_YET_VALID',
        'error',
        `${what} is not valid until ${cert.notBefore}: clients reject it today.`,
        'Serve a certificate that is valid now, or check the clock of the machine that issued it.',
        { subject },
      ),
    ];
  }
  // Exact time, as expiry.ts compares: "within 7 days" must not catch 7 days and 23 hours.
  const remaining = notAfter.getTime() - now.getTime();
  const left = lifetimeLeftPercent(notBefore, notAfter, now);
  const percent = leaf ? left : Number.POSITIVE_INFINITY;
  const failed = [
    ...(remaining <= options.failDays * DAY_MS
      ? [{ setting: 'fail-days', within: true, value: options.failDays }]
      : []),
    ...(percent < (options.failPercent ?? 0)
      ? [{ setting: 'fail-percent', within: false, value: options.failPercent }]
      : []),
  ];
  const warned = [
    ...(remaining <= options.warnDays * DAY_MS
      ? [{ setting: 'warn-days', within: true, value: options.warnDays }]
      : []),
    ...(percent < (options.warnPercent ?? 0)
      ? [{ setting: 'warn-percent', within: false, value: options.warnPercent }]
      : []),
  ];
  if (failed.length === 0 && warned.length === 0) return [];
  const when = `expires on ${cert.notAfter}, in ${plural(daysUntil(notAfter, now), 'day')}`;
  const share = leaf ? ` (${formatPercent(left)} of its ${lifetime(notBefore, notAfter)} lifetime left)` : '';
  const reasons = (list: readonly Threshold[]): string =>
    list.map((t) => `${t.within ? 'within' : 'under'} ${t.setting} (${t.value})`).join(' and ');
  if (failed.length > 0) {
    return [
      finding(
        'EXPIRES_SOON',
        'error',
        `${what} ${when}${share}: ${reasons(failed)}.`,
        `${renew} To accept it anyway, lower ${failed.map((t) => t.setting).join(' and ')}.`,
        { subject },
      ),
    ];
  }
  return [finding('EXPIRING', 'warning', `${what} ${when}${share}: ${reasons(warned)}.`, renew, { subject })];
}

interface Threshold {
  setting: string;
  /** Days are "within" (remaining ≤ days); percents are "under" (left < percent). */
  within: boolean;
  value: number | undefined;
}

/** Down to one decimal, so 9.99% never reads as "10.0% left: under fail-percent (10)". */
function formatPercent(percent: number): string {
  return `${(Math.floor(percent * 10) / 10).toFixed(1)}%`;
}

/** A lifetime as a reader thinks of it: "6-day", "90-day", "36-hour". */
function lifetime(notBefore: Date, notAfter: Date): string {
  const ms = notAfter.getTime() - notBefore.getTime();
  return ms >= 2 * DAY_MS
    ? `${Math.round(ms / DAY_MS)}-day`
    : `${Math.max(0, Math.round(ms / 3_600_000))}-hour`;
}

/** Key and signature rules of the certificate's own checks, on the served leaf and intermediates. */
function strengthFindings(served: ServedCertificate, where: string, leaf: string): Finding[] {
  const out: Finding[] = [];
  out.push(...keyStrengthFindings(served.key, 'leaf', leaf, served.subject));
  const [first, ...rest] = served.certificates;
  if (first) out.push(...signatureStrengthFindings(signatureOf(first), leaf, served.subject));
  for (const cert of rest) {
    // A root's own signature is never checked by clients; its key is the client's trust anchor.
    if (cert.selfSigned) continue;
    const what = `The intermediate ${quote(cert.subject)} in the chain of ${where}`;
    out.push(...keyStrengthFindings(cert.key, 'intermediate', what, cert.subject));
    out.push(...signatureStrengthFindings(signatureOf(cert), what, cert.subject));
  }
  return out;
}

function signatureOf(cert: { signature: string; weakSignature: boolean }): { name: string; weak: boolean } {
  return { name: cert.signature, weak: cert.weakSignature };
}
