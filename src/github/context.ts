/**
 * Where the run is: which event, which repository, which pull request (and whether it comes from
 * a fork, whose token is read-only), and the names that keep one job's comment or issue apart
 * from another's. `readRunContext` is pure so every event can be tested from a payload;
 * `currentRunContext` feeds it the runner's environment and event file.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface RunContext {
  /** 'push' | 'pull_request' | 'pull_request_target' | 'schedule' | 'workflow_dispatch' | … ('' locally). */
  event: string;
  /** Undefined when GITHUB_REPOSITORY is unset and the payload names none (local runs). */
  repo: { owner: string; repo: string } | undefined;
  /** For pull_request and pull_request_target. */
  pullRequest?: PullRequestRef;
  /** The workflow's name (or its path when it has none), and the job's id: for the hidden markers. */
  workflow: string;
  job: string;
  /** `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`, when all three are known. */
  runUrl?: string;
  apiUrl: string;
}

export interface PullRequestRef {
  number: number;
  /** From another repository (or one since deleted): its GITHUB_TOKEN on `pull_request` is read-only. */
  fork: boolean;
  headSha?: string;
}

/** What `@actions/github`'s `context` exposes, with `repo` already resolved (its getter throws). */
export interface ActionsContextLike {
  eventName: string | undefined;
  payload: unknown;
  repo: { owner: string; repo: string } | undefined;
  workflow: string | undefined;
  job: string | undefined;
  runId: number | undefined;
  serverUrl: string | undefined;
  apiUrl: string | undefined;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
const DEFAULT_API_URL = 'https://api.github.com';

export function readRunContext(input: ActionsContextLike): RunContext {
  const event = input.eventName ?? '';
  const ctx: RunContext = {
    event,
    repo: input.repo,
    workflow: input.workflow ?? '',
    job: input.job ?? '',
    apiUrl: trimSlash(input.apiUrl || DEFAULT_API_URL),
  };
  if (PULL_REQUEST_EVENTS.has(event)) {
    const pullRequest = readPullRequest(input.payload, input.repo);
    if (pullRequest) ctx.pullRequest = pullRequest;
  }
  const runId = input.runId;
  // The runner leaves GITHUB_RUN_ID unset locally, which `context` turns into NaN.
  if (input.repo && input.serverUrl && runId !== undefined && Number.isSafeInteger(runId) && runId > 0) {
    ctx.runUrl = `${trimSlash(input.serverUrl)}/${input.repo.owner}/${input.repo.repo}/actions/runs/${runId}`;
  }
  return ctx;
}

/** pull_request and pull_request_target: the events a pull request runs a workflow with. */
export function isPullRequestEvent(event: string): boolean {
  return PULL_REQUEST_EVENTS.has(event);
}

export function isPullRequest(ctx: RunContext): boolean {
  return ctx.pullRequest !== undefined;
}

/**
 * The context of this run, from the runner's environment and event file: what `@actions/github`'s
 * `context` reads, read here so that a run which posts nothing never loads Octokit (a third of
 * the action's start-up time).
 */
export function currentRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const payload = readPayload(env['GITHUB_EVENT_PATH']);
  const runId = Number.parseInt(env['GITHUB_RUN_ID'] ?? '', 10);
  return readRunContext({
    eventName: env['GITHUB_EVENT_NAME'],
    payload,
    repo: repoOf(env['GITHUB_REPOSITORY'], payload),
    workflow: env['GITHUB_WORKFLOW'],
    job: env['GITHUB_JOB'],
    runId: Number.isNaN(runId) ? undefined : runId,
    serverUrl: env['GITHUB_SERVER_URL'] || 'https://github.com',
    apiUrl: env['GITHUB_API_URL'] || DEFAULT_API_URL,
  });
}

/** The event's payload; `{}` when there is no event file (a local run), as the runner's toolkit does. */
function readPayload(path: string | undefined): unknown {
  if (!path || !existsSync(path)) return {};
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** GITHUB_REPOSITORY, else the payload's repository; undefined for a local run. */
function repoOf(variable: string | undefined, payload: unknown): RunContext['repo'] {
  if (variable) {
    const [owner, repo] = variable.split('/');
    if (owner && repo) return { owner, repo };
  }
  const repository = field(payload, 'repository');
  const owner = field(field(repository, 'owner'), 'login');
  const name = field(repository, 'name');
  return typeof owner === 'string' && typeof name === 'string' ? { owner, repo: name } : undefined;
}

function readPullRequest(payload: unknown, repo: RunContext['repo']): PullRequestRef | undefined {
  const pr = field(payload, 'pull_request');
  const number = field(pr, 'number') ?? field(payload, 'number');
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) return undefined;
  const baseName =
    fullName(field(field(pr, 'base'), 'repo')) ??
    fullName(field(payload, 'repository')) ??
    (repo ? `${repo.owner}/${repo.repo}` : undefined);
  const headName = fullName(field(field(pr, 'head'), 'repo'));
  // A deleted head repository comes as `repo: null`. Only a fork can go while its pull request
  // stays (deleting the base repository deletes the pull request), so that counts as a fork.
  // Names compare case-insensitively, as GitHub's do.
  const fork =
    headName === undefined || baseName === undefined || headName.toLowerCase() !== baseName.toLowerCase();
  const ref: PullRequestRef = { number, fork };
  const headSha = field(field(pr, 'head'), 'sha');
  if (typeof headSha === 'string' && headSha !== '') ref.headSha = headSha;
  return ref;
}

function fullName(repo: unknown): string | undefined {
  const name = field(repo, 'full_name');
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
