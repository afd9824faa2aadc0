/** The double itself answers as GitHub does, so tests against it mean something. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GitHubDouble, READ_ONLY_MESSAGE } from '../../test/doubles/github.ts';

describe('GitHub double', () => {
  let double: GitHubDouble;
  let repoId = '';
  before(async () => {
    double = await GitHubDouble.start();
    double.addRepo('octo', 'app');
    for (let i = 1; i <= 75; i++) double.addIssue('octo', 'app', { title: `issue ${i}` });
  });
  after(() => double.close());

  const get = (path: string, auth = `Bearer ${double.token}`) =>
    fetch(`${double.url}${path}`, { headers: { authorization: auth } });

  it('30 a page by default, newest first, with next and last links', async () => {
    const res = await get('/repos/octo/app/issues');
    assert.equal(res.status, 200);
    const body = (await res.json()) as Array<{ number: number }>;
    assert.equal(body.length, 30);
    assert.equal(body[0]?.number, 75);
    const link = res.headers.get('link') ?? '';
    const match = /<[^>]*\/repositories\/(\d+)\/issues\?page=2>; rel="next"/.exec(link);
    assert.ok(match, link);
    repoId = match[1] ?? '';
    assert.match(link, /\/repositories\/\d+\/issues\?page=3>; rel="last"/);
    assert.doesNotMatch(link, /rel="prev"/);
  });

  it('per_page is capped at 100; a middle page links every way; the last page has no next', async () => {
    const middle = await get('/repos/octo/app/issues?per_page=20&page=2&direction=asc');
    const link = middle.headers.get('link') ?? '';
    for (const rel of ['next', 'last', 'prev', 'first']) assert.match(link, new RegExp(`rel="${rel}"`));
    assert.match(link, /per_page=20&direction=asc&page=3>; rel="next"/);
    const capped = (await (await get('/repos/octo/app/issues?per_page=500')).json()) as unknown[];
    assert.equal(capped.length, 75);
    const last = await get(`/repositories/${repoId}/issues?page=3`);
    assert.equal(((await last.json()) as unknown[]).length, 15);
    assert.doesNotMatch(last.headers.get('link') ?? '', /rel="next"/);
  });

  it('401 for a wrong or missing token, 404 for an unknown repository', async () => {
    assert.equal((await get('/repos/octo/app/issues', 'token wrong')).status, 401);
    assert.equal((await fetch(`${double.url}/repos/octo/app/issues`)).status, 401);
    const missing = await get('/repos/octo/nope/issues');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { message: string }).message, 'Not Found');
  });

  it('readOnly: reads work, writes get 403 Resource not accessible by integration', async () => {
    double.readOnly = true;
    try {
      assert.equal((await get('/repos/octo/app/issues/1/comments')).status, 200);
      const res = await fetch(`${double.url}/repos/octo/app/issues/1/comments`, {
        method: 'POST',
        headers: { authorization: `token ${double.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'hi' }),
      });
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as { message: string }).message, READ_ONLY_MESSAGE);
      assert.equal(double.comments('octo', 'app', 1).length, 0);
    } finally {
      double.readOnly = false;
    }
  });
});
