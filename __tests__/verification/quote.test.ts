/** Entries quoted back in errors show what a reader cannot see, and stay bounded. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quote } from '../../src/verification/quote.ts';

describe('quote', () => {
  it('spells out control, bidi and other format characters and the line separators', () => {
    assert.equal(quote('a\nb'), '"a\\nb"');
    assert.equal(quote('evil\u202Eexample.com'), '"evil\\u202eexample.com"');
    assert.equal(quote('zero\u200Bwidth'), '"zero\\u200bwidth"');
    assert.equal(quote('line\u2028sep'), '"line\\u2028sep"');
    assert.equal(quote('del\u007F'), '"del\\u007f"');
  });

  it('cuts a long entry and says how long it was', () => {
    assert.equal(quote('x'.repeat(100)), `"${'x'.repeat(64)}"… (100 characters)`);
  });
});
