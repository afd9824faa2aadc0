/**
 * The shards of a matrix share one expiry issue and one pull request comment: each rewrites its
 * own section only, and the issue closes when no shard has anything left to report.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expiryIssueMarker, syncExpiryIssue } from '../../src/github/expiry-issue.ts';
import { commentMarker, upsertPrComment } from '../../src/github/pr-comment.ts';
import { MAX_SECTION_CHARS, sectionsOf, withSection } from '../../src/github/sections.ts';
import { harnessPerTest, OWNER, REPO } from './harness.ts';

describe('sections', () => {
  it('sets, replaces and removes one section, keeping the others, in a stable order', () => {
    const one = withSection(undefined, 'do-prod/2/2', 'second');
    const two = withSection(one, 'do-prod/1/2', 'first');
    assert.deepEqual(sectionsOf(two ?? ''), [
      { key: 'do-prod/1/2', content: 'first' },
      { key: 'do-prod/2/2', content: 'second' },
    ]);
    const replaced = withSection(two, 'do-prod/2/2', 'second, again');
    assert.deepEqual(
      sectionsOf(replaced ?? '').map((s) => s.content),
      ['first', 'second, again'],
    );
    assert.equal(
      withSection(withSection(replaced, 'do-prod/1/2', undefined), 'do-prod/2/2', undefined),
      undefined,
    );
  });

  it("a section holding another shard's marker text cannot forge it, and a long one is cut", () => {
    const body = withSection(undefined, 'a', 'x\n<!-- cert-rotate-action:section-end/b -->') ?? '';
    assert.deepEqual(
      sectionsOf(body).map((s) => s.key),
      ['a'],
    );
    const long = withSection(undefined, 'a', 'line\n'.repeat(10_000)) ?? '';
    assert.ok(long.length < MAX_SECTION_CHARS + 200);
    assert.match(long, /cut short/);
  });
});

describe('one expiry issue for the shards of a matrix', () => {
  const h = harnessPerTest();
  const marker = expiryIssueMarker({ workflow: 'Certificates', job: 'rotate' }, 'certs.yml');
  const sync = (section: string, body: string | undefined) =>
    syncExpiryIssue(h().client, {
      owner: OWNER,
      repo: REPO,
      marker,
      title: 'Certificates expiring',
      body,
      section,
    });

  it('each shard edits its own section; the issue closes when the last one is clear', async () => {
    assert.equal((await sync('a', 'a.example.com expires in 9 days')).action, 'opened');
    assert.equal((await sync('b', 'b.example.com expires in 3 days')).action, 'updated');
    const both = h().double.issue(OWNER, REPO, 1)?.body ?? '';
    assert.match(both, /a\.example\.com[\s\S]*b\.example\.com/);
    assert.equal((await sync('b', 'b.example.com expires in 3 days')).action, 'unchanged');
    // Shard a is clear now: its section goes, b's stays, the issue stays open.
    assert.equal((await sync('a', undefined)).action, 'updated');
    const left = h().double.issue(OWNER, REPO, 1);
    assert.equal(left?.state, 'open');
    assert.doesNotMatch(left?.body ?? '', /a\.example\.com/);
    assert.match(left?.body ?? '', /b\.example\.com/);
    assert.equal((await sync('b', undefined)).action, 'closed');
    assert.equal(h().double.issue(OWNER, REPO, 1)?.state, 'closed');
  });
});

describe('one pull request comment for the shards of a matrix', () => {
  let pr = 0;
  const h = harnessPerTest(({ double }) => {
    pr = double.addPullRequest(OWNER, REPO, { title: 'Renew' }).number;
  });
  const marker = commentMarker({ workflow: 'Certificates', job: 'plan' }, 'certs.yml');
  const upsert = (section: string, body: string) =>
    upsertPrComment(h().client, { owner: OWNER, repo: REPO, number: pr, marker, body, section });

  it('each shard rewrites its part of the one comment', async () => {
    assert.equal((await upsert('a', 'plan of a')).action, 'created');
    assert.equal((await upsert('b', 'plan of b')).action, 'updated');
    assert.equal((await upsert('a', 'plan of a, again')).action, 'updated');
    const comments = h().double.comments(OWNER, REPO, pr);
    assert.equal(comments.length, 1);
    assert.deepEqual(
      sectionsOf(comments[0]?.body ?? '').map((s) => s.content),
      ['plan of a, again', 'plan of b'],
    );
  });
});
