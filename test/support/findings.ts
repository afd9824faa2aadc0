/**
 * Assertions every engine test makes: findings are well formed (a known code, a level, a
 * message and a fix), `ok` means exactly "no error", and an upload exists only when ok.
 */
import assert from 'node:assert/strict';
import type { BundleInput, CheckedBundle, CheckOptions } from '../../src/certs/bundle.ts';
import type { Role, SourceInput } from '../../src/certs/decode.ts';
import { FINDING_CODES, type Finding, type FindingCode } from '../../src/certs/findings.ts';
import { checkBundle } from '../../src/certs/validate.ts';

export function source(
  role: Role,
  data: string | Uint8Array,
  name: string = role,
  file?: string,
): SourceInput {
  return file === undefined ? { role, name, data } : { role, name, data, file };
}

export function assertWellFormed(f: Finding): void {
  assert.ok((FINDING_CODES as readonly string[]).includes(f.code), `unknown code ${f.code}`);
  assert.ok(['error', 'warning', 'notice'].includes(f.level), `${f.code}: level ${f.level}`);
  assert.ok(f.message.trim().length > 0, `${f.code}: empty message`);
  assert.ok(f.fix.trim().length > 0, `${f.code}: empty fix`);
}

/** `checkBundle`, asserting what must hold for every result. */
export function checkWellFormed(input: BundleInput, options: CheckOptions = {}): CheckedBundle {
  const result = checkBundle(input, options);
  for (const f of result.findings) assertWellFormed(f);
  assert.equal(
    result.ok,
    !result.findings.some((f) => f.level === 'error'),
    'ok is exactly "no error-level finding"',
  );
  if (result.upload) assert.ok(result.ok, 'an upload only when ok');
  return result;
}

/** `CODE:level`, sorted: the whole set of findings in one comparable value. */
export function codeLevels(result: CheckedBundle): string[] {
  return result.findings.map((f) => `${f.code}:${f.level}`).sort();
}

export function codesOf(result: CheckedBundle): FindingCode[] {
  return result.findings.map((f) => f.code).sort();
}

export function withCode(result: CheckedBundle, code: FindingCode): Finding[] {
  return result.findings.filter((f) => f.code === code);
}

export function only(result: CheckedBundle, code: FindingCode): Finding {
  const found = withCode(result, code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(result.findings, null, 1)}`);
  return found[0]!;
}
