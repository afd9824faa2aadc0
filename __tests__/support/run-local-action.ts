/**
 * Run the action's sources under GitHub's @github/local-action, as the README tells a developer
 * to: `local-action run <repository> src/main.ts <.env>`, from the repository. local-action loads
 * the .env file, replaces @actions/core with its own (which keeps secrets, outputs and the summary),
 * imports src/main.ts with tsx and calls its `run`, then prints the outputs as a table.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { ROOT } from './run-dist.ts';

export interface LocalActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The outputs as local-action printed them under "Action Outputs" (quotes removed). */
  outputs: Record<string, string>;
  /** What was written to the .env's GITHUB_STEP_SUMMARY ('' when nothing created the file). */
  summary: string;
}

/** One `NAME="value"` line; dotenv keeps the line breaks of a double-quoted value. */
function dotenvLine(name: string, value: string): string {
  if (/["\\]/.test(value)) throw new Error(`${name}: a test .env value may not hold " or \\`);
  return `${name}="${value}"`;
}

/**
 * `dotenv` goes into the .env file (GITHUB_STEP_SUMMARY is added, in a fresh directory); `env` is
 * the environment the command runs in, so inputs can come from either. File inputs are read
 * relative to `workspace` (GITHUB_WORKSPACE).
 */
export async function runLocalAction(
  dotenv: Record<string, string>,
  env: Record<string, string> = {},
  workspace?: string,
): Promise<LocalActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'cert-rotate-local-action-'));
  try {
    const summaryFile = join(dir, 'summary.md');
    const envFile = join(dir, '.env');
    const lines = Object.entries({
      GITHUB_WORKSPACE: workspace ?? dir,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...dotenv,
    }).map(([name, value]) => dotenvLine(name, value));
    await writeFile(envFile, `${lines.join('\n')}\n`);
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          join(ROOT, 'node_modules/@github/local-action/bin/local-action.js'),
          'run',
          ROOT,
          'src/main.ts',
          envFile,
        ],
        {
          // local-action starts `npm exec tsx …`: the same Node as this test runs on runs the action.
          env: {
            PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
            HOME: process.env.HOME,
            ...env,
          },
          cwd: ROOT,
          timeout: 120_000,
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
    return {
      ...result,
      outputs: parseOutputsTable(result.stdout),
      summary: await readFile(summaryFile, 'utf8').catch(() => ''),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The rows of the table local-action prints after "Action Outputs": `│ 7 │ 'status' │ 'valid' │`. */
export function parseOutputsTable(stdout: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const section = stdout.split(/^\s*Action Outputs\s*$/m)[1] ?? '';
  for (const match of section.matchAll(/^│\s*\d+\s*│\s*'([a-z0-9-]+)'\s*│\s*(['"`])(.*)\2\s*│\s*$/gm)) {
    outputs[match[1]!] = match[3]!;
  }
  return outputs;
}
