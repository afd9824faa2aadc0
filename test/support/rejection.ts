/** Await a promise that must fail with a ProviderError, and hand that error back for assertions. */
import assert from 'node:assert/strict';
import { isProviderError, type ProviderError } from '../../src/providers/errors.ts';

export async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (thrown) {
    if (isProviderError(thrown)) return thrown;
    throw thrown;
  }
  assert.fail('expected a ProviderError');
}
