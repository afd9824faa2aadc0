/** A GitHub double with one repository and a client pointed at it, for the tests in this folder. */
import assert from 'node:assert/strict';
import { after, beforeEach } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.ts';
import { type GitHubError, isGitHubError } from '../../src/github/errors.ts';
import { GitHubDouble } from '../../test/doubles/github.ts';
import { rejectionOf } from '../../test/support/rejection.ts';

export const OWNER = 'octo';
export const REPO = 'app';
export const RUN_URL = 'https://github.com/octo/app/actions/runs/4242';

export interface Harness {
  double: GitHubDouble;
  client: GitHubClient;
}

export async function harness(): Promise<Harness> {
  const double = await GitHubDouble.start();
  double.addRepo(OWNER, REPO);
  return { double, client: createGitHubClient(double.token, { apiUrl: double.url }) };
}

/**
 * A fresh double and client for each test of the calling suite, all closed when it ends. Call it
 * in a `describe` body; `setup` seeds each new double.
 */
export function harnessPerTest(setup: (h: Harness) => void = () => {}): () => Harness {
  let current: Harness | undefined;
  const open: Harness[] = [];
  beforeEach(async () => {
    current = await harness();
    open.push(current);
    setup(current);
  });
  after(async () => {
    for (const each of open) await each.double.close();
  });
  return () => {
    assert.ok(current, 'harnessPerTest: used outside a test');
    return current;
  };
}

/** Await a promise that must fail with a GitHubError, and hand the error back. */
export function gitHubRejection(promise: Promise<unknown>): Promise<GitHubError> {
  return rejectionOf(promise, (thrown): thrown is GitHubError => isGitHubError(thrown), 'GitHubError');
}
