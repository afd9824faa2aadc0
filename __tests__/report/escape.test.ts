/**
 * The one escaping of outside text (src/report/escape.ts), piece by piece; hostile-text.test.ts
 * checks the whole bodies made from hostile certificates and listings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeMarkdown, printable, printableJson } from '../../src/report/escape.ts';

const BREAK = '<!-- -->';

describe('printable', () => {
  it('spells out line breaks, controls and format characters as Node spells them', () => {
    assert.equal(printable('a\nb\rc\td'), 'a\\u000ab\\u000dc\\u0009d');
    assert.equal(printable('\u001b[31mred\u0007'), '\\u001b[31mred\\u0007');
    assert.equal(printable('nel\u0085 csi\u009b del\u007f'), 'nel\\u0085 csi\\u009b del\\u007f');
    assert.equal(printable('ls\u2028ps\u2029'), 'ls\\u2028ps\\u2029');
    // Bidi controls (an RLO turns "gpj.exe" round), zero-width characters, the BOM.
    assert.equal(
      printable('\u202eexe.jpg\u2066\u2069\u200e\u061c'),
      '\\u202eexe.jpg\\u2066\\u2069\\u200e\\u061c',
    );
    assert.equal(printable('z\u200bw\u200dj\u2060\ufeff'), 'z\\u200bw\\u200dj\\u2060\\ufeff');
    // A tag character (invisible text smuggled after an emoji) and a lone surrogate half.
    assert.equal(printable('x\u{e0041}y\ud800'), 'x\\u{e0041}y\\ud800');
  });

  it('leaves ordinary text, accents, emoji and other scripts as they are', () => {
    const text = 'café.example — 例え.jp 🔒 ßü ✓';
    assert.equal(printable(text), text);
  });
});

describe('printableJson', () => {
  it('escapes what JSON.stringify leaves raw, and the value stays the same', () => {
    const value = { name: 'a\u0085b\u009b[2J\u007f\u2028\u202e\u200d\u{e0041}\n', ok: 'café 🔒' };
    const json = printableJson(JSON.stringify(value, null, 2));
    assert.ok(!/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(json.replace(/\n/g, '')), json);
    assert.ok(json.includes('\\u0085b\\u009b[2J\\u007f\\u2028\\u202e\\u200d\\udb40\\udc41\\n'), json);
    assert.deepEqual(JSON.parse(json), value);
  });
});

describe('escapeMarkdown', () => {
  it('keeps a line break from ending the table row: spelled out', () => {
    assert.equal(escapeMarkdown('a\n## pwned'), `a&#92;u000a&#35;${BREAK}&#35;${BREAK} pwned`);
    assert.ok(!escapeMarkdown('a\r\u2028\u2029b').match(/[\r\n\u2028\u2029]/));
  });

  it('turns Markdown and HTML syntax into entities', () => {
    assert.equal(escapeMarkdown('| pipes |'), '&#124; pipes &#124;');
    assert.equal(escapeMarkdown('`tick`'), '&#96;tick&#96;');
    assert.equal(escapeMarkdown('<script>&'), '&#60;script&#62;&#38;');
    assert.equal(
      escapeMarkdown('**b** _i_ ~~s~~ [l] $m$ \\'),
      '&#42;&#42;b&#42;&#42; &#95;i&#95; &#126;&#126;s&#126;&#126; &#91;l&#93; &#36;m&#36; &#92;',
    );
    assert.equal(escapeMarkdown(`"q" 'a'`), '&#34;q&#34; &#39;a&#39;');
  });

  it('splits mentions of people and teams, and email addresses, after the @', () => {
    assert.equal(escapeMarkdown('@octocat'), `@${BREAK}octocat`);
    assert.equal(escapeMarkdown('@acme/admins'), `@${BREAK}acme/admins`);
    assert.equal(escapeMarkdown('x@evil.example'), `x@${BREAK}evil.example`);
  });

  it('splits URLs, www addresses and issue references where GitHub would find them', () => {
    assert.equal(escapeMarkdown('https://evil.example/login'), `https:${BREAK}//evil.example/login`);
    assert.equal(escapeMarkdown('WWW.evil.example'), `WWW${BREAK}.evil.example`);
    assert.equal(escapeMarkdown('#12 acme/app#3'), `&#35;${BREAK}12 acme/app&#35;${BREAK}3`);
    assert.equal(escapeMarkdown('GH-7'), `GH-${BREAK}7`);
  });

  it('cuts runs of hex digits into sixes, so none reads as a commit SHA', () => {
    assert.equal(escapeMarkdown('deadbe'), 'deadbe');
    assert.equal(escapeMarkdown('app-deadbeefcafe1'), `app-deadbe${BREAK}efcafe${BREAK}1`);
    const uuid = '3f1b9c2e-0a4d-4e6f-8b1a-9c2d3e4f5a6b';
    assert.equal(escapeMarkdown(uuid).replaceAll(BREAK, ''), uuid);
    assert.ok(!/[0-9a-f]{7}/.test(escapeMarkdown(uuid)));
  });

  it('leaves ordinary names readable', () => {
    assert.equal(escapeMarkdown('shop.example.test, 192.0.2.7'), 'shop.example.test, 192.0.2.7');
    assert.equal(escapeMarkdown('∗.example.com'), '∗.example.com');
  });
});
