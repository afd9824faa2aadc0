/**
 * The fuzzers' oversized and endless inputs: each case runs in a process of its own
 * (oversize-worker.ts) so its time and peak memory are its own, and the worst of each is kept
 * to be reported. What every case must come to: a refusal (an InputError) or a report with a
 * few findings, within the CPU and wall limits of one call, with a log, summary and `report`
 * output of a few kilobytes, and memory that does not grow with the input.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { MAX_MANIFEST_BYTES } from '../../src/load-certificates.ts';
import type { OversizeCase, OversizeKind, OversizeResult } from './oversize-worker.ts';

export type { OversizeCase, OversizeKind, OversizeResult };

const WORKER = fileURLToPath(new URL('./oversize-worker.ts', import.meta.url));
/** What a call may add to the memory in use once its input is built (4.7 GB before the bounds). */
export const MEMORY_GROWTH_LIMIT_MB = 256;
/** Log, summary and `report` output of any of these cases: a few findings, a few kilobytes. */
export const OUTPUT_LIMIT_BYTES = 16 * 1024;
const FOUR_MIB = 4 * 1024 * 1024;

/** The cases the issue names, at their sizes: /dev/zero, a FIFO, /dev/urandom, BEGIN lines, a 50 MB PEM, a huge variable, long names. */
export const NAMED_CASES: readonly OversizeCase[] = [
  { kind: 'dev-zero part', size: 0 },
  { kind: 'fifo part', size: 0 },
  { kind: 'dev-urandom file', size: 0 },
  { kind: 'begin lines file', size: 3_600_000 },
  { kind: 'begin lines value', size: 3_600_000 },
  { kind: 'pem value', size: 50_000_000 },
  { kind: 'env value', size: 60_000_000 },
  { kind: 'long domain', size: 10_000_000 },
  { kind: 'many domains', size: 200_000 },
  { kind: 'random file', size: 4_000_000 },
  // Just under the 4 MiB bound: read, and then refused for what is in them.
  { kind: 'pem value', size: FOUR_MIB - 1000 },
  { kind: 'begin lines file', size: FOUR_MIB - 100 },
];

export const MANIFEST_CASES: readonly OversizeCase[] = [
  { kind: 'dev-zero manifest', size: 0 },
  { kind: 'fifo manifest', size: 0 },
  { kind: 'manifest of many entries', size: 4_000_000 },
  // Just under the bound: parsed whole (and over the 500 entries), the slowest manifest read.
  { kind: 'manifest of many entries', size: MAX_MANIFEST_BYTES - 100 },
];

/**
 * Sizes spread evenly (fast-check favours small numbers otherwise) on both sides of `bound`: as
 * many just under it, where the input is read, as over it, where it is refused.
 */
const sized = (kind: OversizeKind, min: number, max: number, bound = (min + max) / 2) =>
  fc
    .oneof(
      fc.noBias(fc.integer({ min, max: Math.floor(bound) })),
      fc.noBias(fc.integer({ min: Math.floor(bound), max })),
    )
    .map((size): OversizeCase => ({ kind, size }));

/** Kinds and sizes around every bound: under it, at it, far over it. */
export const oversizeCase: fc.Arbitrary<OversizeCase> = fc.oneof(
  fc.constantFrom<OversizeCase>(
    { kind: 'dev-zero part', size: 0 },
    { kind: 'dev-urandom file', size: 0 },
    { kind: 'fifo part', size: 0 },
  ),
  sized('begin lines file', 100_000, 6_000_000, FOUR_MIB),
  sized('begin lines value', 100_000, 6_000_000, FOUR_MIB),
  sized('pem value', 1_000, 60_000_000, FOUR_MIB),
  sized('env value', 1_000, 60_000_000, FOUR_MIB),
  sized('long domain', 200, 10_000_000, 256),
  sized('many domains', 900, 300_000, 1000),
  sized('random file', 1_000, 5_000_000, FOUR_MIB),
);

export const oversizeManifestCase: fc.Arbitrary<OversizeCase> = fc.oneof(
  fc.constantFrom<OversizeCase>({ kind: 'dev-zero manifest', size: 0 }, { kind: 'fifo manifest', size: 0 }),
  sized('manifest of many entries', 10_000, 5_000_000, MAX_MANIFEST_BYTES),
);

/** Run one case in its own process (with `certificate` a PEM file for the cases that need one). */
export async function runOversize(
  input: OversizeCase,
  certificate: string,
  wallLimitMs: number,
): Promise<OversizeResult> {
  const folder = await mkdtemp(join(tmpdir(), 'cert-rotate-oversize-'));
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [WORKER, folder, certificate, JSON.stringify(input)],
        // Building a 60 MB input takes its own time: the limit on the call itself is checked below.
        { timeout: wallLimitMs + 30_000, maxBuffer: 1024 * 1024 },
        (error, out, err) =>
          error ? reject(new Error(`${JSON.stringify(input)}: ${error.message}\n${err}`)) : resolve(out),
      );
    });
    return JSON.parse(stdout) as OversizeResult;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** What every case must come to (see the top of this file). */
export function assertBounded(
  result: OversizeResult,
  limits: { cpuLimitMs: number; wallLimitMs: number },
): void {
  const what = `${result.kind} (${result.size}): ${result.message.slice(0, 200)}`;
  assert.ok(['refused', 'report'].includes(result.outcome), what);
  assert.ok(result.message.length > 0 && result.message.length < 1000, `${what}: a short, clear message`);
  assert.ok(result.findings <= 20, `${what}: ${result.findings} findings`);
  assert.ok(result.cpuMs <= limits.cpuLimitMs, `${what}: ${result.cpuMs.toFixed(0)} ms CPU`);
  assert.ok(result.wallMs <= limits.wallLimitMs, `${what}: ${result.wallMs.toFixed(0)} ms wall`);
  const growth = result.peakRssMb - result.baselineRssMb;
  assert.ok(growth <= MEMORY_GROWTH_LIMIT_MB, `${what}: memory grew ${growth.toFixed(0)} MB`);
  for (const [name, size] of [
    ['log', result.logBytes],
    ['summary', result.summaryBytes],
    ['report output', result.reportChars],
  ] as const) {
    assert.ok(size <= OUTPUT_LIMIT_BYTES, `${what}: ${name} of ${size}`);
  }
}

/**
 * One case end to end, as both fuzzers take it: run in its own process, counted among the worst,
 * recorded on the fuzzer's meter (which throws past its per-call limits), held to the bounds.
 */
export async function checkOversize(
  input: OversizeCase,
  certificate: string,
  take: {
    worst: OversizeWorst;
    meter: { record(label: string, cpuMs: number, wallMs: number): void };
    limits: { cpuLimitMs: number; wallLimitMs: number };
  },
): Promise<void> {
  const result = await runOversize(input, certificate, take.limits.wallLimitMs);
  take.worst.add(result);
  try {
    take.meter.record(`${input.kind} (${input.size})`, result.cpuMs, result.wallMs);
  } catch (thrown) {
    assert.fail(thrown instanceof Error ? thrown.message : String(thrown));
  }
  assertBounded(result, take.limits);
}

/** The worst case by CPU, wall time and peak memory, for the fuzzers' closing report. */
export class OversizeWorst {
  #cases = 0;
  #cpu?: OversizeResult;
  #wall?: OversizeResult;
  #rss?: OversizeResult;

  add(result: OversizeResult): void {
    this.#cases++;
    if (!this.#cpu || result.cpuMs > this.#cpu.cpuMs) this.#cpu = result;
    if (!this.#wall || result.wallMs > this.#wall.wallMs) this.#wall = result;
    if (!this.#rss || result.peakRssMb > this.#rss.peakRssMb) this.#rss = result;
  }

  report(title: string): string {
    if (!this.#cpu || !this.#wall || !this.#rss) return `${title}: no case ran`;
    const name = (r: OversizeResult) => `${r.kind}, ${r.size.toLocaleString('en-US')}`;
    return [
      `${title}: ${this.#cases} oversized or endless inputs, each in its own process`,
      `  slowest CPU ${this.#cpu.cpuMs.toFixed(0)} ms (${name(this.#cpu)}); slowest wall ${this.#wall.wallMs.toFixed(0)} ms (${name(this.#wall)})`,
      `  peak RSS ${this.#rss.peakRssMb.toFixed(0)} MB (${name(this.#rss)}; ${this.#rss.baselineRssMb.toFixed(0)} MB with its input built, before the call)`,
    ].join('\n');
  }
}
