/**
 * What the benchmark times as a check run (`mode: check`): endpoints and pins in, one handshake per
 * address out. The check-mode engine is not wired yet, so `checkRunFromPieces` stands in for it,
 * built from the pieces it will use: `resolveTargets`, then `checkTarget` on every address through
 * the same bounded pool as the verification after apply. When the engine lands, point
 * `checkRunUnderBench` at it (keeping the `CheckRun` shape, or changing `verify-worker.ts` with it).
 */
import { mapLimit } from '../src/rotation/concurrency.ts';
import type { Endpoint } from '../src/verification/endpoints.ts';
import { checkTarget } from '../src/verification/handshake.ts';
import { DEFAULT_CONCURRENCY } from '../src/verification/limits.ts';
import type { Pins } from '../src/verification/pins.ts';
import type { CheckResult } from '../src/verification/served.ts';
import { type LookupFailure, resolveTargets } from '../src/verification/targets.ts';

export interface CheckRunResult {
  results: CheckResult[];
  failures: LookupFailure[];
}

export type CheckRun = (
  endpoints: readonly Endpoint[],
  pins: Pins,
  concurrency?: number,
) => Promise<CheckRunResult>;

/** Stand-in for the check-mode engine: resolve every endpoint, then one handshake per address. */
export const checkRunFromPieces: CheckRun = async (endpoints, pins, concurrency = DEFAULT_CONCURRENCY) => {
  const { targets, failures } = await resolveTargets(endpoints, { pins });
  const results = await mapLimit(targets, concurrency, (target) => checkTarget(target));
  return { results, failures };
};

/** The check run the benchmark measures. */
export const checkRunUnderBench: CheckRun = checkRunFromPieces;
