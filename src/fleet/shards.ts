/**
 * Work spread over jobs through the workflow matrix: a plan (or validate) run writes `matrix`,
 * one shard per target, and a target with more lineages than a job should carry at its rate limit
 * is split into shards `target/i/n`. A run given `shard` does that shard alone. Pure.
 *
 * Shards of one target share its account, and so its rate limit: each shard of n takes 1/n of the
 * per-minute budget (shardBudget), so n jobs at once stay under the limit together. Splitting
 * does not make one account's work faster; it keeps each job short (a job that dies loses little,
 * a re-run redoes one shard) and the shards' reports apart. Across targets, shards are parallel
 * for real: each account has its own limit.
 */
import { InputError } from '../errors.ts';
import type { ProviderKind } from '../providers/provider.ts';
import { quoteValue } from '../secrets.ts';

export { DEFAULT_TARGET } from '../targets/pairs.ts';

export interface ShardSpec {
  target: string;
  /** 1-based. */
  index: number;
  count: number;
}

export interface TargetLoad {
  target: string;
  provider: ProviderKind;
  /** The lineage names that go to it. */
  lineages: readonly string[];
}

export interface MatrixEntry {
  /** What `shard` takes: the target's name, or `target/i/n`. */
  shard: string;
  target: string;
  /** Lineages in this shard. */
  lineages: number;
}

export const MAX_SHARDS_PER_TARGET = 32;
const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/**
 * Requests one lineage's apply may take at worst: create, read back, a rebind or two (each a
 * look, a PUT and a look), the removal. Dokploy's are fewer (create, the confirming listing,
 * remove), but it has no published limit: it is judged by the same count.
 */
const REQUESTS_PER_LINEAGE = 6;
/** Per minute, what the client allows itself (rate-limit.ts keeps DigitalOcean's 250 at 240). */
const REQUESTS_PER_MINUTE: Record<ProviderKind, number> = { digitalocean: 240, dokploy: 600 };
/** "A few minutes": past this much work at its rate limit, a target is split. */
const MINUTES_PER_SHARD = 5;

/** The most lineages one shard of a target of this provider carries. */
export function lineagesPerShard(provider: ProviderKind): number {
  return Math.floor((REQUESTS_PER_MINUTE[provider] * MINUTES_PER_SHARD) / REQUESTS_PER_LINEAGE);
}

/** The matrix: a shard per target, split where a target's lineages exceed a shard's worth. */
export function planMatrix(loads: readonly TargetLoad[]): MatrixEntry[] {
  return loads.flatMap((load) => {
    const count = Math.min(
      MAX_SHARDS_PER_TARGET,
      Math.max(1, Math.ceil(load.lineages.length / lineagesPerShard(load.provider))),
    );
    if (count === 1) return [{ shard: load.target, target: load.target, lineages: load.lineages.length }];
    return Array.from({ length: count }, (_, i) => ({
      shard: `${load.target}/${i + 1}/${count}`,
      target: load.target,
      lineages: load.lineages.filter((lineage) => shardIndexOf(lineage, count) === i + 1).length,
    }));
  });
}

/** The `matrix` output: for `strategy.matrix` (`matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`). */
export function matrixOutput(entries: readonly MatrixEntry[]): string {
  return JSON.stringify({ include: entries });
}

/**
 * Which of n shards a lineage belongs to (1-based): FNV-1a of its name, so it stays in its shard
 * whatever else the manifest holds, and plan and apply agree without passing lists around.
 */
export function shardIndexOf(lineage: string, count: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(lineage, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}

export function inShard(lineage: string, spec: ShardSpec): boolean {
  return spec.count === 1 || shardIndexOf(lineage, spec.count) === spec.index;
}

/** `name` or `name/i/n`; `name` is checked against the targets where they are known. */
export function parseShard(text: string, setting: string): ShardSpec {
  const value = text.trim();
  const parts = value.split('/');
  const fix = `Give a target's name (e.g. do-prod), or target/i/n (e.g. do-prod/2/3), as the matrix output lists them.`;
  const [target = '', index, count] = parts;
  if (!TARGET_NAME.test(target) || (parts.length !== 1 && parts.length !== 3)) {
    throw new InputError(`Invalid ${setting} ${quoteValue(value)}.`, fix);
  }
  if (parts.length === 1) return { target, index: 1, count: 1 };
  const i = Number(index);
  const n = Number(count);
  if (
    !/^\d{1,2}$/.test(index ?? '') ||
    !/^\d{1,2}$/.test(count ?? '') ||
    i < 1 ||
    i > n ||
    n > MAX_SHARDS_PER_TARGET
  ) {
    throw new InputError(
      `Invalid ${setting} ${quoteValue(value)}: i and n must be whole numbers with 1 ≤ i ≤ n ≤ ${MAX_SHARDS_PER_TARGET}.`,
      fix,
    );
  }
  return { target, index: i, count: n };
}

/** A shard's share of its account's per-minute budget: together, n shards stay under the limit. */
export function shardBudget(provider: ProviderKind, spec: ShardSpec): number {
  return Math.max(1, Math.floor((REQUESTS_PER_MINUTE[provider] ?? 240) / spec.count));
}
