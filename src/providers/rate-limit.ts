/**
 * Stay under a provider's rate limits before they bite, not after. DigitalOcean allows 250
 * requests a minute and 5,000 an hour per token; only the hourly budget shows in the headers
 * (`ratelimit-remaining`, `ratelimit-reset` as a Unix time). So: a sliding window kept below
 * the burst limit, and, when the hourly budget runs low, requests spread evenly over what is
 * left of the hour. One limiter is shared by every request of a run; routes with a limit of
 * their own (DigitalOcean's CDN: 5 requests per 10 s) get another one with their window.
 */
import type { Clock } from './clock.ts';

export interface RateLimitOptions {
  /** Requests allowed in any window of `windowMs` (a little under the provider's limit). */
  requests: number;
  windowMs: number;
  /** Below this many remaining requests, spread the rest until the reset. */
  lowWater: number;
}

export class RateLimiter {
  private readonly sent: number[] = [];
  private remaining: number | undefined;
  private resetAt: number | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly options: RateLimitOptions;
  private readonly clock: Clock;
  /** Total time spent waiting, for the report and the benchmarks. */
  waitedMs = 0;

  constructor(clock: Clock, options: Partial<RateLimitOptions> = {}) {
    this.clock = clock;
    this.options = { requests: 240, windowMs: 60_000, lowWater: 25, ...options };
  }

  /** Wait until one more request may go. Calls are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => {});
    return turn;
  }

  /** Learn from a reply's headers (names in any case, values as the provider sends them). */
  observe(headers: Record<string, string>): void {
    let remaining: number | undefined;
    let reset: number | undefined;
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      // A refusal with retry-after is the per-minute limit: its remaining/reset (which may say 0
      // and an hour away) are not the hourly budget, and taken as such would stall the run.
      if (lower === 'retry-after') return;
      if (lower === 'ratelimit-remaining') remaining = headerNumber(value);
      else if (lower === 'ratelimit-reset') reset = headerNumber(value);
    }
    if (remaining !== undefined) this.remaining = remaining;
    if (reset !== undefined && reset > 0) this.resetAt = reset * 1000;
  }

  private async waitForSlot(): Promise<void> {
    let now = this.clock.now();
    while (this.sent.length > 0 && this.sent[0]! <= now - this.options.windowMs) this.sent.shift();
    let wait = 0;
    if (this.sent.length >= this.options.requests) wait = this.sent[0]! + this.options.windowMs - now;
    if (
      this.remaining !== undefined &&
      this.resetAt !== undefined &&
      this.remaining <= this.options.lowWater
    ) {
      const untilReset = this.resetAt - now;
      if (untilReset > 0) wait = Math.max(wait, untilReset / Math.max(this.remaining, 1));
    }
    if (wait > 0) {
      this.waitedMs += wait;
      await this.clock.sleep(wait);
      now = this.clock.now();
    }
    this.sent.push(now);
    if (this.remaining !== undefined) this.remaining = Math.max(0, this.remaining - 1);
  }
}

/** A header's numeric value; undefined when absent, blank (`Number('')` is 0) or not a number. */
export function headerNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
