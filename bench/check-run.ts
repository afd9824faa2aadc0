/**
 * What the benchmark times as a check run (`mode: check`): the real engine, through `run()` with
 * the settings a user would give (`endpoints` and curl-style `resolve` pins), so reading the
 * inputs, resolving, one handshake per address and judging each served certificate are all in
 * the figure. `checkRunFromPieces` (resolve, then handshakes, no judging) is kept beside it to
 * show what the judging costs.
 */
import { mapLimit } from '../src/rotation/concurrency.ts';
import { run } from '../src/run.ts';
import { parseSettings } from '../src/settings.ts';
import { type Endpoint, formatEndpoint } from '../src/verification/endpoints.ts';
import { checkTarget } from '../src/verification/handshake.ts';
import { DEFAULT_CONCURRENCY } from '../src/verification/limits.ts';
import type { Pins } from '../src/verification/pins.ts';
import { resolveTargets } from '../src/verification/targets.ts';

/** One address checked: what it served (its SHA-1), or why nothing. */
export interface CheckRunResult {
  served: { host: string; sha1?: string; error?: string }[];
}

export type CheckRun = (
  endpoints: readonly Endpoint[],
  pins: Pins,
  concurrency?: number,
) => Promise<CheckRunResult>;

/** Resolve every endpoint, then one handshake per address: the engine without its judging. */
export const checkRunFromPieces: CheckRun = async (endpoints, pins, concurrency = DEFAULT_CONCURRENCY) => {
  const { targets } = await resolveTargets(endpoints, { pins });
  const results = await mapLimit(targets, concurrency, (target) => checkTarget(target));
  return {
    served: results.map((r) => ({
      host: r.host,
      ...(r.served ? { sha1: r.served.sha1 } : {}),
      ...(r.error ? { error: r.error.message } : {}),
    })),
  };
};

/** `mode: check` itself, as the action and the command run it. */
export const checkRunUnderBench: CheckRun = async (endpoints, pins, concurrency) => {
  const settings = parseSettings({
    mode: 'check',
    endpoints: endpoints.map(formatEndpoint).join('\n'),
    resolve: [...pins].map(([endpoint, addresses]) => `${endpoint}:${addresses.join(',')}`).join('\n'),
  });
  const { report } = await run(settings, {
    cwd: process.cwd(),
    mask: () => {},
    env: {},
    ...(concurrency === undefined ? {} : { verification: { concurrency } }),
  });
  return {
    served: (report.served ?? []).map((e) => ({
      host: e.host,
      ...(e.sha1 === undefined ? {} : { sha1: e.sha1 }),
      ...(e.error === undefined ? {} : { error: e.error }),
    })),
  };
};
