/**
 * The rate limiter on a fake clock: sleep returns at once, moving the time on by what was asked,
 * so every wait is asserted exactly and nothing waits for real.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Clock } from '../../src/providers/clock.ts';
import { RateLimiter } from '../../src/providers/rate-limit.ts';

const START = Date.UTC(2025, 5, 1, 12, 0, 0);
const START_S = START / 1000;

class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  t = START;
  /** Makes the next sleep reject, as an aborted wait would. */
  failNextSleep = false;

  now(): number {
    return this.t;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    if (this.failNextSleep) {
      this.failNextSleep = false;
      throw new Error('sleep aborted');
    }
    this.t += Math.max(0, ms);
  }

  random(): number {
    return 0.5;
  }
}

/** Acquire `n` times one after the other; the clock time at which each was granted. */
async function grants(limiter: RateLimiter, clock: FakeClock, n: number): Promise<number[]> {
  const at: number[] = [];
  for (let i = 0; i < n; i++) {
    await limiter.acquire();
    at.push(clock.t - START);
  }
  return at;
}

describe('RateLimiter: the one-minute window', () => {
  it('lets a window of requests through at once; the next waits until the first leaves the window', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock, { requests: 3 });
    assert.deepEqual(await grants(limiter, clock, 3), [0, 0, 0]);
    assert.deepEqual(clock.sleeps, []);
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, [60_000]);
    assert.equal(clock.t - START, 60_000);
  });

  it('waits only for the oldest request to leave the window (sliding, not fixed minutes)', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock, { requests: 3 });
    for (const at of [0, 10_000, 20_000]) {
      clock.t = START + at;
      await limiter.acquire();
    }
    clock.t = START + 30_000;
    await limiter.acquire(); // the one sent at 0 leaves at 60 s
    assert.deepEqual(clock.sleeps, [30_000]);
    await limiter.acquire(); // then the one sent at 10 s, at 70 s
    assert.deepEqual(clock.sleeps, [30_000, 10_000]);
    assert.equal(clock.t - START, 70_000);
    assert.equal(limiter.waitedMs, 40_000);
  });

  it('does not wait once the clock has moved past the window by itself', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock, { requests: 2 });
    await grants(limiter, clock, 2);
    clock.t += 60_000;
    assert.deepEqual(await grants(limiter, clock, 2), [60_000, 60_000]);
    assert.deepEqual(clock.sleeps, []);
    assert.equal(limiter.waitedMs, 0);
  });

  it('defaults to 240 a minute', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock);
    await grants(limiter, clock, 240);
    assert.deepEqual(clock.sleeps, []);
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, [60_000]);
  });
});

describe('RateLimiter: concurrent acquires', () => {
  it('serves them in the order they were made, each waiting its turn', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock, { requests: 2 });
    const order: number[] = [];
    const granted: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        limiter.acquire().then(() => {
          order.push(i);
          granted.push(clock.t - START);
        }),
      ),
    );
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
    assert.deepEqual(granted, [0, 0, 60_000, 60_000, 120_000]);
    assert.deepEqual(clock.sleeps, [60_000, 60_000]);
    assert.equal(limiter.waitedMs, 120_000);
  });

  it('one failed wait does not block the ones queued behind it', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock, { requests: 1 });
    await limiter.acquire();
    clock.failNextSleep = true;
    const results = await Promise.allSettled([limiter.acquire(), limiter.acquire()]);
    assert.equal(results[0]?.status, 'rejected');
    assert.equal(results[1]?.status, 'fulfilled');
  });
});

describe('RateLimiter: spreading the rest of the hourly budget', () => {
  it('below lowWater, spaces requests evenly until ratelimit-reset', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock, { requests: 1_000, lowWater: 25 });
    limiter.observe({ 'ratelimit-remaining': '10', 'ratelimit-reset': String(START_S + 100) });
    assert.deepEqual(await grants(limiter, clock, 3), [10_000, 20_000, 30_000]);
    assert.deepEqual(clock.sleeps, [10_000, 10_000, 10_000]);
    assert.equal(limiter.waitedMs, 30_000);
  });

  it('does not spread while the budget is above lowWater', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock, { lowWater: 25 });
    limiter.observe({ 'ratelimit-remaining': '26', 'ratelimit-reset': String(START_S + 3_600) });
    assert.deepEqual(await grants(limiter, clock, 1), [0]);
    // Counting its own requests down, it starts spreading at lowWater: 3 600 s / 25 left.
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, [(3_600_000 - 0) / 25]);
  });

  it('with nothing left, waits for the reset', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock);
    limiter.observe({ 'ratelimit-remaining': '0', 'ratelimit-reset': String(START_S + 42) });
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, [42_000]);
  });

  it('stops spreading once the reset time has passed', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock);
    limiter.observe({ 'ratelimit-remaining': '1', 'ratelimit-reset': String(START_S + 30) });
    clock.t += 31_000;
    assert.deepEqual(await grants(limiter, clock, 3), [31_000, 31_000, 31_000]);
    assert.deepEqual(clock.sleeps, []);
  });

  it('a fresh reply resets the count (the server knows best)', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock);
    limiter.observe({ 'ratelimit-remaining': '2', 'ratelimit-reset': String(START_S + 20) });
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, [10_000]);
    limiter.observe({ 'ratelimit-remaining': '4999', 'ratelimit-reset': String(START_S + 3_600) });
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, [10_000]);
  });

  it('takes the longer of the window wait and the spreading wait, and adds up waitedMs', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock, { requests: 1 });
    await limiter.acquire();
    limiter.observe({ 'ratelimit-remaining': '5', 'ratelimit-reset': String(START_S + 50) });
    await limiter.acquire(); // window: 60 s; spread: 50 s / 5 = 10 s
    limiter.observe({ 'ratelimit-remaining': '1', 'ratelimit-reset': String(START_S + 600) });
    await limiter.acquire(); // window: 60 s; spread: 540 s / 1
    assert.deepEqual(clock.sleeps, [60_000, 540_000]);
    assert.equal(limiter.waitedMs, 600_000);
  });

  it('a per-minute refusal (it carries retry-after) says nothing of the hourly budget', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock);
    // What a burst 429 may carry: remaining 0, and a reset an hour away.
    limiter.observe({
      'retry-after': '12',
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(START_S + 3_600),
    });
    assert.deepEqual(await grants(limiter, clock, 2), [0, 0]);
    assert.deepEqual(clock.sleeps, []);
  });

  it('reads the header names in any case', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock);
    limiter.observe({ 'RateLimit-Remaining': '4', 'RateLimit-Reset': String(START_S + 40) });
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, [10_000]);
  });

  it('ignores missing, blank and unparsable values', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock);
    limiter.observe({ 'ratelimit-reset': String(START_S + 40) });
    limiter.observe({ 'ratelimit-remaining': '', 'ratelimit-reset': String(START_S + 40) });
    limiter.observe({ 'ratelimit-remaining': 'lots', 'ratelimit-reset': 'soon' });
    limiter.observe({});
    assert.deepEqual(await grants(limiter, clock, 3), [0, 0, 0]);
    assert.deepEqual(clock.sleeps, []);
  });
});
