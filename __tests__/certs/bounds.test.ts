/**
 * The engine's bounds on what one input can make it do: PEM markers, certificates in a bundle,
 * private keys in a value, and findings that repeat. Each bound answers with one finding that
 * says what was counted, and nothing grows with the input (no finding per block, no stack
 * overflow from spreading a few hundred thousand findings into an argument list).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_KEY_BLOCKS } from '../../src/certs/decode.ts';
import { GROUP_KEEP, groupFindings } from '../../src/certs/group-findings.ts';
import { finding } from '../../src/certs/findings.ts';
import { MAX_PEM_BLOCKS } from '../../src/certs/pem.ts';
import { MAX_BUNDLE_CERTIFICATES } from '../../src/certs/validate.ts';
import { checkWellFormed, only, source, withCode } from '../../test/support/findings.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

describe('certs: bounds on one input', () => {
  let pki: Pki;
  let leaf: Issued;
  let inter: Issued;

  before(async () => {
    pki = await Pki.create();
    const made = await pki.chain(1, { dns: ['bounds.example.test'] });
    leaf = made.leaf;
    inter = made.intermediates[0]!;
  });
  after(async () => {
    await pki?.cleanup();
  });

  it('3.6 MB of unterminated BEGIN lines: one finding that counts them, no stack overflow', () => {
    const line = '-----BEGIN CERTIFICATE-----\n';
    const count = Math.floor(3.6e6 / line.length);
    const result = checkWellFormed({ sources: [source('certificate', line.repeat(count))] });
    assert.equal(result.ok, false);
    assert.equal(result.findings.length, 1, JSON.stringify(result.findings.slice(0, 3)));
    const f = only(result, 'BAD_CERTIFICATE');
    assert.match(
      f.message,
      new RegExp(`holds ${count} PEM BEGIN or END lines; at most ${MAX_PEM_BLOCKS} are read`),
    );
  });

  it(`a value of ${MAX_PEM_BLOCKS + 1} END lines is refused the same way (each would be a finding)`, () => {
    const text = leaf.certPem + '-----END CERTIFICATE-----\n'.repeat(MAX_PEM_BLOCKS);
    const result = checkWellFormed({ sources: [source('certificate', text)] });
    assert.match(only(result, 'BAD_CERTIFICATE').message, /holds 65 PEM BEGIN or END lines/);
  });

  it(`more than ${MAX_BUNDLE_CERTIFICATES} certificates across the inputs: one finding, no chain work`, () => {
    const half = (leaf.certPem + inter.certPem).repeat(20); // 40 blocks: under the PEM bound
    const result = checkWellFormed({
      sources: [source('certificate', half), source('chain', half), source('private-key', leaf.keyPem)],
    });
    assert.equal(result.ok, false);
    assert.deepEqual(result.chain, []);
    assert.equal(withCode(result, 'DUPLICATE_CERTIFICATE').length, 0, 'no finding per copy');
    assert.match(
      only(result, 'BAD_CERTIFICATE').message,
      new RegExp(`^The inputs hold 80 certificates; at most ${MAX_BUNDLE_CERTIFICATES} are checked`),
    );
  });

  it(`more than ${MAX_KEY_BLOCKS} private keys in one value: none is read (each may cost a key derivation)`, () => {
    const keys = leaf.keyPem.repeat(MAX_KEY_BLOCKS + 1);
    const result = checkWellFormed({
      sources: [source('certificate', leaf.certPem), source('private-key', keys)],
    });
    assert.match(
      only(result, 'BAD_PRIVATE_KEY').message,
      new RegExp(`holds ${MAX_KEY_BLOCKS + 1} private keys; at most ${MAX_KEY_BLOCKS} are read`),
    );
    assert.ok(!result.upload);
    // At the bound they are read (copies of one key: no ambiguity).
    const atBound = checkWellFormed({
      sources: [
        source('certificate', leaf.certPem + inter.certPem),
        source('private-key', leaf.keyPem.repeat(MAX_KEY_BLOCKS)),
      ],
    });
    assert.equal(withCode(atBound, 'BAD_PRIVATE_KEY').length, 0, JSON.stringify(atBound.findings));
  });

  it(`at most ${MAX_KEY_BLOCKS} private keys across all of one certificate's inputs, not per input`, () => {
    const keys = leaf.keyPem.repeat(MAX_KEY_BLOCKS);
    const result = checkWellFormed({
      sources: [source('certificate', leaf.certPem + keys), source('private-key', keys)],
    });
    const f = only(result, 'BAD_PRIVATE_KEY');
    assert.match(
      f.message,
      new RegExp(
        `^The text of private-key holds ${MAX_KEY_BLOCKS} private keys; at most ${MAX_KEY_BLOCKS} are read in one certificate's inputs`,
      ),
    );
    assert.equal(
      f.origin?.source,
      'private-key',
      'the keys of the first input were read, those of the second not',
    );
  });

  it('5,000 names not covered: the first few findings, the last counting the rest', () => {
    const domains = Array.from({ length: 5000 }, (_, i) => `host${i}.other.test`);
    const result = checkWellFormed(
      { sources: [source('bundle', leaf.certPem + inter.certPem + leaf.keyPem)] },
      { domains },
    );
    const notCovered = withCode(result, 'HOSTNAME_NOT_COVERED');
    assert.equal(notCovered.length, GROUP_KEEP);
    assert.match(notCovered[0]!.message, /"host0\.other\.test"/);
    assert.match(notCovered.at(-1)!.message, /\(and 4,997 more like it\)$/);
  });

  it('also with too many names for one argument list (push(...spread) overflowed the stack)', () => {
    const domains = Array.from({ length: 200_000 }, (_, i) => `h${i}.other.test`);
    const result = checkWellFormed(
      { sources: [source('bundle', leaf.certPem + inter.certPem + leaf.keyPem)] },
      { domains },
    );
    assert.match(withCode(result, 'HOSTNAME_NOT_COVERED').at(-1)!.message, /\(and 199,997 more like it\)$/);
  });
});

describe('groupFindings', () => {
  const f = (message: string, subject?: string) =>
    finding('PEM_TRUNCATED', 'error', message, 'fix', subject === undefined ? {} : { subject });

  it('keeps findings that differ in more than numbers, and their order', () => {
    const input = [
      f('block on line 1'),
      f('other thing'),
      f('block on line 2'),
      f('block on line 3', 'CN=a'),
    ];
    assert.deepEqual(groupFindings(input), input);
  });

  it(`keeps ${GROUP_KEEP} of a shape and counts the rest on the last kept`, () => {
    const input = Array.from({ length: 10 }, (_, i) => f(`block on line ${i + 1}`));
    input.splice(2, 0, f('something else'));
    const out = groupFindings(input);
    assert.deepEqual(
      out.map((x) => x.message),
      ['block on line 1', 'block on line 2', 'something else', 'block on line 3 (and 7 more like it)'],
    );
    assert.equal(input[3]!.message, 'block on line 3', 'the input is not changed');
  });
});
