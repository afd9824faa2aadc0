/**
 * After an upload, wait until every address serves the new certificate: load balancers and
 * proxies pick a new certificate up in seconds to minutes, node by node. Each round re-checks the
 * addresses not yet serving it (in parallel, bounded), then sleeps with backoff; an address that
 * never does is reported with the last thing it served, so a stale node names itself.
 */
import { type Clock, realClock } from '../providers/clock.ts';
import { mapLimit } from '../rotation/concurrency.ts';
import { type CheckTarget, checkTarget, type HandshakeOptions } from './handshake.ts';
import { DEFAULT_CONCURRENCY } from './limits.ts';
import type { CheckResult } from './served.ts';
import type { Target } from './targets.ts';

export interface WaitOptions {
  /** How long to keep re-checking, from the first check. */
  timeoutMs: number;
  /** The first pause between rounds; each later pause doubles, up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  clock?: Clock;
  concurrency?: number;
  /** One check of one address; the real handshake unless a test gives another. */
  check?: CheckTarget;
  /** Per-handshake timeout and extra CA certificates for the real check. */
  handshake?: HandshakeOptions;
}

export interface WaitResult {
  target: Target;
  /** The address served the expected certificate. */
  matched: boolean;
  /** The check that matched, or the last one seen. */
  last: CheckResult;
  /** Handshakes made with this address. */
  attempts: number;
}

/**
 * `expectedSha1`: one fingerprint for every target, or one per target (in their order), so the
 * addresses of many certificates share one round of checks and one backoff.
 */
export async function waitUntilServed(
  targets: readonly Target[],
  expectedSha1: string | readonly string[],
  options: WaitOptions,
): Promise<WaitResult[]> {
  const clock = options.clock ?? realClock;
  const check = options.check ?? ((target: Target) => checkTarget(target, options.handshake));
  const normal = (sha1: string) => sha1.toLowerCase().replace(/:/g, '');
  const expectedOf = (index: number) =>
    normal(typeof expectedSha1 === 'string' ? expectedSha1 : (expectedSha1[index] ?? ''));
  const deadline = clock.now() + Math.max(0, options.timeoutMs);
  const results = new Map<number, WaitResult>();
  let pending = targets.map((_, index) => index);
  let delay = Math.max(0, options.initialDelayMs);

  for (;;) {
    const rounds = await mapLimit(pending, options.concurrency ?? DEFAULT_CONCURRENCY, async (index) => {
      const target = targets[index] as Target;
      const last = await check(target);
      const attempts = (results.get(index)?.attempts ?? 0) + 1;
      const expected = expectedOf(index);
      results.set(index, {
        target,
        matched: expected !== '' && last.served?.sha1 === expected,
        last,
        attempts,
      });
      return index;
    });
    pending = rounds.filter((index) => !results.get(index)?.matched);
    const left = deadline - clock.now();
    if (pending.length === 0 || left <= 0) break;
    // The last pause is cut to the deadline, so the final round lands at it rather than past it.
    await clock.sleep(Math.min(delay, left));
    delay = Math.min(Math.max(1, delay * 2), Math.max(0, options.maxDelayMs));
  }
  return targets.map((_, index) => results.get(index) as WaitResult);
}
