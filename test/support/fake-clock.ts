/**
 * A clock whose sleeps pass at once and move its time on: retries, rate limits and polling run
 * in microseconds, and what they waited is recorded. Share `now` with a double so both agree.
 */
import type { Clock } from '../../src/providers/clock.ts';

export class FakeClock implements Clock {
  private time: number;
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[] = [];

  constructor(start = Date.now()) {
    this.time = start;
  }

  readonly now = (): number => this.time;

  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
    // Let sockets and timers that are really due run, as a real sleep would.
    await new Promise((resolve) => setImmediate(resolve));
  };

  readonly random = (): number => 0.5;

  advance(ms: number): void {
    this.time += ms;
  }
}
