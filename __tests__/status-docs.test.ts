/**
 * The `status` output, as documented in the README's outputs table and in action.yml: for each
 * mode, exactly the values the code can give there, and the order in which the worst is chosen.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Outputs } from '../src/constants.ts';
import { PRIORITY, type RunStatus } from '../src/report/report.ts';
import type { Mode } from '../src/settings.ts';

/**
 * What each mode can end with. validate: no rotation, so only a check's verdict; a pull request
 * whose certificates are all secrets it cannot see is `skipped` (`none` cannot happen: an
 * inventory needs plan or apply). plan: a plan's statuses, `invalid` for a certificate that failed
 * its checks (not sent), `skipped` on a pull request, `none` for an inventory-only run. apply: what
 * was done; never `skipped` (a pull request is never applied) and never `valid` (a valid
 * certificate is rotated, so it ends with a rotation status).
 */
const BY_MODE: Record<Mode, readonly RunStatus[]> = {
  validate: ['valid', 'invalid', 'skipped'],
  plan: ['planned', 'unchanged', 'blocked', 'invalid', 'skipped', 'none'],
  apply: ['created', 'rotated', 'unchanged', 'partial', 'failed', 'blocked', 'invalid', 'none'],
  check: ['valid', 'invalid', 'none'],
};

// Every status the type allows is listed under some mode (a compile error otherwise).
type Unlisted = Exclude<RunStatus, (typeof BY_MODE)[Mode][number]>;
const everyStatusListed: [Unlisted] extends [never] ? true : Unlisted = true;

const root = new URL('../', import.meta.url);

async function documented(): Promise<Record<string, string>> {
  const { parse } = await import('yaml');
  const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
    outputs: Record<string, { description: string }>;
  };
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const row = readme.split('\n').find((line) => line.startsWith(`| \`${Outputs.Status}\` |`));
  assert.ok(row, 'the README has a status row');
  return { 'README.md': row, 'action.yml': action.outputs[Outputs.Status]?.description ?? '' };
}

/** The backticked words of `text` after `` `label`: `` up to the next full stop. */
function listAfter(text: string, label: string): string[] {
  const after = text.split(`\`${label}\`: `)[1]?.split('.')[0] ?? '';
  return [...after.matchAll(/`([a-z]+)`/g)].map((m) => m[1]!);
}

describe('the status output, documented', () => {
  it('lists every status somewhere', () => {
    assert.equal(everyStatusListed, true);
  });

  it('per mode, exactly what the code can give', async () => {
    for (const [file, text] of Object.entries(await documented())) {
      for (const mode of Object.keys(BY_MODE) as Mode[]) {
        assert.deepEqual(listAfter(text, mode), BY_MODE[mode], `${file}, ${mode}`);
      }
    }
  });

  it('with the order in which the worst of several is chosen', async () => {
    for (const [file, text] of Object.entries(await documented())) {
      const order = [...(text.split('the worst in this order: ')[1] ?? '').matchAll(/`([a-z]+)`/g)].map(
        (m) => m[1],
      );
      assert.deepEqual(order, PRIORITY, file);
    }
  });
});
