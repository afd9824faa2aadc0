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
  return canonicalIp(a) === canonicalIp(b);
}

/**
 * One spelling per address. IPv6 as WHATWG URL serialises it (RFC 5952: lowercase, zeros
 * compressed, and a dotted IPv4 tail such as ::ffff:192.0.2.7 in hex, as Node prints SANs).
 */
function canonicalIp(ip: string): string {
  if (isIP(ip) !== 6) return ip.toLowerCase();
  try {
    return new URL(`http://[${ip}]/`).hostname;
  } catch {
    return ip.toLowerCase(); // e.g. a zone id (fe80::1%eth0), which no certificate holds
  }
}
