/**
 * Measuring a rotation of a benchmark scenario: the baseline shell script
 * (`baseline/rotate-digitalocean.sh`, what users would otherwise write), or any other runner given
 * the same prepared scenario. Wall time is taken around the runner only; requests are counted from
 * the double's log (writes: anything but GET), the busiest minute from their arrival times; the
 * end state is checked before the figures count.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { RecordedRequest } from '../test/doubles/loopback.ts';
import type { Pki } from '../test/support/pki.ts';
import { checkEndState, type Prepared, prepareScenario, type Scenario } from './scenario.ts';

export interface Measurement {
  /** Milliseconds the runner took (preparation and the end-state check excluded). */
  wallMs: number;
  /** Requests the double received, 429-refused ones included. */
  requests: number;
  /** Of those, the ones that are not GETs. */
  writes: number;
  /** Most requests received in any 60-second window. */
  requestsPerMinutePeak: number;
  /** Requests refused with 429 (rate limited). */
  throttled: number;
}

export const BASELINE_SCRIPT = fileURLToPath(new URL('./baseline/rotate-digitalocean.sh', import.meta.url));

const MINUTE = 60_000;

/** Prepare `scenario`, run `runner` on it, count, check the end state, close. */
export async function measureScenarioWith(
  pki: Pki,
  scenario: Scenario,
  runner: (prepared: Prepared) => Promise<void>,
): Promise<Measurement> {
  const prepared = await prepareScenario(pki, scenario);
  try {
    const log = prepared.double.server.requests;
    const arrivals = stampArrivals(log);
    const first = log.length;
    const start = performance.now();
    await runner(prepared);
    const wallMs = performance.now() - start;
    const requests = log.slice(first);
    checkEndState(prepared);
    return {
      wallMs: Math.round(wallMs),
      requests: requests.length,
      writes: requests.filter((r) => r.method !== 'GET').length,
      requestsPerMinutePeak: peakInWindow(
        requests.map((r) => arrivals.get(r) ?? start),
        MINUTE,
      ),
      throttled: requests.filter((r) => r.reply?.status === 429).length,
    };
  } finally {
    await prepared.close();
  }
}

/** The baseline: the shell script, once, over every lineage of the scenario. */
export function measureBaseline(pki: Pki, scenario: Scenario): Promise<Measurement> {
  return measureScenarioWith(pki, scenario, runBaselineScript);
}

/** Runs the baseline script against the prepared double; rejects with its output if it fails. */
export function runBaselineScript(prepared: Prepared): Promise<void> {
  const env = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? prepared.dir,
    TMPDIR: prepared.dir,
    LC_ALL: 'C',
    DO_API_URL: prepared.double.url,
    DO_TOKEN: prepared.double.token,
    CA_FILE: prepared.caFile,
  };
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [BASELINE_SCRIPT, prepared.listFile],
      { env, cwd: path.dirname(BASELINE_SCRIPT), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (process.env['BENCH_VERBOSE']) process.stderr.write(stdout + stderr);
        if (error)
          reject(new Error(`baseline script failed (${error.message.split('\n')[0]}):\n${tail(stderr)}`));
        else resolve();
      },
    );
  });
}

/** When each request of `log` arrived (the log itself has no times): stamps entries as they are pushed. */
function stampArrivals(log: RecordedRequest[]): WeakMap<RecordedRequest, number> {
  const arrivals = new WeakMap<RecordedRequest, number>();
  const push = log.push.bind(log);
  log.push = (...items: RecordedRequest[]): number => {
    const now = performance.now();
    for (const item of items) arrivals.set(item, now);
    return push(...items);
  };
  return arrivals;
}

/** The most times falling in any window [t, t + windowMs). */
export function peakInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= windowMs) from++;
    peak = Math.max(peak, to - from + 1);
  }
  return peak;
}

function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
