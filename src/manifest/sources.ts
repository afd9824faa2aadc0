/**
 * Where a manifest reads a value: `{ env: NAME }` (an environment variable, usually filled from a
 * secret in the step's env: block) or `{ file: PATH }`. A value written in the manifest itself is
 * refused: secrets belong in secrets. A target's api-token takes `env` alone (a token in a file in
 * the repository would be a token committed).
 */
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { looksLikeToken } from '../secrets.ts';
import { checkKeys, type LineOf, type Report } from './nodes.ts';

/** Where one part's bytes come from. `line` is the manifest line that names it. */
export type SourceRef =
  | { kind: 'env'; variable: string; line: number }
  | { kind: 'file'; path: string; line: number };

export type EnvRef = Extract<SourceRef, { kind: 'env' }>;

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const ENV_SHAPE = 'expected { env: NAME } (an environment variable, e.g. from a secret)';

/**
 * The `{ env: … }` / `{ file: … }` mapping under `key`, its keys checked; undefined (said, unless
 * the key is absent) when it is not a mapping: a value written in the manifest itself is refused.
 */
function sourceMap(
  map: YAMLMap,
  key: string,
  at: string,
  shape: string,
  report: Report,
): YAMLMap | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return undefined;
  if (!isMap(node)) {
    report(
      node,
      at,
      isScalar(node) && typeof node.value === 'string'
        ? `a value in the manifest itself is not read: ${shape}`
        : shape,
    );
    return undefined;
  }
  checkKeys(node, ['env', 'file'], at, report);
  return node;
}

export function readSource(
  map: YAMLMap,
  key: string,
  where: string,
  report: Report,
  lineOf: LineOf,
): SourceRef | undefined {
  const at = `${where}.${key}`;
  const shape = `${ENV_SHAPE} or { file: PATH }.`;
  const node = sourceMap(map, key, at, shape, report);
  if (node === undefined) return undefined;
  const env = node.get('env', true) as Node | undefined;
  const file = node.get('file', true) as Node | undefined;
  const line = lineOf(node) ?? 0;
  if (env !== undefined && file !== undefined) {
    report(node, at, 'has both env and file: give one.');
    return undefined;
  }
  if (env !== undefined) return readEnv(env, at, line, report);
  if (file !== undefined) {
    if (!isScalar(file) || typeof file.value !== 'string' || file.value.trim() === '') {
      report(file, `${at}.file`, 'expected a path, relative to the workspace.');
      return undefined;
    }
    return { kind: 'file', path: file.value.trim(), line };
  }
  report(node, at, shape);
  return undefined;
}

/** A token: from an environment variable only. */
export function readEnvSource(
  map: YAMLMap,
  key: string,
  where: string,
  report: Report,
  lineOf: LineOf,
): EnvRef | undefined {
  const at = `${where}.${key}`;
  const shape = `${ENV_SHAPE}; a token is read from the environment only.`;
  const node = sourceMap(map, key, at, shape, report);
  if (node === undefined) return undefined;
  const env = node.get('env', true) as Node | undefined;
  if (node.has('file') || env === undefined) {
    report(node, at, shape);
    return undefined;
  }
  return readEnv(env, at, lineOf(node) ?? 0, report);
}

function readEnv(env: Node, at: string, line: number, report: Report): EnvRef | undefined {
  // A token is a valid variable name: refused too, or "not set" would print it.
  if (
    !isScalar(env) ||
    typeof env.value !== 'string' ||
    !ENV_NAME.test(env.value) ||
    looksLikeToken(env.value)
  ) {
    report(
      env,
      `${at}.env`,
      'expected an environment variable name (letters, digits and _, not starting with a digit).',
    );
    return undefined;
  }
  return { kind: 'env', variable: env.value, line };
}
