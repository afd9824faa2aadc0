/**
 * Our rotation of a benchmark scenario, run the way a user runs it: the built command
 * (`dist/cli/index.js apply --manifest …`), a fresh process, every lineage in one manifest. And the
 * bound it is held to: the round trips that must follow one another, times the latency, or what
 * the rate limit allows, whichever is longer.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Prepared, Scenario } from './scenario.ts';
import { ROOT } from './stats.ts';

export function runOurs(prepared: Prepared, extraArgs: readonly string[] = []): Promise<void> {
  const manifest = join(prepared.dir, 'certificates.yml');
  const entries = prepared.lineages.map((l) =>
    [
      `  - name: ${l.name}`,
      `    certificate: { file: ${JSON.stringify(l.certFile)} }`,
      `    certificate-chain: { file: ${JSON.stringify(l.chainFile)} }`,
      `    private-key: { file: ${JSON.stringify(l.keyFile)} }`,
    ].join('\n'),
  );
  writeFileSync(manifest, `certificates:\n${entries.join('\n')}\n`);
  const args = [
    join(ROOT, 'dist/cli/index.js'),
    'apply',
    '--manifest',
    manifest,
    '--provider',
    'digitalocean',
    '--api-url',
    prepared.double.url,
    ...extraArgs,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      {
        env: { PATH: process.env.PATH, CERT_ROTATE_API_TOKEN: prepared.double.token },
        cwd: prepared.dir,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (process.env.BENCH_VERBOSE) process.stderr.write(stdout + stderr);
        if (error)
          reject(new Error(`cert-rotate apply failed (${error.code}):\n${stdout.slice(-2000)}${stderr}`));
        else resolve();
      },
    );
  });
}

/** DigitalOcean serves at most 200 a page; our listing asks for the pages after the first at once. */
const PER_PAGE = 200;
/** Our limiter keeps under DigitalOcean's 250 a minute. */
const PER_MINUTE = 240;

export interface Bound {
  /** Round trips that must follow one another. */
  sequential: number;
  /** Requests a rotation cannot do without. */
  minimumRequests: number;
  /** The larger of sequential × latency and the time the rate limit needs for the minimum requests. */
  ms: number;
}

/**
 * The lower bound for rotating every lineage of the scenario (each has one older version, nothing
 * serves it) under the rotation's rules: list the certificates (one round trip, two when there is
 * more than one page); as superseded versions exist, list what uses certificates (load balancers
 * and CDN endpoints, side by side), because nothing is written before the whole plan is known; then
 * per lineage upload, read back (no removal before the replacement is confirmed) and remove the old
 * version, all lineages at once.
 */
export function rotationBound(s: Scenario): Bound {
  const pages = Math.max(1, Math.ceil(s.remote / PER_PAGE));
  const sequential = (pages > 1 ? 2 : 1) + 1 + 3;
  const minimumRequests = pages + 2 + 3 * s.lineages;
  const rateMs = Math.floor((minimumRequests - 1) / PER_MINUTE) * 60_000;
  return { sequential, minimumRequests, ms: Math.max(sequential * s.latencyMs, rateMs) };
}

/** A re-run with nothing to do: the certificate listing alone. */
export function rerunMinimum(s: Scenario): number {
  return Math.max(1, Math.ceil(s.remote / PER_PAGE));
}
