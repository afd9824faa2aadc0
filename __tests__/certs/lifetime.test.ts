/**
 * Percent of a certificate's lifetime left, and the percent thresholds as a user writes them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { lifetimeLeftPercent, parsePercent } from '../../src/certs/lifetime.ts';

const DAY = 86_400_000;
const start = new Date('2026-12-01T00:00:00Z');
const at = (days: number): Date => new Date(start.getTime() + days * DAY);

describe('lifetimeLeftPercent', () => {
  it('measures what is left of notAfter − notBefore', () => {
    assert.ok(Math.abs(lifetimeLeftPercent(start, at(6), at(5)) - 100 / 6) < 1e-9);
    assert.equal(lifetimeLeftPercent(start, at(90), at(81)), 10);
    assert.equal(lifetimeLeftPercent(start, at(90), at(0)), 100);
  });

  it('is 100 before the certificate is valid and 0 once it has expired', () => {
    assert.equal(lifetimeLeftPercent(start, at(6), at(-1)), 100);
    assert.equal(lifetimeLeftPercent(start, at(6), at(7)), 0);
  });

  it('gives 0 for a certificate whose lifetime is zero or negative, never NaN or Infinity', () => {
    assert.equal(lifetimeLeftPercent(start, start, start), 0);
    assert.equal(lifetimeLeftPercent(at(6), start, at(1)), 0);
    assert.equal(lifetimeLeftPercent(new Date(Number.NaN), at(6), at(1)), 0);
  });
});

describe('parsePercent', () => {
  it('reads whole numbers and one decimal from 0 to 100, around spaces', () => {
    assert.equal(parsePercent('10', 'fail-percent'), 10);
    assert.equal(parsePercent(' 12.5 ', 'fail-percent'), 12.5);
    assert.equal(parsePercent('0', 'warn-percent'), 0);
    assert.equal(parsePercent('100', 'warn-percent'), 100);
    assert.equal(parsePercent('100.0', 'warn-percent'), 100);
    assert.equal(parsePercent('33%', 'warn-percent'), 33);
  });

  for (const bad of [
    '',
    '101',
    '100.1',
    '12.55',
    '10%%',
    '%',
    '-1',
    '0x10',
    '1e1',
    '.5',
    '5.',
    'ten',
    '1 0',
  ]) {
    it(`refuses ${JSON.stringify(bad)}, naming the input and the form expected`, () => {
      assert.throws(
        () => parsePercent(bad, 'fail-percent'),
        (error: unknown) => {
          assert.ok(error instanceof InputError);
          assert.match(error.message, /^Invalid fail-percent '/);
          assert.match(error.message, /from 0 to 100, whole or with one decimal/);
          assert.match(error.fix ?? '', /fail-percent/);
          return true;
        },
      );
    });
  }
});
