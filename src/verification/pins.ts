/**
 * `resolve` pins in curl's `--resolve` form, `host:port:address[,address…]`: check a name at an
 * address of our choosing (a node not yet in DNS, one behind a load balancer) with no lookup.
 */
import { isIP } from 'node:net';
import { InputError } from '../errors.ts';
import { formatEndpoint, parseHost, parsePort, type Endpoint } from './endpoints.ts';
import { MAX_ENTRIES, MAX_PIN_ADDRESSES } from './limits.ts';
import { quote } from './quote.ts';

/** `host:port` → the addresses to use instead of DNS. */
export type Pins = ReadonlyMap<string, readonly string[]>;

const FIX = 'Write host:port:address, e.g. example.com:443:192.0.2.7 or example.com:443:[2001:db8::7].';

function parseAddress(text: string, entry: string): string {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (bare.includes('%') || isIP(bare) === 0) {
    throw new InputError(
      `The resolve entry ${quote(entry)} has ${quote(text)}, which is not an IP address.`,
      FIX,
    );
  }
  return isIP(bare) === 6 ? new URL(`http://[${bare}]/`).hostname.slice(1, -1) : bare;
}

export function parsePin(entry: string): { endpoint: Endpoint; addresses: string[] } {
  const text = entry.trim();
  const first = text.indexOf(':');
  const second = first < 0 ? -1 : text.indexOf(':', first + 1);
  if (second < 0) throw new InputError(`The resolve entry ${quote(text)} is not host:port:address.`, FIX);
  const hostText = text.slice(0, first);
  if (hostText.startsWith('+') || hostText.startsWith('-') || hostText === '*') {
    throw new InputError(
      `The resolve entry ${quote(text)} uses curl's +, - or * forms, which are not supported here.`,
      FIX,
    );
  }
  const list = text
    .slice(second + 1)
    .split(',')
    .filter((part) => part !== '');
  if (list.length === 0) throw new InputError(`The resolve entry ${quote(text)} has no address.`, FIX);
  if (list.length > MAX_PIN_ADDRESSES) {
    throw new InputError(
      `The resolve entry ${quote(text)} lists ${list.length} addresses; at most ${MAX_PIN_ADDRESSES}.`,
      FIX,
    );
  }
  const endpoint = { host: parseHost(hostText, text), port: parsePort(text.slice(first + 1, second), text) };
  return { endpoint, addresses: [...new Set(list.map((part) => parseAddress(part, text)))] };
}

/** Many pins; two for the same host:port add their addresses together. */
export function parsePins(entries: readonly string[]): Pins {
  const wanted = entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (wanted.length > MAX_ENTRIES) {
    throw new InputError(
      `${wanted.length} resolve entries were given; at most ${MAX_ENTRIES}.`,
      'List fewer resolve entries.',
    );
  }
  const pins = new Map<string, string[]>();
  for (const entry of wanted) {
    const { endpoint, addresses } = parsePin(entry);
    const key = formatEndpoint(endpoint);
    pins.set(key, [...new Set([...(pins.get(key) ?? []), ...addresses])]);
  }
  return pins;
}
