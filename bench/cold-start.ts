/**
 * Cold start: how long `node dist/index.js` takes for a validate run, against `node -e 0` on the
 * same machine. Each run is a fresh process, as on a runner; the runs of the three commands are
 * interleaved so a change in the machine's load affects them alike, and medians are compared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Issued } from '../test/support/pki.ts';
import { median, ROOT } from './stats.ts';

export interface ColdStart {
  runs: number;
  nodeMs: number;
  actionMs: number;
  cliMs: number;
  /** Peak RSS of one action run, MB. */
  actionRssMb: number;
}

export function measureColdStart(leaf: Issued, chain: Issued, runs = 25): ColdStart {
  const dir = mkdtempSync(join(tmpdir(), 'cert-rotate-bench-'));
  try {
    const files = { output: join(dir, 'output'), summary: join(dir, 'summary') };
    const actionEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_WORKSPACE: dir,
      INPUT_MODE: 'validate',
      INPUT_CERTIFICATE: leaf.certPem + chain.certPem,
      'INPUT_PRIVATE-KEY': leaf.keyPem,
    };
    writeFileSync(join(dir, 'fullchain.pem'), leaf.certPem + chain.certPem);
    writeFileSync(join(dir, 'privkey.pem'), leaf.keyPem);
    const commands = {
      node: { args: ['-e', '0'], env: { PATH: process.env.PATH } },
      action: { args: [join(ROOT, 'dist/index.js')], env: actionEnv },
      cli: {
        args: [
          join(ROOT, 'dist/cli/index.js'),
          'validate',
          '--cert',
          'fullchain.pem',
          '--key',
          'privkey.pem',
        ],
        env: { PATH: process.env.PATH },
      },
    };
    const times: Record<keyof typeof commands, number[]> = { node: [], action: [], cli: [] };
    let actionRssMb = 0;
    for (let i = 0; i < runs + 2; i++) {
      for (const [name, command] of Object.entries(commands) as [
        keyof typeof commands,
        (typeof commands)['node'],
      ][]) {
        writeFileSync(files.output, '');
        writeFileSync(files.summary, '');
        const start = process.hrtime.bigint();
        const result = spawnSync(process.execPath, command.args, {
          env: command.env,
          cwd: dir,
          encoding: 'utf8',
        });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        // A CHAIN_INCOMPLETE warning is expected (the test root is private); anything failing is not.
        if (result.status !== 0)
          throw new Error(`${name} exited ${result.status}: ${result.stdout}${result.stderr}`);
        if (i >= 2) times[name].push(ms); // the first two warm the file cache
        if (name === 'action' && i === 2) actionRssMb = peakRssMb(command.args, command.env, dir);
      }
    }
    return {
      runs,
      nodeMs: median(times.node),
      actionMs: median(times.action),
      cliMs: median(times.cli),
      actionRssMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak RSS of one run, read by /usr/bin/time when the machine has it. */
function peakRssMb(args: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    env,
    cwd,
    encoding: 'utf8',
  });
  const kb = Number(result.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : Number.NaN;
}
