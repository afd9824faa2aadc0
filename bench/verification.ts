/**
 * The verification benchmarks: measurements over an endpoint fleet (`endpoint-fleet.ts`), each in
 * a worker process (`verify-worker.ts`), and the baseline check run (`baseline/check-endpoints.sh`,
 * openssl s_client one endpoint after another). The fleet is served by this process, so everything
 * here waits asynchronously: a synchronous spawn would stop the servers it measures.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { Fleet } from './endpoint-fleet.ts';
import { median, ROOT } from './stats.ts';
import type { WorkerJob, WorkerResult } from './verify-worker.ts';

const execFileP = promisify(execFile);

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  /** Median CPU time of a run in the measuring process (the client side only). */
  cpuMs: number;
  peakRssMb: number;
}

/** `repeats` timed runs of one kind of check over the fleet, in a fresh worker process. */
export async function measureVerification(
  fleet: Fleet,
  job: Pick<WorkerJob, 'kind' | 'concurrency' | 'repeats'>,
): Promise<Timing> {
  const full: WorkerJob = { ...job, endpoints: fleet.endpoints, expectedSha1: fleet.expectedSha1 };
  const { stdout } = await execFileP(
    process.execPath,
    [join(ROOT, 'bench/verify-worker.ts'), JSON.stringify(full)],
    { env: { PATH: process.env.PATH }, maxBuffer: 16 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as WorkerResult;
  return {
    medianMs: median(result.samplesMs),
    minMs: Math.min(...result.samplesMs),
    maxMs: Math.max(...result.samplesMs),
    runs: result.samplesMs.length,
    cpuMs: median(result.cpuMs),
    peakRssMb: result.peakRssMb,
  };
}

/** The baseline check run, once: wall time of the script over every endpoint of the fleet. */
export async function measureCheckBaseline(fleet: Fleet): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cert-rotate-bench-'));
  try {
    const list = join(dir, 'endpoints.tsv');
    writeFileSync(list, fleet.endpoints.map((e) => `${e.host}\t${e.address}\t${e.port}\n`).join(''));
    const start = performance.now();
    const { stdout, stderr } = await execFileP(
      'bash',
      [join(ROOT, 'bench/baseline/check-endpoints.sh'), list, fleet.expectedSha1],
      { env: { PATH: process.env.PATH, LC_ALL: 'C' }, cwd: dir, maxBuffer: 16 * 1024 * 1024 },
    );
    const ms = performance.now() - start;
    if (process.env.BENCH_VERBOSE) process.stderr.write(stdout + stderr);
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `median (min–max)` of a timing, in the tables' units. */
export function spread(t: Timing, format: (ms: number) => string): string {
  return `${format(t.medianMs)} (${format(t.minMs)}–${format(t.maxMs)})`;
}
