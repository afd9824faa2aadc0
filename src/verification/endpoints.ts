/**
 * Where to look: `host[:port]` endpoints read from an input, and the default list made from each
 * certificate's domains. Parsing only: no DNS, no sockets.
 */
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { InputError } from '../errors.ts';
import { covers } from '../certs/hostnames.ts';
import { MAX_ENTRIES } from './limits.ts';
import { quote } from './quote.ts';

export const DEFAULT_PORT = 443;

export interface Endpoint {
  /** A lowercase ASCII host name, or an IP address (IPv6 without brackets). */
  host: string;
  port: number;
}

export interface SkippedDomain {
  domain: string;
  reason: string;
}

const MAX_HOSTNAME = 253;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** `host:port`, with an IPv6 host in brackets, as a person writes it back into the input. */
export function formatEndpoint(endpoint: Endpoint): string {
  return `${isIP(endpoint.host) === 6 ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;
}

/** An IP literal (v6 already without brackets) or a host name, normalised; throws on anything else. */
export function parseHost(text: string, entry: string): string {
  if (text === '') throw new InputError(`The endpoint ${quote(entry)} has no host.`, HOST_FIX);
  if (text.includes('%')) {
    throw new InputError(
      `The endpoint ${quote(entry)} has a zone id (%…); a zone id names a local interface.`,
      HOST_FIX,
    );
  }
  const family = isIP(text);
  if (family === 4) return text;
  if (family === 6) return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  if (text.startsWith('*.')) {
    throw new InputError(
      `The endpoint ${quote(entry)} is a wildcard; a wildcard has no address to connect to.`,
      'Give a concrete name the wildcard covers, e.g. www.example.com.',
    );
  }
  if (text.length > MAX_HOSTNAME * 4) {
    throw new InputError(`The host of ${quote(entry)} is longer than ${MAX_HOSTNAME} characters.`, HOST_FIX);
  }
  // Checked before domainToASCII, which silently drops tabs and newlines (WHATWG) and would
  // turn "evil\nhost" into a name nobody wrote.
  if (/[\s\p{C}]/u.test(text)) {
    throw new InputError(`The host of ${quote(entry)} holds a space or control character.`, HOST_FIX);
  }
  // An all-digit last label is a mistyped IPv4 address (999.1.1.1), never a name in DNS.
  if (/^\d+$/.test(text.replace(/\.$/, '').split('.').at(-1) ?? '')) {
    throw new InputError(
      `The host of ${quote(entry)} is neither a valid IPv4 address nor a host name.`,
      HOST_FIX,
    );
  }
  const ascii = domainToASCII(text.replace(/\.$/, '').toLowerCase());
  if (ascii === '') throw new InputError(`The host of ${quote(entry)} is not a valid host name.`, HOST_FIX);
  if (ascii.length > MAX_HOSTNAME) {
    throw new InputError(`The host of ${quote(entry)} is longer than ${MAX_HOSTNAME} characters.`, HOST_FIX);
  }
  const labels = ascii.split('.');
  if (!labels.every((label) => LABEL.test(label))) {
    throw new InputError(
      `The host of ${quote(entry)} is not a valid host name: each dot-separated label is 1–63 letters, digits or inner hyphens.`,
      HOST_FIX,
    );
  }
  return ascii;
}

const HOST_FIX =
  'Write a host name (www.example.com), an IPv4 address (192.0.2.7) or an IPv6 address in brackets ([2001:db8::7]).';

export function parsePort(text: string, entry: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 1 && port <= 65_535)) {
    throw new InputError(
      `The port of ${quote(entry)} is not a number from 1 to 65535.`,
      'Write host:port, e.g. example.com:8443.',
    );
  }
  return port;
}

/** Split `host[:port]` or `[v6][:port]` into its host text and port text (undefined when absent). */
function splitHostPort(entry: string): { host: string; port: string | undefined } {
  if (entry.startsWith('[')) {
    const close = entry.indexOf(']');
    if (close < 0)
      throw new InputError(`The endpoint ${quote(entry)} opens a bracket it never closes.`, HOST_FIX);
    const rest = entry.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) {
      throw new InputError(`The endpoint ${quote(entry)} has text after its bracketed address.`, HOST_FIX);
    }
    const host = entry.slice(1, close);
    if (isIP(host) !== 6)
      throw new InputError(
        `The endpoint ${quote(entry)} has brackets around something other than an IPv6 address.`,
        HOST_FIX,
      );
    return { host, port: rest === '' ? undefined : rest.slice(1) };
  }
  const colons = entry.split(':').length - 1;
  if (colons > 1)
    throw new InputError(
      `The endpoint ${quote(entry)} looks like an IPv6 address without brackets.`,
      HOST_FIX,
    );
  const [host = '', port] = entry.split(':');
  return { host, port };
}

/** One `host[:port]` entry; the port defaults to 443. */
export function parseEndpoint(entry: string): Endpoint {
  const text = entry.trim();
  const { host, port } = splitHostPort(text);
  return { host: parseHost(host, text), port: port === undefined ? DEFAULT_PORT : parsePort(port, text) };
}

/** Many entries, blank ones ignored, duplicates dropped, bounded in number. */
export function parseEndpoints(entries: readonly string[]): Endpoint[] {
  const wanted = entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (wanted.length > MAX_ENTRIES) {
    throw new InputError(
      `${wanted.length} endpoints were given; at most ${MAX_ENTRIES} are checked.`,
      'List fewer endpoints.',
    );
  }
  return dedupe(wanted.map(parseEndpoint));
}

function dedupe(endpoints: readonly Endpoint[]): Endpoint[] {
  const seen = new Set<string>();
  return endpoints.filter((endpoint) => {
    const key = formatEndpoint(endpoint);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What to check for one certificate: each of its domains on port 443, then the endpoints given.
 * A wildcard has no address of its own: it is checked through the given endpoints it covers, and
 * reported as skipped when none does, so silence never passes for a check.
 */
export function endpointsFor(
  domains: readonly string[],
  given: readonly Endpoint[] = [],
): { endpoints: Endpoint[]; skipped: SkippedDomain[] } {
  const endpoints: Endpoint[] = [];
  const skipped: SkippedDomain[] = [];
  for (const domain of domains) {
    if (domain.startsWith('*.')) {
      if (!given.some((endpoint) => covers({ dns: [domain], ip: [] }, endpoint.host))) {
        skipped.push({ domain, reason: 'a wildcard has no address; give an endpoint it covers to check it' });
      }
      continue;
    }
    endpoints.push({ host: parseHost(domain, domain), port: DEFAULT_PORT });
  }
  return { endpoints: dedupe([...endpoints, ...given]), skipped };
}
