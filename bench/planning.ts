/**
 * Planning cost: `rotate()` in plan mode over an in-memory account, each size in a process of its
 * own (bench/plan-worker.ts) so peak memory is that size's. Linear growth is the target: ten
 * times the size may cost at most twelve times the time.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './stats.ts';

export interface PlanningRow {
  remote: number;
  desired: number;
  cpuMs: number;
  peakRssMb: number;
}

export const PLANNING_SIZES: readonly [number, number][] = [
  [1_000, 100],
  [10_000, 100],
  [1_000, 1_000],
  [10_000, 1_000],
];

export function measurePlanning(sizes = PLANNING_SIZES): PlanningRow[] {
  return sizes.map(([remote, desired]) => {
    const out = execFileSync(
      process.execPath,
      [join(ROOT, 'bench/plan-worker.ts'), String(remote), String(desired)],
      {
        encoding: 'utf8',
      },
    );
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as PlanningRow;
  });
}
