/** A GitHub double with one repository and a client pointed at it, for the tests in this folder. */
import assert from 'node:assert/strict';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.ts';
import { type GitHubError, isGitHubError } from '../../src/github/errors.ts';
import { GitHubDouble } from '../../test/doubles/github.ts';

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

/** Await a promise that must fail with a GitHubError, and hand the error back. */
export async function gitHubRejection(promise: Promise<unknown>): Promise<GitHubError> {
  try {
    await promise;
  } catch (thrown) {
    if (isGitHubError(thrown)) return thrown;
    throw thrown;
  }
  assert.fail('expected a GitHubError');
}
