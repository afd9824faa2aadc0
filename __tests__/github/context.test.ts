import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { type ActionsContextLike, isPullRequest, readRunContext } from '../../src/github/context.ts';

const run = promisify(execFile);

const base: ActionsContextLike = {
  eventName: 'push',
  payload: {},
  repo: { owner: 'octo', repo: 'app' },
  workflow: 'Certificates',
  job: 'check',
  runId: 4242,
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
};

function pullRequestPayload(head: string | null, baseName = 'octo/app'): Record<string, unknown> {
  return {
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: 'a1b2c3', ref: 'renew', repo: head === null ? null : { full_name: head } },
      base: { ref: 'main', repo: { full_name: baseName } },
    },
    repository: { full_name: baseName },
  };
}

describe('readRunContext', () => {
  it('a pull request from a branch of the same repository is not a fork', () => {
    const ctx = readRunContext({
      ...base,
      eventName: 'pull_request',
      payload: pullRequestPayload('octo/app'),
    });
    assert.deepEqual(ctx.pullRequest, { number: 7, fork: false, headSha: 'a1b2c3' });
    assert.equal(isPullRequest(ctx), true);
    assert.equal(ctx.event, 'pull_request');
    assert.equal(ctx.runUrl, 'https://github.com/octo/app/actions/runs/4242');
  });

  it('a pull request from another repository is a fork', () => {
    const ctx = readRunContext({
      ...base,
      eventName: 'pull_request',
      payload: pullRequestPayload('mallory/app'),
    });
    assert.deepEqual(ctx.pullRequest, { number: 7, fork: true, headSha: 'a1b2c3' });
  });

  it('a head repository since deleted (null) counts as a fork', () => {
    const ctx = readRunContext({ ...base, eventName: 'pull_request', payload: pullRequestPayload(null) });
    assert.equal(ctx.pullRequest?.fork, true);
  });

  it('names compare without case, as GitHub treats them', () => {
    const ctx = readRunContext({
      ...base,
      eventName: 'pull_request',
      payload: pullRequestPayload('Octo/App'),
    });
    assert.equal(ctx.pullRequest?.fork, false);
  });

  it('pull_request_target carries the pull request too (and its fork flag)', () => {
    const ctx = readRunContext({
      ...base,
      eventName: 'pull_request_target',
      payload: pullRequestPayload('mallory/app'),
    });
    assert.equal(isPullRequest(ctx), true);
    assert.deepEqual(ctx.pullRequest, { number: 7, fork: true, headSha: 'a1b2c3' });
  });

  it('a schedule run has no pull request, and its run link', () => {
    const ctx = readRunContext({ ...base, eventName: 'schedule', payload: { schedule: '0 6 * * *' } });
    assert.equal(isPullRequest(ctx), false);
    assert.equal(ctx.pullRequest, undefined);
    assert.deepEqual(ctx, {
      event: 'schedule',
      repo: { owner: 'octo', repo: 'app' },
      workflow: 'Certificates',
      job: 'check',
      runUrl: 'https://github.com/octo/app/actions/runs/4242',
      apiUrl: 'https://api.github.com',
    });
  });

  it('a push has no pull request even when its payload looks like one', () => {
    const ctx = readRunContext({ ...base, eventName: 'push', payload: pullRequestPayload('octo/app') });
    assert.equal(isPullRequest(ctx), false);
  });

  it('a local run: no repository, no run link, the public API by default', () => {
    const ctx = readRunContext({
      eventName: undefined,
      payload: {},
      repo: undefined,
      workflow: undefined,
      job: undefined,
      runId: Number.NaN,
      serverUrl: 'https://github.com',
      apiUrl: undefined,
    });
    assert.deepEqual(ctx, {
      event: '',
      repo: undefined,
      workflow: '',
      job: '',
      apiUrl: 'https://api.github.com',
    });
  });

  it('GitHub Enterprise Server: its own hosts, without trailing slashes', () => {
    const ctx = readRunContext({
      ...base,
      eventName: 'schedule',
      serverUrl: 'https://ghe.example.com/',
      apiUrl: 'https://ghe.example.com/api/v3/',
    });
    assert.equal(ctx.apiUrl, 'https://ghe.example.com/api/v3');
    assert.equal(ctx.runUrl, 'https://ghe.example.com/octo/app/actions/runs/4242');
  });

  it('a pull request payload without a number gives no pull request rather than #NaN', () => {
    const ctx = readRunContext({ ...base, eventName: 'pull_request', payload: { pull_request: {} } });
    assert.equal(ctx.pullRequest, undefined);
  });
});

describe('currentRunContext (from the environment, in a child process)', () => {
  const script =
    "import { currentRunContext } from './src/github/context.ts'; console.log(JSON.stringify(currentRunContext()));";

  async function contextWith(env: Record<string, string>): Promise<Record<string, unknown>> {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(import.meta.dirname, '../..'),
      env: { PATH: process.env['PATH'] ?? '', ...env },
    });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  }

  it('without GITHUB_REPOSITORY the repository is undefined instead of a throw', async () => {
    const ctx = await contextWith({});
    assert.equal(ctx['repo'], undefined);
    assert.equal(ctx['runUrl'], undefined);
    assert.equal(ctx['apiUrl'], 'https://api.github.com');
  });

  it("on a runner: the event file's pull request and the run link", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gh-context-'));
    try {
      const eventPath = join(dir, 'event.json');
      await writeFile(eventPath, JSON.stringify(pullRequestPayload('mallory/app')));
      const ctx = await contextWith({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_WORKFLOW: 'Certificates',
        GITHUB_JOB: 'check',
        GITHUB_RUN_ID: '99',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: 'https://api.github.com',
      });
      assert.deepEqual(ctx, {
        event: 'pull_request',
        repo: { owner: 'octo', repo: 'app' },
        workflow: 'Certificates',
        job: 'check',
        apiUrl: 'https://api.github.com',
        pullRequest: { number: 7, fork: true, headSha: 'a1b2c3' },
        runUrl: 'https://github.com/octo/app/actions/runs/99',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
