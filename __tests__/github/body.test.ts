import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitBody, sameBody, truncationNote, withMarker } from '../../src/github/body.ts';

const NOTE = '_cut_';

describe('fitBody', () => {
  it('a body that fits is returned as it is', () => {
    const body = 'x'.repeat(100);
    assert.equal(fitBody(body, NOTE, 100), body);
  });

  it('cuts at the last whole line that fits, then the note', () => {
    const body = ['aaaa', 'bbbb', 'cccc', 'dddd'].join('\n');
    assert.equal(fitBody(body, NOTE, 17), 'aaaa\nbbbb\n\n_cut_');
  });

  it('closes a code fence left open, so the note is not rendered as code', () => {
    const body = [
      'intro',
      '```text',
      ...Array.from({ length: 50 }, (_, i) => `line ${i}`),
      '```',
      'after',
    ].join('\n');
    const out = fitBody(body, NOTE, 120);
    assert.ok(out.length <= 120, `${out.length}`);
    assert.match(out, /\n```\n\n_cut_$/);
    assert.equal((out.match(/^```/gm) ?? []).length, 2);
  });

  it('a fence closed before the cut is not closed twice', () => {
    const body = ['```', 'code', '```', ...Array.from({ length: 50 }, (_, i) => `row ${i}`)].join('\n');
    const out = fitBody(body, NOTE, 60);
    assert.equal((out.match(/^```/gm) ?? []).length, 2);
  });

  it('closes <details> sections left open', () => {
    const body = [
      '<details><summary>All certificates</summary>',
      '',
      ...Array.from({ length: 50 }, (_, i) => `- cert ${i}`),
      '</details>',
    ].join('\n');
    const out = fitBody(body, NOTE, 150);
    assert.ok(out.length <= 150);
    assert.match(out, /\n<\/details>\n\n_cut_$/);
  });

  it('one giant line is cut mid-line, never through a surrogate pair', () => {
    const body = `${'a'.repeat(10)}${'🔒'.repeat(20)}`;
    const out = fitBody(body, NOTE, 20);
    assert.ok(out.length <= 20);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out), 'no lone high surrogate');
    assert.ok(out.endsWith(NOTE));
  });
});

describe('markers and comparison', () => {
  it('the marker goes on the first line, once', () => {
    assert.equal(withMarker('<!-- m -->', 'body'), '<!-- m -->\nbody');
    assert.equal(withMarker('<!-- m -->', 'body\n<!-- m -->'), 'body\n<!-- m -->');
  });

  it('line endings and trailing whitespace do not make a body different', () => {
    assert.ok(sameBody('a\r\nb\n', 'a\nb'));
    assert.ok(!sameBody('a\nb', 'a\nc'));
  });

  it('the note links the run when known', () => {
    assert.match(truncationNote('https://x/runs/1'), /job summary of \[this run\]\(https:\/\/x\/runs\/1\)/);
    assert.match(truncationNote(undefined), /in the job summary\._$/);
  });
});
