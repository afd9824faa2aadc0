/**
 * DigitalOcean's rate limits, per token (description.yml "Rate Limit", DIGITALOCEAN-NOTES.md):
 * 5,000 an hour and 250 a minute; every reply carries `ratelimit-limit`, `ratelimit-remaining`
 * and `ratelimit-reset` (when the oldest counted request expires, Unix seconds); a burst 429
 * carries `retry-after`. The CDN routes allow 5 per 10 s on their own; what their 429 carries is
 * not documented, so the double sends the worst case: no `retry-after`.
 */
import type { Reply } from '../loopback.ts';
import { errorReply } from './replies.ts';

export interface Window {
  requests: number;
  windowMs: number;
}

export interface LimitOptions {
  hourly: number;
  burst: Window;
  /** false: no CDN limit. */
  cdn: Window | false;
}

export const REAL_LIMITS: LimitOptions = {
  hourly: 5000,
  burst: { requests: 250, windowMs: 60_000 },
  cdn: { requests: 5, windowMs: 10_000 },
};

const HOUR = 3_600_000;

export class RateLimits {
  private readonly hour: number[] = [];
  private readonly cdn: number[] = [];
  private readonly options: LimitOptions;
  private readonly now: () => number;

  constructor(options: LimitOptions, now: () => number) {
    this.options = options;
    this.now = now;
  }

  /** Count one request, or refuse it: the 429 to send, else the headers for the reply. */
  take(path: string): { refused: Reply } | { headers: Record<string, string> } {
    const now = this.now();
    drop(this.hour, now - HOUR);
    const { hourly, burst, cdn } = this.options;
    const inBurst = this.hour.filter((t) => t > now - burst.windowMs);
    if (this.hour.length >= hourly) return { refused: tooMany(this.headers(now, 0)) };
    if (inBurst.length >= burst.requests) {
      const wait = Math.ceil((inBurst[0]! + burst.windowMs - now) / 1000);
      return { refused: tooMany({ ...this.headers(now, 0), 'retry-after': String(Math.max(1, wait)) }) };
    }
    if (cdn && path.startsWith('/v2/cdn/')) {
      drop(this.cdn, now - cdn.windowMs);
      if (this.cdn.length >= cdn.requests) return { refused: tooMany(this.headers(now)) };
      this.cdn.push(now);
    }
    this.hour.push(now);
    return { headers: this.headers(now) };
  }

  /** The headers, counting nothing (for replies to requests that are not counted). */
  peek(): Record<string, string> {
    const now = this.now();
    drop(this.hour, now - HOUR);
    return this.headers(now);
  }

  private headers(now: number, remaining?: number): Record<string, string> {
    const oldest = this.hour[0] ?? now;
    return {
      'ratelimit-limit': String(this.options.hourly),
      'ratelimit-remaining': String(remaining ?? Math.max(0, this.options.hourly - this.hour.length)),
      // Written as in the API description's sample: header names come in any case.
      'rateLimit-reset': String(Math.ceil((oldest + HOUR) / 1000)),
    };
  }
}

function tooMany(headers: Record<string, string>): Reply {
  return errorReply(429, 'too_many_requests', 'API rate limit exceeded.', headers);
}

function drop(times: number[], before: number): void {
  while (times.length > 0 && times[0]! <= before) times.shift();
}
