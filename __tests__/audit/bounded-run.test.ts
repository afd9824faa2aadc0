/**
 * The action as the runner starts it (from the sources), fed input made to be big: what it prints,
 * posts and outputs stays in proportion, and an endless file ends the run with a clear error.
 * Issue 11 measured a 1.7 MB file of BEGIN lines at 31 MB of log and a 14.7 MB summary.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseOutputFile, ROOT } from '../support/run-dist.ts';

interface ActionRun {
  code: number;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
}

async function runAction(workspace: string, inputs: Record<string, string>): Promise<ActionRun> {
  const summaryFile = join(workspace, 'summary.md');
  const outputFile = join(workspace, 'output');
  await writeFile(summaryFile, '');
  await writeFile(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'src/index.ts')],
      { env, cwd: workspace, timeout: 60_000, maxBuffer: 256 * 1024 * 1024 },
      (error, out) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: out }),
    );
  });
  return {
    code,
    stdout,
    summary: await readFile(summaryFile, 'utf8'),
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
  };
}

describe('the action on input made to be big', () => {
  let workspace: string;
  before(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-bounded-run-'));
  });
  after(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it('1.7 MB of unterminated BEGIN lines: a log, summary and report of a few kilobytes', async () => {
    const line = '-----BEGIN CERTIFICATE-----\n';
    const count = Math.floor(1.7e6 / line.length);
    await writeFile(join(workspace, 'begin.pem'), line.repeat(count));
    const run = await runAction(workspace, { mode: 'validate', 'certificate-file': 'begin.pem' });
    assert.equal(run.code, 1, run.stdout.slice(-2000));
    assert.match(run.stdout, new RegExp(`holds ${count} PEM BEGIN or END lines; at most 64 are read`));
    for (const [what, text] of [
      ['log', run.stdout],
      ['summary', run.summary],
      ['report output', run.outputs.report ?? ''],
    ] as const) {
      assert.ok(Buffer.byteLength(text) < 16 * 1024, `${what}: ${Buffer.byteLength(text)} bytes`);
    }
  });

  it('a manifest part that is /dev/zero: the step fails at once with what the path is', async (t) => {
    if (process.platform === 'win32') return t.skip('no /dev/zero');
    await writeFile(
      join(workspace, 'manifest.yml'),
      'certificates:\n  - name: z\n    certificate: { file: /dev/zero }\n',
    );
    const run = await runAction(workspace, { mode: 'validate', manifest: 'manifest.yml' });
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /::error::z certificate: '\/dev\/zero' is a device, not a file; only regular files are read/,
    );
  });
});
