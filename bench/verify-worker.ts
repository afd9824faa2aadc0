/**
 * One verification measurement in a process of its own, so its peak memory is its own and the
 * servers' work (in the parent, behind the latency relays) is not on its event loop. Prints one JSON
 * line: the timed samples (after one untimed handshake that warms the TLS stack) and peak RSS.
 *
 *   node bench/verify-worker.ts '<json: WorkerJob>'
 *
 * - `handshake`: one `checkTarget`, `repeats` times, one endpoint after another;
 * - `wait`: `waitUntilServed` over every endpoint, all already serving the expected certificate;
 * - `check`: a check run (`check-run.ts`) over every endpoint: resolve, then a handshake each.
 */
import { parseEndpoints } from '../src/verification/endpoints.ts';
import { checkTarget } from '../src/verification/handshake.ts';
import { parsePins } from '../src/verification/pins.ts';
import type { CheckResult } from '../src/verification/served.ts';
import { resolveTargets } from '../src/verification/targets.ts';
import { waitUntilServed } from '../src/verification/wait-until-served.ts';
import { checkRunUnderBench } from './check-run.ts';
import type { FleetEndpoint } from './endpoint-fleet.ts';

export interface WorkerJob {
  kind: 'handshake' | 'wait' | 'check';
  /** Handshakes in flight at once (`wait`, `check`); the engine's default when absent. */
  concurrency?: number;
  repeats: number;
  endpoints: FleetEndpoint[];
  expectedSha1: string;
}

export interface WorkerResult {
  samplesMs: number[];
  /** CPU time (user + system) of each timed run, this process only: the client's cost. */
  cpuMs: number[];
  peakRssMb: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as WorkerJob;
// As a user writes them: `endpoints` entries and curl-style `resolve` pins.
const endpoints = parseEndpoints(job.endpoints.map((e) => `${e.host}:${e.port}`));
const pins = parsePins(job.endpoints.map((e) => `${e.host}:${e.port}:${e.address}`));
const { targets, failures } = await resolveTargets(endpoints, { pins });
if (failures.length > 0 || targets.length !== job.endpoints.length)
  throw new Error(`resolving the pinned endpoints failed: ${JSON.stringify(failures)}`);

/** Throws unless there are `count` results and each saw the expected certificate. */
function expectServed(results: readonly CheckResult[], count = targets.length): void {
  const wrong = results.filter((r) => r.served?.sha1 !== job.expectedSha1);
  if (wrong.length > 0 || results.length !== count) {
    const first = wrong[0];
    throw new Error(
      `${wrong.length} of ${results.length} checks (${count} expected) did not see the expected certificate` +
        (first ? ` (${first.host}: ${first.error?.message ?? first.served?.sha1})` : ''),
    );
  }
}

async function once(index: number): Promise<number> {
  const start = performance.now();
  switch (job.kind) {
    case 'handshake': {
      const result = await checkTarget(targets[index % targets.length]!);
      const ms = performance.now() - start;
      expectServed([result], 1);
      return ms;
    }
    case 'wait': {
      const results = await waitUntilServed(targets, job.expectedSha1, {
        timeoutMs: 60_000,
        initialDelayMs: 1_000,
        maxDelayMs: 10_000,
        ...(job.concurrency === undefined ? {} : { concurrency: job.concurrency }),
      });
      const ms = performance.now() - start;
      expectServed(results.map((r) => r.last));
      if (results.some((r) => r.attempts !== 1)) throw new Error('an endpoint needed a second round');
      return ms;
    }
    case 'check': {
      const run = await checkRunUnderBench(endpoints, pins, job.concurrency);
      const ms = performance.now() - start;
      const wrong = run.served.filter((s) => s.sha1 !== job.expectedSha1);
      if (wrong.length > 0 || run.served.length !== targets.length) {
        throw new Error(
          `${wrong.length} of ${run.served.length} addresses did not serve the expected certificate (${wrong[0]?.host}: ${wrong[0]?.error ?? wrong[0]?.sha1})`,
        );
      }
      return ms;
    }
  }
}

expectServed([await checkTarget(targets[0]!)], 1);
const samplesMs: number[] = [];
const cpuMs: number[] = [];
for (let i = 0; i < job.repeats; i++) {
  const cpu = process.cpuUsage();
  samplesMs.push(await once(i));
  const used = process.cpuUsage(cpu);
  cpuMs.push((used.user + used.system) / 1000);
}
const result: WorkerResult = { samplesMs, cpuMs, peakRssMb: process.resourceUsage().maxRSS / 1024 };
process.stdout.write(`${JSON.stringify(result)}\n`);
