import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { GITHUB_BODY_LIMIT } from '../../src/github/body.ts';
import { commentMarker, upsertPrComment } from '../../src/github/pr-comment.ts';
import { expiryIssueMarker } from '../../src/github/expiry-issue.ts';
import { OWNER, REPO, RUN_URL, gitHubRejection, harnessPerTest } from './harness.ts';

const ctx = { workflow: 'Certificates', job: 'check' };
const marker = commentMarker(ctx);

describe('commentMarker', () => {
  it('a hidden HTML comment that names the workflow and job', () => {
    assert.equal(marker, '<!-- cert-rotate-action:Certificates/check -->');
  });

  it('names cannot close the HTML comment early', () => {
    const m = commentMarker({ workflow: 'evil --> <img src=x> --!>', job: 'a->b' });
    const inner = m.slice('<!--'.length, -'-->'.length);
    assert.ok(m.startsWith('<!-- ') && m.endsWith(' -->'));
    assert.ok(!inner.includes('--'), m);
    assert.ok(!inner.includes('>'), m);
    assert.ok(!inner.includes('<'), m);
  });

  it('different workflow/job splits never share a marker; the issue marker is apart', () => {
    const markers = new Set([
      commentMarker({ workflow: 'a/b', job: 'c' }),
      commentMarker({ workflow: 'a', job: 'b/c' }),
      commentMarker({ workflow: 'a', job: 'b' }, 'c'),
      expiryIssueMarker({ workflow: 'a', job: 'b' }),
      commentMarker({ workflow: 'a', job: 'b' }),
    ]);
    assert.equal(markers.size, 5);
    // Neither contains the other, so looking for one never finds the other.
    const plain = commentMarker({ workflow: 'a', job: 'b' });
    assert.ok(!expiryIssueMarker({ workflow: 'a', job: 'b' }).includes(plain));
  });
});

describe('upsertPrComment against the GitHub double', () => {
  let pr: number;
  const h = harnessPerTest(({ double }) => {
    double.addIssue(OWNER, REPO, { title: 'an issue first, so numbers differ' });
    pr = double.addPullRequest(OWNER, REPO, { title: 'Renew the certificate' }).number;
  });
  const upsert = (body: string, extra: { marker?: string; runUrl?: string } = {}) =>
    upsertPrComment(h().client, { owner: OWNER, repo: REPO, number: pr, marker, body, ...extra });

  it('created on the first run, edited in place on the second, left alone on an identical third', async () => {
    const first = await upsert('## Certificates\n\nexample.com: 80 days left\n');
    assert.equal(first.action, 'created');
    const [comment] = h().double.comments(OWNER, REPO, pr);
    assert.ok(comment);
    assert.equal(comment.body, `${marker}\n## Certificates\n\nexample.com: 80 days left\n`);
    assert.equal(comment.user.login, 'github-actions[bot]');
    assert.equal(first.url, `https://github.com/octo/app/pull/${pr}#issuecomment-${comment.id}`);

    const second = await upsert('## Certificates\n\nexample.com: 79 days left\n');
    assert.deepEqual(second, { action: 'updated', url: first.url });
    const after2 = h().double.comments(OWNER, REPO, pr);
    assert.equal(after2.length, 1);
    assert.equal(after2[0]?.id, comment.id);
    assert.match(after2[0]?.body ?? '', /79 days left/);

    const writes = h().double.writes().length;
    const third = await upsert('## Certificates\n\nexample.com: 79 days left\n');
    assert.deepEqual(third, { action: 'unchanged', url: first.url });
    assert.equal(h().double.writes().length, writes, 'an unchanged comment is not written');
    assert.equal(h().double.comments(OWNER, REPO, pr).length, 1);
  });

  it("another job's comment (another marker) is not touched", async () => {
    const other = commentMarker({ workflow: 'Certificates', job: 'check-staging' });
    const theirs = h().double.addComment(OWNER, REPO, pr, `${other}\nstaging report`, 'github-actions[bot]');
    const people = h().double.addComment(OWNER, REPO, pr, 'LGTM');
    const result = await upsert('production report');
    assert.equal(result.action, 'created');
    const comments = h().double.comments(OWNER, REPO, pr);
    assert.equal(comments.length, 3);
    assert.equal(comments.find((c) => c.id === theirs.id)?.body, `${other}\nstaging report`);
    assert.equal(comments.find((c) => c.id === people.id)?.body, 'LGTM');
    assert.equal(h().double.server.requestsTo('PATCH', /./).length, 0);
  });

  it('finds its comment on the third page by following the Link header', async () => {
    for (let i = 1; i <= 230; i++) h().double.addComment(OWNER, REPO, pr, `chatter ${i}`);
    const ours = h().double.addComment(OWNER, REPO, pr, `${marker}\nold report`, 'github-actions[bot]');
    const result = await upsert('new report');
    assert.equal(result.action, 'updated');
    assert.equal(h().double.comments(OWNER, REPO, pr).length, 231);
    assert.equal(h().double.comments(OWNER, REPO, pr).at(-1)?.body, `${marker}\nnew report`);
    assert.equal(h().double.comments(OWNER, REPO, pr).at(-1)?.id, ours.id);
    const lists = h().double.server.requestsTo('GET', /\/comments$/);
    assert.deepEqual(
      lists.map((r) => [r.query.get('per_page'), r.query.get('page') ?? '1']),
      [
        ['100', '1'],
        ['100', '2'],
        ['100', '3'],
      ],
    );
    assert.match(
      lists[1]?.path ?? '',
      /^\/repositories\/\d+\/issues\/\d+\/comments$/,
      'the link was followed',
    );
  });

  it('a body over the limit is cut at a line, stays under it, and says where the rest is', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `| cert-${i} | example-${i}.com | 42 days |`);
    const body = ['## Certificates', '', '| name | domain | left |', '| --- | --- | --- |', ...lines].join(
      '\n',
    );
    assert.ok(body.length > GITHUB_BODY_LIMIT);
    const result = await upsert(body, { runUrl: RUN_URL });
    assert.equal(result.action, 'created');
    const stored = h().double.comments(OWNER, REPO, pr)[0]?.body ?? '';
    assert.ok(stored.length <= GITHUB_BODY_LIMIT, `${stored.length}`);
    assert.ok(stored.length > GITHUB_BODY_LIMIT - 500, 'uses the room there is');
    assert.ok(stored.startsWith(`${marker}\n## Certificates`));
    const [kept, note] = stored.split('\n\n_Cut short');
    assert.ok(note?.includes('job summary') && note.includes(`[this run](${RUN_URL})`), note);
    const keptLines = (kept ?? '').split('\n');
    assert.ok(lines.includes(keptLines.at(-1) ?? ''), `ends on a whole line, not "${keptLines.at(-1)}"`);
    // A second run with the same long report changes nothing: the cut is deterministic.
    assert.equal((await upsert(body, { runUrl: RUN_URL })).action, 'unchanged');
  });

  it('a read-only token (a fork): GitHubError 403 that names the permission, without the token', async () => {
    h().double.readOnly = true;
    const error = await gitHubRejection(upsert('report'));
    assert.equal(error.code, 'GITHUB');
    assert.equal(error.status, 403);
    assert.match(error.message, /comment on #\d+ in octo\/app/);
    assert.match(error.message, /403/);
    assert.match(error.message, /Resource not accessible by integration/);
    assert.match(error.fix ?? '', /permissions:/);
    assert.match(error.fix ?? '', /pull-requests: write/);
    assert.match(error.fix ?? '', /fork/);
    const printed = [error.message, error.fix, error.stack, inspect(error, { depth: Infinity })].join('\n');
    assert.ok(!printed.includes(h().double.token), 'the token is nowhere in the error');
    assert.equal(h().double.comments(OWNER, REPO, pr).length, 0);
  });

  it('a comment deleted between listing and editing is posted afresh', async () => {
    h().double.addComment(OWNER, REPO, pr, `${marker}\nold`, 'github-actions[bot]');
    h().double.server.inject({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      fault: { kind: 'status', status: 404, body: { message: 'Not Found' } },
    });
    const result = await upsert('new');
    assert.equal(result.action, 'created');
    assert.equal(h().double.comments(OWNER, REPO, pr).at(-1)?.body, `${marker}\nnew`);
  });

  it('other failures on the edit are not papered over with a new comment', async () => {
    h().double.addComment(OWNER, REPO, pr, `${marker}\nold`, 'github-actions[bot]');
    h().double.server.inject({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      fault: { kind: 'status', status: 500, body: { message: 'Server Error' } },
    });
    const error = await gitHubRejection(upsert('new'));
    assert.equal(error.status, 500);
    assert.equal(h().double.comments(OWNER, REPO, pr).length, 1);
  });
});
