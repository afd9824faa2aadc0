/**
 * The action's two entry modules, as GitHub's actions/typescript-action template has them:
 * src/main.ts exports `run` and starts nothing when imported (@github/local-action imports it and
 * calls `run` itself); src/index.ts, which dist/index.js is built from, runs it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './support/run-dist.ts';

/** Node on `args` with only PATH and the inputs of a validate run that has no certificate. */
function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { env: { PATH: process.env.PATH, INPUT_MODE: 'validate' }, cwd: ROOT, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

it('importing src/main.ts starts no run: it exports run()', async () => {
  const main = pathToFileURL(join(ROOT, 'src/main.ts')).href;
  const result = await node([
    '--input-type=module',
    '-e',
    `const m = await import(${JSON.stringify(main)}); process.stdout.write(typeof m.run);`,
  ]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.equal(result.stdout, 'function', 'nothing printed but the type of run');
});

it('src/index.ts runs the action once', async () => {
  const result = await node([join(ROOT, 'src/index.ts')]);
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.equal(result.stdout.match(/^::error::/gm)?.length, 1, result.stdout);
  assert.match(result.stdout, /certificate/i);
});
