import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { createGitHubClient } from '../../src/github/client.ts';
import { GitHubError } from '../../src/github/errors.ts';
import { CertRotateError } from '../../src/errors.ts';
import { GitHubDouble } from '../../test/doubles/github.ts';
import { LoopbackServer } from '../../test/doubles/loopback.ts';
import { OWNER, REPO, gitHubRejection, harnessPerTest } from './harness.ts';

describe('GitHub client against the double', () => {
  const h = harnessPerTest();

  it('sends the token as GitHub expects and our User-Agent', async () => {
    await h().client.listOpenIssues(OWNER, REPO);
    const [req] = h().double.server.requests;
    assert.equal(req?.headers.authorization, `token ${h().double.token}`);
    assert.match(req?.headers['user-agent'] ?? '', /^cert-rotate-action\//);
    assert.match(req?.headers.accept ?? '', /application\/vnd\.github/);
  });

  it('lists every open issue and pull request over all pages, oldest first, PRs flagged', async () => {
    for (let i = 1; i <= 120; i++)
      h().double.addIssue(OWNER, REPO, { title: `issue ${i}`, body: `body ${i}` });
    h().double.addPullRequest(OWNER, REPO, { title: 'a pull request' });
    h().double.addIssue(OWNER, REPO, { title: 'closed', state: 'closed' });
    h().double.addIssue(OWNER, REPO, { title: 'no body', body: null });
    const issues = await h().client.listOpenIssues(OWNER, REPO);
    assert.equal(issues.length, 122);
    assert.deepEqual(
      issues.map((i) => i.number),
      Array.from({ length: 123 }, (_, i) => i + 1).filter((n) => n !== 122),
    );
    assert.deepEqual(
      issues.filter((i) => i.pull).map((i) => i.number),
      [121],
    );
    assert.deepEqual(issues[0], {
      number: 1,
      title: 'issue 1',
      body: 'body 1',
      url: 'https://github.com/octo/app/issues/1',
      pull: false,
    });
    assert.equal(issues.at(-1)?.body, '', 'a null body reads as empty');
    assert.equal(h().double.server.requestsTo('GET', /\/issues$/).length, 2);
  });

  it('creates and updates issues and comments, and hands back their web addresses', async () => {
    const issue = await h().client.createIssue(OWNER, REPO, 'Certificates expire soon', 'details');
    assert.deepEqual(issue, { number: 1, url: 'https://github.com/octo/app/issues/1' });
    const comment = await h().client.createIssueComment(OWNER, REPO, 1, 'first');
    assert.match(comment.url, /\/issues\/1#issuecomment-\d+$/);
    await h().client.updateIssueComment(OWNER, REPO, comment.id, 'second');
    assert.deepEqual(await h().client.listIssueComments(OWNER, REPO, 1), [
      { id: comment.id, body: 'second', url: comment.url },
    ]);
    await h().client.updateIssue(OWNER, REPO, 1, { state: 'closed', state_reason: 'completed' });
    assert.equal(h().double.issue(OWNER, REPO, 1)?.state, 'closed');
    assert.equal(h().double.issue(OWNER, REPO, 1)?.state_reason, 'completed');
  });

  it('a wrong token: 401 with a fix about the token, and neither token in the message', async () => {
    const wrong = `ghs_${'x'.repeat(36)}`;
    const client = createGitHubClient(wrong, { apiUrl: h().double.url });
    const error = await gitHubRejection(client.listIssueComments(OWNER, REPO, 1));
    assert.ok(error instanceof CertRotateError);
    assert.equal(error.status, 401);
    assert.match(error.message, /Bad credentials/);
    assert.match(error.fix ?? '', /invalid or has expired/);
    assert.ok(!inspect(error, { depth: Infinity }).includes(wrong));
  });

  it('a secret echoed back by GitHub is redacted from the message', async () => {
    h().double.server.inject({
      path: /\/issues$/,
      fault: { kind: 'status', status: 500, body: { message: `boom near ${h().double.token}` } },
    });
    const error = await gitHubRejection(h().client.listOpenIssues(OWNER, REPO));
    assert.equal(error.status, 500);
    assert.match(error.message, /HTTP 500 \(the reply echoed part of what was sent and is not shown\)/);
    assert.ok(!error.message.includes(h().double.token));
  });

  it('403/404 on issues name `issues: write`', async () => {
    h().double.readOnly = true;
    const error = await gitHubRejection(h().client.createIssue(OWNER, REPO, 't', 'b'));
    assert.equal(error.status, 403);
    assert.match(error.fix ?? '', /issues: write/);
    const missing = await gitHubRejection(h().client.listOpenIssues(OWNER, 'nope'));
    assert.equal(missing.status, 404);
    assert.match(missing.fix ?? '', /issues: read/);
    assert.match(missing.fix ?? '', /cannot see the repository/);
  });

  it('issues turned off: 410 says so', async () => {
    h().double.addRepo(OWNER, 'no-issues', { hasIssues: false });
    const error = await gitHubRejection(h().client.createIssue(OWNER, 'no-issues', 't', 'b'));
    assert.equal(error.status, 410);
    assert.match(error.fix ?? '', /Issues are turned off/);
  });

  it("GitHub's validation detail reaches the message (a body over the limit)", async () => {
    h().double.addIssue(OWNER, REPO, { title: 't' });
    const error = await gitHubRejection(h().client.createIssueComment(OWNER, REPO, 1, 'x'.repeat(70_000)));
    assert.equal(error.status, 422);
    assert.match(error.message, /body is too long \(maximum is 65536 characters\)/);
  });

  it('a stalled API fails within the timeout instead of hanging the job', async () => {
    const client = createGitHubClient(h().double.token, {
      apiUrl: h().double.url,
      timeouts: { headersMs: 200 },
    });
    h().double.server.inject({ path: /\/issues$/, fault: { kind: 'stall', ms: 10_000 } });
    const started = Date.now();
    const error = await gitHubRejection(client.listOpenIssues(OWNER, REPO));
    assert.ok(Date.now() - started < 5_000);
    assert.equal(error.status, undefined);
    assert.match(error.message, /no answer/);
  });
});

describe('GitHub client without an answer or a safe address', () => {
  it('a refused connection is a GitHubError without a status', async () => {
    const server = await LoopbackServer.start(() => ({ status: 200 }));
    const url = server.url;
    await server.close();
    const error = await gitHubRejection(
      createGitHubClient('t0ken-value', { apiUrl: url }).listOpenIssues('o', 'r'),
    );
    assert.equal(error.status, undefined);
    assert.match(error.message, /could not list the open issues in o\/r: no answer/);
    assert.match(error.message, /ECONNREFUSED/);
  });

  it('refuses plain http off this machine, credentials in the URL, and an empty token', () => {
    assert.throws(() => createGitHubClient('t', { apiUrl: 'http://ghe.example.com/api/v3' }), GitHubError);
    assert.throws(
      () => createGitHubClient('t', { apiUrl: 'https://u:p@ghe.example.com/api/v3' }),
      GitHubError,
    );
    assert.throws(() => createGitHubClient(' ', { apiUrl: 'https://api.github.com' }), /no token/);
    assert.doesNotThrow(() => createGitHubClient('t', { apiUrl: 'https://ghe.example.com/api/v3' }));
  });

  it('a path in the API URL (GitHub Enterprise Server) is kept', async () => {
    const double = await GitHubDouble.start();
    try {
      double.addRepo(OWNER, REPO);
      const client = createGitHubClient(double.token, { apiUrl: `${double.url}/api/v3/` });
      await gitHubRejection(client.listOpenIssues(OWNER, REPO));
      assert.equal(double.server.requests[0]?.path, '/api/v3/repos/octo/app/issues');
    } finally {
      await double.close();
    }
  });
});
