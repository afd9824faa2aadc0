/**
 * The built action takes the runner protocol from src/runner-slim.ts where the sources use
 * @actions/core's index (src/runner.ts; scripts/build.ts swaps them). The same calls through
 * either must reach the runner alike: the same log, outputs file, summary file and exit code.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type * as Sources from '../src/runner.ts';
import type * as Slim from '../src/runner-slim.ts';
import { ROOT } from './support/run-dist.ts';

/** Every function the action uses, with text that needs escaping (`%`, `:`, `,`, line breaks). */
const CALLS = `
const core = await import(process.argv[1]);
core.info(JSON.stringify([core.getInput('mode'), core.getInput('private-key', { trimWhitespace: false }), core.getInput('name with space'), core.getInput('absent')]));
core.setSecret('a secret: 100%\\nsecond line');
core.setOutput('status', 'planned');
core.setOutput('report', '{"a":"line\\nbreak"}');
core.notice('a notice', { title: 'CODE: CN=a,b', file: 'certs/a.pem', startLine: 3 });
core.warning('50% done\\r\\nnext');
core.error('an error', {});
core.startGroup('Report');
core.info('::stop-commands::t');
core.endGroup();
if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw('## summary').write();
core.setFailed('failed: 100%');
`;

interface Reached {
  code: number;
  stdout: string;
  stderr: string;
  output: string;
  summary: string;
}

async function reach(module: string, withFiles: boolean): Promise<Reached> {
  const dir = await mkdtemp(join(tmpdir(), 'cert-rotate-runner-'));
  try {
    const files = { output: join(dir, 'output'), summary: join(dir, 'summary') };
    await writeFile(files.output, '');
    await writeFile(files.summary, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      INPUT_MODE: '  plan  ',
      'INPUT_PRIVATE-KEY': ' kept as given \n',
      INPUT_NAME_WITH_SPACE: 'spaced',
    };
    if (withFiles) Object.assign(env, { GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary });
    const url = pathToFileURL(join(ROOT, module)).href;
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--input-type=module', '-e', CALLS, url],
        { env, cwd: dir, timeout: 30_000 },
        (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
        },
      );
    });
    // The output file's delimiters are random per call.
    const output = (await readFile(files.output, 'utf8')).replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER');
    return { ...run, output, summary: await readFile(files.summary, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('src/runner-slim.ts does what @actions/core does (src/runner.ts)', () => {
  it('exports the same names, typed alike (each module typed as the other, checked by tsc)', async () => {
    const sources: typeof Slim = await import('../src/runner.ts');
    const slim: typeof Sources = await import('../src/runner-slim.ts');
    assert.deepEqual(Object.keys(slim).sort(), Object.keys(sources).sort());
  });

  for (const withFiles of [true, false]) {
    it(
      withFiles ? 'with the output and summary files' : 'without them (set-output, no summary)',
      async () => {
        const sources = await reach('src/runner.ts', withFiles);
        const slim = await reach('src/runner-slim.ts', withFiles);
        assert.equal(sources.code, 1, sources.stdout + sources.stderr);
        assert.match(sources.stdout, /::error::failed: 100%25/);
        assert.match(sources.stdout, /::add-mask::a secret: 100%25%0Asecond line/);
        assert.deepEqual(slim, sources);
      },
    );
  }
});
