/**
 * Endpoints to targets: every address a name resolves to (A and AAAA), each checked on its own,
 * so one stale node behind round-robin DNS is caught rather than hidden by the others. Pins take
 * the place of DNS for their host:port. A failed lookup is a result, not a throw.
 */
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { InputError } from '../errors.ts';
import { type Endpoint, formatEndpoint } from './endpoints.ts';
import { DEFAULT_LOOKUP_TIMEOUT_MS, MAX_TARGETS } from './limits.ts';
import type { Pins } from './pins.ts';

/** One address of one endpoint: what a single handshake checks. */
export interface Target extends Endpoint {
  address: string;
  /** Where the address came from: an IP endpoint, a `resolve` pin, or DNS. */
  via: 'literal' | 'pin' | 'dns';
}

export interface LookupFailure extends Endpoint {
  error: string;
}

/** `dns.promises.lookup(host, { all: true })`, injectable so tests decide what a name resolves to. */
export type Lookup = (host: string) => Promise<readonly LookupAddress[]>;

export const systemLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

export interface TargetOptions {
  pins?: Pins;
  lookup?: Lookup;
  lookupTimeoutMs?: number;
  maxTargets?: number;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function addressesOf(
  endpoint: Endpoint,
  options: TargetOptions,
): Promise<{ via: Target['via']; addresses: string[] }> {
  if (isIP(endpoint.host)) return { via: 'literal', addresses: [endpoint.host] };
  const pinned = options.pins?.get(formatEndpoint(endpoint));
  if (pinned) return { via: 'pin', addresses: [...pinned] };
  const lookup = options.lookup ?? systemLookup;
  const found = await withTimeout(
    lookup(endpoint.host),
    options.lookupTimeoutMs ?? DEFAULT_LOOKUP_TIMEOUT_MS,
    `looking up ${endpoint.host}`,
  );
  const addresses = [
    ...new Set(found.map((entry) => entry.address).filter((address) => isIP(address) !== 0)),
  ];
  if (addresses.length === 0) throw new Error(`${endpoint.host} resolved to no address`);
  return { via: 'dns', addresses };
}

/**
 * Every endpoint's addresses. Throws only when there are too many targets to check (a clear input
 * error, raised before any handshake); lookups that fail come back in `failures`.
 */
export async function resolveTargets(
  endpoints: readonly Endpoint[],
  options: TargetOptions = {},
): Promise<{ targets: Target[]; failures: LookupFailure[] }> {
  const max = options.maxTargets ?? MAX_TARGETS;
  if (endpoints.length > max) {
    throw new InputError(
      `${endpoints.length} endpoints were given; at most ${max} addresses are checked in one run.`,
      'List fewer endpoints.',
    );
  }
  const settled = await Promise.allSettled(endpoints.map((endpoint) => addressesOf(endpoint, options)));
  const targets: Target[] = [];
  const failures: LookupFailure[] = [];
  settled.forEach((outcome, index) => {
    const endpoint = endpoints[index] as Endpoint;
    if (outcome.status === 'rejected') {
      const error = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
      failures.push({ ...endpoint, error: error.slice(0, 200) });
      return;
    }
    for (const address of outcome.value.addresses)
      targets.push({ ...endpoint, address, via: outcome.value.via });
  });
  if (targets.length > max) {
    throw new InputError(
      `The ${endpoints.length} endpoints resolve to ${targets.length} addresses; at most ${max} are checked in one run.`,
      'List fewer endpoints, or pin the names to fewer addresses with resolve entries.',
    );
  }
  return { targets, failures };
}
