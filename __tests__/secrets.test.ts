import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { ECHO_NOTICE, maskBytes, maskSecret, Redactor } from '../src/secrets.ts';
import { ECHO_FORMS } from '../test/doubles/echo-forms.ts';
import { Canary } from './audit/support.ts';
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
    const out = redactor.scrub(json);
    assert.ok(!out.includes('pa\\"ss'), 'the JSON-escaped secret is gone');
    assert.ok(!out.includes('Tm90QUtleUp1c3RUZXN0VGV4dDAx'), 'a key line is gone');
    assert.match(out, /\*\*\*/);
    assert.equal(redactor.redact(json), ECHO_NOTICE, 'text that echoes a secret is not shown at all');
    assert.equal(redactor.redact('nothing secret here'), 'nothing secret here');
  });

  describe('finds a secret however a reply echoes it (the hostile forms)', () => {
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const token = `dop_v1_${randomBytes(32).toString('hex')}`;
    const redactor = new Redactor();
    redactor.add(key);
    redactor.add(token);
    const canary = new Canary().addKey('key', key).addText('token', token);

    for (const form of ECHO_FORMS) {
      for (const [what, secret] of [
        ['the key', key],
        ['the token', token],
      ] as const) {
        it(`${what}, ${form.name}`, () => {
          const reply = form.render(secret);
          // The form does carry the secret, as the canary reads text: the case is real.
          assert.notDeepEqual(canary.find(form.name, reply), [], `${form.name} echoes ${what}`);
          assert.equal(redactor.echoes(reply), true);
          assert.equal(redactor.redact(reply), ECHO_NOTICE);
        });
      }
    }

    it('a 16-character run is enough; 15 is not; the secret hidden in other text and escapes too', () => {
      const body = key
        .split('\n')
        .filter((l) => l && !l.startsWith('-----'))
        .join('');
      const run = body.slice(801, 817);
      assert.equal(redactor.echoes(`error near ${run}!`), true);
      assert.equal(redactor.echoes(`error near ${run.slice(0, 15)}!`), false);
      assert.equal(redactor.echoes(encodeURIComponent(`x=${body.slice(300, 340)}`)), true, 'URL-encoded');
      assert.equal(redactor.echoes(JSON.stringify(JSON.stringify({ k: key })).replace(/\//g, '\\/')), true);
      assert.equal(redactor.echoes(Buffer.from(body, 'base64').subarray(300, 320).toString('hex')), true);
      assert.equal(redactor.echoes(token.slice(10, 30).toUpperCase()), true, 'case changed');
    });

    it('text without a secret is kept as it is, however long', () => {
      const other = generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      const plain = [
        'Unable to authenticate you',
        JSON.stringify({
          id: 'unprocessable_entity',
          message: 'name is not unique',
          request_id: randomUUID(),
        }),
        other,
        'x'.repeat(10_000),
      ].join('\n');
      assert.equal(redactor.echoes(plain), false);
      assert.equal(redactor.redact(plain), plain);
    });

    it('is linear in the text: a megabyte reply is read once', () => {
      const big = randomBytes(768 * 1024).toString('base64');
      assert.equal(redactor.echoes(big), false);
      assert.equal(redactor.echoes(big + token.slice(20, 36)), true);
    });
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
      assert.match(
        quotable(secret),
        /^<\d+ characters that look like a key, certificate or token, not shown>$/,
      );
    }
  });
});

describe('quoteValue and looksLikeToken', () => {
  it('quotes ordinary values, cuts long ones at 64 characters, and describes keys and tokens', async () => {
    const { quoteValue, looksLikeToken } = await import('../src/secrets.ts');
    assert.equal(quoteValue('sideways'), "'sideways'");
    const long = 'word '.repeat(20).trim();
    assert.equal(quoteValue(long), `'${long.slice(0, 63)}…' (${long.length} characters)`);
    for (const token of [
      `dop_v1_${'ab12'.repeat(16)}`,
      `ghs_${'aB3'.repeat(12)}`,
      `github_pat_${'aB3_'.repeat(10)}`,
      'f'.repeat(40),
      'Zx9'.repeat(11),
    ]) {
      assert.equal(looksLikeToken(token), true, token);
      assert.match(
        quoteValue(token),
        /^<\d+ characters that look like a key, certificate or token, not shown>$/,
      );
    }
    // Long names, paths, and identifiers are not tokens.
    for (const text of [
      'x'.repeat(63),
      'my-very-long-certificate-name-for-example-com',
      'Xb3k_9aQ-LmN0pR2sT4uV',
    ]) {
      assert.equal(looksLikeToken(text), false, text);
    }
  });
});

describe('looksSecret: paths stay quotable', () => {
  it('a path with a temporary folder or mixed-case parts is not taken for a token', async () => {
    const { looksSecret } = await import('../src/secrets.ts');
    for (const path of [
      '/tmp/cert-rotate-canary-aB3xY9/nope.pem',
      '/srv/MyRepo2/certs/Site2024/fullchain.pem',
    ]) {
      assert.equal(looksSecret(path), false, path);
    }
  });
});
