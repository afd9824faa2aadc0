/**
 * Does a certificate cover a name? RFC 6125 as browsers apply it: only subjectAltName entries
 * count (never the subject CN once any SAN exists, and modern clients ignore CN altogether), a
 * wildcard is a whole left-most label that matches exactly one label, and IP addresses match
 * only IP entries.
 */
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

/** Lowercase, no trailing dot, internationalised names in their ASCII (punycode) form. */
export function normaliseHostname(name: string): string {
  const trimmed = name.trim().replace(/\.$/, '').toLowerCase();
  if (trimmed.startsWith('*.')) {
    const rest = domainToASCII(trimmed.slice(2));
    return rest ? `*.${rest}` : trimmed;
  }
  return domainToASCII(trimmed) || trimmed;
}

function dnsEntryMatches(entry: string, wanted: string): boolean {
  const pattern = normaliseHostname(entry);
  if (pattern === wanted) return true;
  // A wanted wildcard is covered only by the same wildcard (handled above), never by names.
  if (wanted.startsWith('*.') || !pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1); // ".example.com"
  if (!wanted.endsWith(suffix)) return false;
  const label = wanted.slice(0, -suffix.length);
  // Exactly one label; and a wildcard never stands for a label of a public-suffix-like 2-label name.
  return label.length > 0 && !label.includes('.') && suffix.split('.').length > 2;
}

export function covers(names: { dns: readonly string[]; ip: readonly string[] }, hostname: string): boolean {
  const wanted = normaliseHostname(hostname);
  if (isIP(wanted)) return names.ip.some((ip) => sameIp(ip, wanted));
  return names.dns.some((entry) => dnsEntryMatches(entry, wanted));
}

function sameIp(a: string, b: string): boolean {
  const canonical = (ip: string) => (isIP(ip) === 6 ? expandIpv6(ip) : ip);
  return canonical(a.toLowerCase()) === canonical(b.toLowerCase());
}

function expandIpv6(ip: string): string {
  const [head = '', tail = ''] = ip.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const missing = ip.includes('::') ? 8 - headParts.length - tailParts.length : 0;
  return [...headParts, ...Array<string>(missing).fill('0'), ...tailParts]
    .map((part) => part.replace(/^0+(?=.)/, ''))
    .join(':');
}
