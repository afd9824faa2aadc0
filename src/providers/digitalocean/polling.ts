/**
 * Waiting for DigitalOcean to catch up: a load balancer busy with earlier actions, a global load
 * balancer binding a certificate in the background, a certificate not yet verified. Always
 * bounded, on the injected clock, so tests wait for nothing.
 */
import type { Clock } from '../clock.ts';
import type { ProviderError } from '../errors.ts';

export interface PollOptions {
  /** Between two looks. */
  intervalMs: number;
  /** Give up once this much time has passed since the first look. */
  timeoutMs: number;
}

/** Terraform's provider waits up to 10 minutes for a load balancer; the CCM looks every 5 s. */
export const DEFAULT_POLLING: PollOptions = { intervalMs: 5_000, timeoutMs: 600_000 };

/**
 * Look with `check` until it returns something, waiting `intervalMs` between looks; after
 * `timeoutMs`, throw what `timedOut` makes of the last look.
 */
export async function pollUntil<T, Seen>(
  clock: Clock,
  options: PollOptions,
  check: () => Promise<{ done: T } | { seen: Seen }>,
  timedOut: (last: Seen, waitedMs: number) => ProviderError,
): Promise<T> {
  const started = clock.now();
  for (;;) {
    const look = await check();
    if ('done' in look) return look.done;
    const waited = clock.now() - started;
    if (waited + options.intervalMs > options.timeoutMs) throw timedOut(look.seen, waited);
    await clock.sleep(options.intervalMs);
  }
}
