/**
 * Run the built action the way the runner does: `node dist/index.js` with inputs as INPUT_*
 * variables and the output, summary and event files the runner provides.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface DistRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parse the runner's GITHUB_OUTPUT file (`name<<DELIMITER` … `DELIMITER` blocks). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
    outputs[name!] = value.join('\n');
  }
  return outputs;
}

/** The event the run is for, as the runner describes it: its name, its payload file, and more variables. */
export interface RunnerEvent {
  name: string;
  payload?: unknown;
  /** GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_RUN_ID, GITHUB_JOB, GITHUB_WORKFLOW … */
  env?: Record<string, string>;
}

/**
 * An event for `repo` (owner/name) with the runner's variables, its API at `apiUrl` (the GitHub
 * double), run 4242 of the workflow "Certificates", job "certificates".
 */
export function runnerEvent(
  apiUrl: string,
  name: string,
  payload: unknown = {},
  extra: { repo?: string; env?: Record<string, string> } = {},
): RunnerEvent {
  return {
    name,
    payload,
    env: {
      GITHUB_REPOSITORY: extra.repo ?? 'octo/app',
      GITHUB_API_URL: apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_JOB: 'certificates',
      GITHUB_WORKFLOW: 'Certificates',
      ...extra.env,
    },
  };
}

export async function runAction(
  inputs: Record<string, string>,
  workspace?: string,
  event: RunnerEvent = { name: 'push' },
): Promise<DistRun> {
  const dir = await mkdtemp(join(tmpdir(), 'cert-rotate-runner-'));
  try {
    const outputFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary');
    const eventFile = join(dir, 'event.json');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    await writeFile(eventFile, JSON.stringify(event.payload ?? {}));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_EVENT_NAME: event.name,
      GITHUB_WORKSPACE: workspace ?? dir,
      RUNNER_TEMP: dir,
      ...event.env,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(ROOT, 'dist/index.js')],
        { env, cwd: workspace ?? dir, timeout: 30_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
    return {
      ...result,
      outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Run the built command as a terminal does; `node` is the Node binary (default: this one). */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd = ROOT,
  node = process.execPath,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      node,
      [join(ROOT, 'dist/cli/index.js'), ...args],
      { env: { PATH: process.env.PATH, ...env }, cwd, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Every 16-character window of a secret: none may appear in anything the action prints. */
export function leakedWindows(secretBody: string, haystack: string): string[] {
  const compact = secretBody.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const found: string[] = [];
  for (let i = 0; i + 16 <= compact.length; i++) {
    const window = compact.slice(i, i + 16);
    if (haystack.includes(window)) found.push(window);
  }
  return found;
}
