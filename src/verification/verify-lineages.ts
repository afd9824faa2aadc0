/**
 * The live check after apply: every lineage's endpoints resolved to their addresses, then all
 * addresses of all lineages checked together (one backoff, bounded concurrency) until each serves
 * its lineage's new certificate or the time is up. The verdicts are verdict.ts's.
 */
import type { Clock } from '../providers/clock.ts';
import type { Endpoint, SkippedDomain } from './endpoints.ts';
import type { CheckTarget } from './handshake.ts';
import { DEFAULT_HANDSHAKE_TIMEOUT_MS, MAX_TARGETS } from './limits.ts';
import type { Pins } from './pins.ts';
import { type Lookup, resolveTargets, type Target } from './targets.ts';
import {
  type EndpointRow,
  judge,
  type LineageVerification,
  lookupRow,
  type NamedVersion,
  rowOf,
} from './verdict.ts';
import { waitUntilServed } from './wait-until-served.ts';
import { InputError } from '../errors.ts';

export interface LineageToVerify {
  lineage: string;
  /** The SHA-1 of the certificate the run put in place. */
  expectedSha1: string;
  endpoints: readonly Endpoint[];
  skippedDomains: readonly SkippedDomain[];
  /** SHA-1 → name of the lineage's other versions, to name what a stale address still serves. */
  known: ReadonlyMap<string, string>;
  /** Other versions listed without a fingerprint, known by the one in their name. */
  named?: readonly NamedVersion[];
}

export interface VerifyOptions {
  mode: 'auto' | 'require';
  timeoutMs: number;
  pins?: Pins;
  extraCaPems?: readonly string[];
  lookup?: Lookup;
  check?: CheckTarget;
  clock?: Clock;
  /** First pause between rounds; default 1 s, doubling to 15 s. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export type VerifyLineages = (lineages: readonly LineageToVerify[]) => Promise<LineageVerification[]>;

/**
 * The bound on endpoints over all lineages. rotation-verify.ts checks it when the check is built,
 * before anything is sent: found only here, after the upload and the rebind, it would stop the
 * run with the new certificates in place and no report of them.
 */
export function checkEndpointCount(total: number): void {
  if (total > MAX_TARGETS) {
    throw new InputError(
      `The certificates have ${total} endpoints to verify; at most ${MAX_TARGETS} are checked in one run.`,
      'Give fewer domains or endpoints, or split the manifest.',
    );
  }
}

export async function verifyLineages(
  lineages: readonly LineageToVerify[],
  options: VerifyOptions,
): Promise<LineageVerification[]> {
  checkEndpointCount(lineages.reduce((sum, item) => sum + item.endpoints.length, 0));
  const resolved = await Promise.all(
    lineages.map((item) =>
      resolveTargets(item.endpoints, {
        ...(options.pins === undefined ? {} : { pins: options.pins }),
        ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
      }),
    ),
  );
  const targets: Target[] = [];
  const expected: string[] = [];
  const owner: number[] = [];
  resolved.forEach(({ targets: found }, index) => {
    const item = lineages[index] as LineageToVerify;
    for (const target of found) {
      targets.push(target);
      expected.push(item.expectedSha1);
      owner.push(index);
    }
  });
  if (targets.length > MAX_TARGETS) {
    throw new InputError(
      `The endpoints to verify resolve to ${targets.length} addresses; at most ${MAX_TARGETS} are checked in one run.`,
      'Give fewer endpoints, or pin names to fewer addresses with resolve entries.',
    );
  }
  const waited = await waitUntilServed(targets, expected, {
    timeoutMs: options.timeoutMs,
    initialDelayMs: options.initialDelayMs ?? 1000,
    maxDelayMs: options.maxDelayMs ?? 15_000,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.check === undefined ? {} : { check: options.check }),
    handshake: {
      // A handshake never outlasts the whole wait (a 0 s wait still gets one real try).
      timeoutMs: Math.min(DEFAULT_HANDSHAKE_TIMEOUT_MS, Math.max(options.timeoutMs, 3000)),
      ...(options.extraCaPems === undefined ? {} : { extraCaPems: options.extraCaPems }),
    },
  });
  const rows: EndpointRow[][] = lineages.map(() => []);
  waited.forEach((result, index) => {
    const at = owner[index] as number;
    const item = lineages[at] as LineageToVerify;
    rows[at]?.push(
      rowOf(item.lineage, result.last, item.expectedSha1, item.known, result.attempts, item.named),
    );
  });
  return lineages.map((item, index) => {
    const failures = resolved[index]?.failures ?? [];
    const all = [...(rows[index] ?? []), ...failures.map((failure) => lookupRow(item.lineage, failure))];
    return judge(item.lineage, all, item.skippedDomains, options.mode);
  });
}
