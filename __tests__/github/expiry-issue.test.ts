import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ExpiryIssueOptions,
  expiryIssueMarker,
  syncExpiryIssue,
} from '../../src/github/expiry-issue.ts';
import { OWNER, REPO, RUN_URL, gitHubRejection, harnessPerTest } from './harness.ts';

const marker = expiryIssueMarker({ workflow: 'Certificates', job: 'expiry' });
const TITLE = 'TLS certificates expire soon';

describe('syncExpiryIssue against the GitHub double', () => {
  const h = harnessPerTest();
  const sync = (body: string | undefined, extra: Partial<ExpiryIssueOptions> = {}) =>
    syncExpiryIssue(h().client, {
      owner: OWNER,
      repo: REPO,
      marker,
      title: TITLE,
      body,
      runUrl: RUN_URL,
      ...extra,
    });
  const ours = () =>
    h()
      .double.issues(OWNER, REPO)
      .filter((i) => (i.body ?? '').includes(marker));

  it('opened → updated → unchanged → closed with a comment → nothing to do', async () => {
    const opened = await sync('example.com expires in 20 days');
    assert.deepEqual(opened, { action: 'opened', number: 1, url: 'https://github.com/octo/app/issues/1' });
    const issue = h().double.issue(OWNER, REPO, 1);
    assert.equal(issue?.title, TITLE);
    assert.equal(issue?.body, `${marker}\nexample.com expires in 20 days`);
    assert.equal(issue?.state, 'open');

    const updated = await sync('example.com expires in 19 days', {
      title: 'TLS certificates expire in 19 days',
    });
    assert.deepEqual(updated, { action: 'updated', number: 1, url: 'https://github.com/octo/app/issues/1' });
    assert.equal(h().double.issue(OWNER, REPO, 1)?.title, 'TLS certificates expire in 19 days');
    assert.match(h().double.issue(OWNER, REPO, 1)?.body ?? '', /19 days/);

    const writes = h().double.writes().length;
    const unchanged = await sync('example.com expires in 19 days', {
      title: 'TLS certificates expire in 19 days',
    });
    assert.equal(unchanged.action, 'unchanged');
    assert.equal(h().double.writes().length, writes);

    const closed = await sync(undefined);
    assert.deepEqual(closed, { action: 'closed', number: 1, url: 'https://github.com/octo/app/issues/1' });
    const after3 = h().double.issue(OWNER, REPO, 1);
    assert.equal(after3?.state, 'closed');
    assert.equal(after3?.state_reason, 'completed');
    const [comment] = h().double.comments(OWNER, REPO, 1);
    assert.match(comment?.body ?? '', /outside the warning window again/);
    assert.ok(comment?.body.includes(`[this run](${RUN_URL})`));
    // The comment went first, so subscribers hear why before it closes.
    const [post, patch] = h().double.writes().slice(-2);
    assert.equal(post?.method, 'POST');
    assert.equal(patch?.method, 'PATCH');

    const before = h().double.writes().length;
    assert.deepEqual(await sync(undefined), { action: 'none' });
    assert.equal(h().double.writes().length, before);
    assert.equal(h().double.issues(OWNER, REPO).length, 1);
  });

  it('all well and no issue ever opened: nothing is written', async () => {
    h().double.addIssue(OWNER, REPO, { title: 'unrelated', body: 'hello' });
    assert.deepEqual(await sync(undefined), { action: 'none' });
    assert.equal(h().double.writes().length, 0);
  });

  it('a closed issue stays history: the next problem opens a new one', async () => {
    h().double.addIssue(OWNER, REPO, {
      title: TITLE,
      body: `${marker}\nold`,
      state: 'closed',
      login: 'github-actions[bot]',
    });
    const result = await sync('expires in 5 days');
    assert.equal(result.action, 'opened');
    assert.equal(result.number, 2);
    assert.equal(h().double.issue(OWNER, REPO, 1)?.state, 'closed');
  });

  it('pull requests carrying the marker are skipped', async () => {
    const pr = h().double.addPullRequest(OWNER, REPO, {
      title: 'quotes the marker',
      body: `${marker}\nsee this`,
    });
    const result = await sync('expires in 5 days');
    assert.equal(result.action, 'opened');
    assert.notEqual(result.number, pr.number);
    assert.equal(h().double.issue(OWNER, REPO, pr.number)?.body, `${marker}\nsee this`);
    assert.equal(await sync(undefined).then((r) => r.action), 'closed');
    assert.equal(h().double.issue(OWNER, REPO, pr.number)?.state, 'open', 'the pull request is never closed');
  });

  it("another job's issue is not touched", async () => {
    const other = expiryIssueMarker({ workflow: 'Certificates', job: 'expiry-staging' });
    h().double.addIssue(OWNER, REPO, { title: 'staging', body: `${other}\nstaging expires` });
    assert.equal((await sync('production expires')).action, 'opened');
    assert.equal((await sync(undefined)).action, 'closed');
    assert.equal(h().double.issue(OWNER, REPO, 1)?.state, 'open');
    assert.equal(h().double.issue(OWNER, REPO, 1)?.body, `${other}\nstaging expires`);
  });

  it('found beyond the first page of open issues', async () => {
    for (let i = 1; i <= 150; i++) h().double.addIssue(OWNER, REPO, { title: `noise ${i}` });
    h().double.addIssue(OWNER, REPO, { title: TITLE, body: `${marker}\nold` });
    const result = await sync('new');
    assert.equal(result.action, 'updated');
    assert.equal(result.number, 151);
    assert.equal(ours().length, 1);
  });

  it('duplicates from a race: the oldest is updated, the others left and reported; all close when well', async () => {
    h().double.addIssue(OWNER, REPO, { title: 'noise' });
    h().double.addIssue(OWNER, REPO, { title: TITLE, body: `${marker}\nfirst` });
    h().double.addIssue(OWNER, REPO, { title: TITLE, body: `${marker}\nsecond` });
    h().double.addIssue(OWNER, REPO, { title: TITLE, body: `${marker}\nthird` });
    const updated = await sync('current');
    assert.deepEqual(updated, {
      action: 'updated',
      number: 2,
      url: 'https://github.com/octo/app/issues/2',
      duplicates: [3, 4],
    });
    assert.equal(h().double.issue(OWNER, REPO, 2)?.body, `${marker}\ncurrent`);
    assert.equal(h().double.issue(OWNER, REPO, 3)?.body, `${marker}\nsecond`);
    assert.equal(h().double.issue(OWNER, REPO, 4)?.body, `${marker}\nthird`);

    const closed = await sync(undefined);
    assert.deepEqual(closed, {
      action: 'closed',
      number: 2,
      url: 'https://github.com/octo/app/issues/2',
      duplicates: [3, 4],
    });
    assert.deepEqual(
      ours().map((i) => [i.number, i.state]),
      [
        [2, 'closed'],
        [3, 'closed'],
        [4, 'closed'],
      ],
    );
    assert.equal(h().double.issue(OWNER, REPO, 1)?.state, 'open');
  });

  it('a long title is one line and fits; a long body fits', async () => {
    const title = `Expiring:\n${'a.example.com '.repeat(40)}`;
    const body = Array.from({ length: 5000 }, (_, i) => `- cert-${i}.example.com expires in 3 days`).join(
      '\n',
    );
    const opened = await sync(body, { title });
    assert.equal(opened.action, 'opened');
    const issue = h().double.issue(OWNER, REPO, 1);
    assert.ok((issue?.title.length ?? 0) <= 256);
    assert.ok(!issue?.title.includes('\n'));
    assert.ok((issue?.body?.length ?? 0) <= 65_536);
    assert.ok(issue?.body?.startsWith(marker));
    assert.equal((await sync(body, { title })).action, 'unchanged');
  });

  it('without issues: write: a GitHubError naming it', async () => {
    h().double.readOnly = true;
    const error = await gitHubRejection(sync('expires'));
    assert.equal(error.status, 403);
    assert.match(error.fix ?? '', /`issues: write`/);
    assert.equal(h().double.issues(OWNER, REPO).length, 0);
  });
});
