import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { maskBytes, maskSecret, Redactor } from '../src/secrets.ts';
import { pemBegin, pemEnd } from '../test/support/pem-markers.ts';

function masked(value: string): string[] {
  const out: string[] = [];
  maskSecret(value, (s) => out.push(s));
  return out;
}

describe('maskSecret', () => {
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const bodyLines = pem.split('\n').filter((l) => l && !l.startsWith('-----'));

  it('registers the whole value, each body line, and the body without line breaks', () => {
    const parts = masked(pem);
    assert.ok(parts.includes(pem));
    for (const line of bodyLines) assert.ok(parts.includes(line), `line ${line.slice(0, 8)}… is masked`);
    assert.ok(parts.includes(bodyLines.join('')));
  });

  it('does not register the BEGIN/END lines or short fragments (they would blank the log)', () => {
    const parts = masked(`${pem}\nabc\n`);
    assert.ok(!parts.some((p) => p.startsWith('-----BEGIN') && !p.includes('\n')));
    assert.ok(!parts.includes('abc'));
  });

  it('handles CRLF and literal \\n escapes', () => {
    const escaped = pem.replace(/\n/g, '\\n');
    const parts = masked(escaped);
    for (const line of bodyLines) assert.ok(parts.includes(line));
    const crlf = masked(pem.replace(/\n/g, '\r\n'));
    for (const line of bodyLines) assert.ok(crlf.includes(line));
  });

  it('registers short passwords whole, and nothing for empty values', () => {
    assert.deepEqual(masked('pw'), ['pw']);
    assert.deepEqual(masked(''), []);
    const none: string[] = [];
    maskSecret(undefined, (s) => none.push(s));
    assert.deepEqual(none, []);
  });

  it('masks binary secrets as their base64', () => {
    const out: string[] = [];
    maskBytes(Buffer.from('0123456789abcdef'), (s) => out.push(s));
    assert.ok(out.includes(Buffer.from('0123456789abcdef').toString('base64')));
  });
});

describe('Redactor', () => {
  it('redacts a secret as it appears raw, line by line, and escaped inside JSON text', () => {
    const redactor = new Redactor();
    const secret = 'pa"ss\\word-with-quote';
    const pem = `${pemBegin('PRIVATE KEY')}\nTm90QUtleUp1c3RUZXN0VGV4dDAx\nTm90QUtleUp1c3RUZXN0VGV4dDAy\n${pemEnd('PRIVATE KEY')}\n`;
    redactor.add(secret);
    redactor.add(pem);
    const json = JSON.stringify({ message: `bad value ${secret}`, echo: pem });
    const out = redactor.redact(json);
    assert.ok(!out.includes('pa\\"ss'), 'the JSON-escaped secret is gone');
    assert.ok(!out.includes('Tm90QUtleUp1c3RUZXN0VGV4dDAx'), 'a key line is gone');
    assert.match(out, /\*\*\*/);
    assert.equal(redactor.redact('nothing secret here'), 'nothing secret here');
  });
});

describe('looksSecret and quotable', () => {
  it('never quotes key material given where a path or an option belongs, and quotes ordinary paths', async () => {
    const { looksSecret, quotable } = await import('../src/secrets.ts');
    for (const path of [
      'certs/fullchain.pem',
      '/etc/ssl/private/site.key',
      'C:\\certs\\site.pfx',
      'validate',
    ]) {
      assert.equal(looksSecret(path), false, path);
      assert.equal(quotable(path), path);
    }
    const pemLike = `${'-'.repeat(5)}BEGIN SOMETHING${'-'.repeat(5)}\nMIIB\n`;
    const base64 = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7'.repeat(2);
    for (const secret of [pemLike, base64, 'line one\nline two', 'x'.repeat(401)]) {
      assert.equal(looksSecret(secret), true);
      assert.match(quotable(secret), /^<\d+ characters that look like a key or certificate, not shown>$/);
    }
  });
});
