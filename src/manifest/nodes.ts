/**
 * What every part of the manifest parser shares: how a problem is reported (with its line), the
 * keys a mapping may hold with the one a typo most likely meant, and a value's problem as the
 * rules shared with the inputs word it.
 */
import { isAlias, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { CertRotateError, messageWithFix } from '../errors.ts';
import { quoteValue } from '../secrets.ts';

export interface Problem {
  line: number | undefined;
  where: string;
  message: string;
}

export type Located = Node | Pair | null | undefined;
export type Report = (node: Located, where: string, message: string) => void;
export type LineOf = (node: Located) => number | undefined;

export function checkKeys(map: YAMLMap, allowed: readonly string[], where: string, report: Report): void {
  for (const pair of map.items) {
    if (isAlias(pair.value) || isAlias(pair.key)) {
      report(pair.key as Node, where, 'anchors and aliases (&, *) are not supported: write each value out.');
      continue;
    }
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined && allowed.includes(key)) continue;
    const near = key === undefined ? undefined : closest(key, allowed);
    report(
      pair.key as Node,
      where,
      `unknown key ${quoteValue(key ?? '?')}${near ? ` (did you mean '${near}'?)` : ''}. Expected: ${allowed.join(', ')}.`,
    );
  }
}

/** The allowed word a typo most likely meant: within two edits, or one written with _ for -. */
export function closest(key: string, allowed: readonly string[]): string | undefined {
  const normal = key.toLowerCase().replace(/_/g, '-');
  let best: { word: string; distance: number } | undefined;
  for (const word of allowed) {
    const distance = word === normal ? 0 : editDistance(normal, word);
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function isNodeLike(value: unknown): value is { range?: [number, number, number] } {
  return typeof value === 'object' && value !== null && 'range' in value;
}

/** A value's problem, as the checks shared with the inputs word it; anything else is a bug. */
export function messageOf(thrown: unknown): string {
  if (thrown instanceof CertRotateError) return messageWithFix(thrown);
  throw thrown;
}
