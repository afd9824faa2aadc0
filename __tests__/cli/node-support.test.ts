/**
 * The Node versions the terminal command starts on. The check is a pure function of the version
 * string, so every side of the line is tested here whatever Node this machine has; the built
 * command's refusal on a real older Node is in __tests__/dist-node-lines.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MINIMUM_NODE, unsupportedNode } from '../../src/cli/node-support.ts';

describe('unsupportedNode', () => {
  it('refuses every Node older than the minimum, naming the version found and the one needed', () => {
    for (const found of [
      '20.20.2',
      'v20.20.2',
      '18.20.8',
      '22.0.0',
      '22.9.0',
      '22.18.9',
      '21.99.99',
      '8.17.0',
    ]) {
      const refusal = unsupportedNode(found);
      assert.ok(refusal, `${found} is refused`);
      assert.ok(refusal.includes(`Node.js ${found.replace(/^v/, '')}`), refusal);
      assert.ok(refusal.includes('Node.js 22.19.0 or newer'), refusal);
      assert.doesNotMatch(refusal, /\n/, 'one line');
    }
  });

  it('starts on the minimum and everything after it: the rest of 22, and 23, 24, 26 and later', () => {
    for (const found of [
      '22.19.0',
      '22.19.1',
      '22.23.3',
      '23.0.0',
      '24.21.0',
      '26.10.0',
      '26.0.0-nightly20260101',
      '100.0.0',
    ]) {
      assert.equal(unsupportedNode(found), undefined, found);
    }
  });

  it('does not refuse a version it cannot read (a custom build) on a guess', () => {
    assert.equal(unsupportedNode(''), undefined);
    assert.equal(unsupportedNode('unknown'), undefined);
  });

  it('is the range package.json promises in engines.node', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(pkg.engines.node, `>=${MINIMUM_NODE}`);
  });
});
