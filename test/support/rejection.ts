/** Await a promise that must fail with a certain kind of error, and hand that error back for assertions. */
import assert from 'node:assert/strict';
import { isProviderError, type ProviderError } from '../../src/providers/errors.ts';

export async function rejectionOf<E extends Error>(
  promise: Promise<unknown>,
  is: (thrown: unknown) => thrown is E,
  kind: string,
): Promise<E> {
  try {
    await promise;
  } catch (thrown) {
    if (is(thrown)) return thrown;
    throw thrown;
  }
  assert.fail(`expected a ${kind}`);
}

export function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  return rejectionOf(promise, isProviderError, 'ProviderError');
}
