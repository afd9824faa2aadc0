import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../src/errors.ts';
import { parseBoolean, parseDomains, parseSettings } from '../src/settings.ts';

const PEM = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';

function rejects(fn: () => unknown, message: RegExp): void {
  assert.throws(fn, (error: unknown) => error instanceof InputError && message.test(error.message));
}

describe('parseSettings', () => {
  it('applies the defaults', () => {
    const settings = parseSettings({ certificate: PEM });
    assert.equal(settings.mode, 'validate');
    assert.equal(settings.warnDays, 30);
    assert.equal(settings.failDays, 7);
    assert.equal(settings.repairChain, true);
    assert.deepEqual(settings.domains, []);
    assert.deepEqual(settings.parts, [
      { role: 'certificate', source: { kind: 'value', input: 'certificate', text: PEM } },
    ]);
  });

  it('orders the parts certificate, chain, key, PKCS#12 and keeps values and files apart', () => {
    const settings = parseSettings({
      'pkcs12-file': 'a.p12',
      'private-key': 'KEY',
      'certificate-chain-file': ' chain.pem ',
      'certificate-file': 'cert.pem',
    });
    assert.deepEqual(
      settings.parts.map((p) => [
        p.role,
        p.source.kind,
        p.source.kind === 'file' ? p.source.path : p.source.text,
      ]),
      [
        ['certificate', 'file', 'cert.pem'],
        ['chain', 'file', 'chain.pem'],
        ['private-key', 'value', 'KEY'],
        ['pkcs12', 'file', 'a.p12'],
      ],
    );
  });

  it('accepts a PKCS#12 alone as the certificate', () => {
    assert.equal(parseSettings({ pkcs12: 'MIIK' }).parts[0]?.role, 'pkcs12');
  });

  it('says what is missing when no certificate is given', () => {
    rejects(() => parseSettings({ 'private-key': 'KEY' }), /No certificate was given/);
    rejects(() => parseSettings({ certificate: '  \n ' }), /No certificate was given/);
  });

  it('refuses a value and a file for the same part', () => {
    rejects(
      () => parseSettings({ certificate: PEM, 'certificate-file': 'x.pem' }),
      /Both certificate and certificate-file are set/,
    );
  });

  it('refuses modes it does not know, quoting the value and the choices', () => {
    rejects(
      () => parseSettings({ certificate: PEM, mode: 'yolo' }),
      /Invalid mode 'yolo'. Expected one of: validate/,
    );
  });

  it('reads days strictly', () => {
    assert.equal(parseSettings({ certificate: PEM, 'warn-days': ' 45 ' }).warnDays, 45);
    assert.equal(parseSettings({ certificate: PEM, 'fail-days': '0' }).failDays, 0);
    for (const bad of ['-1', '1.5', '10d', 'soon', '1e3', '999999']) {
      rejects(() => parseSettings({ certificate: PEM, 'warn-days': bad }), /Invalid warn-days/);
    }
    rejects(
      () => parseSettings({ certificate: PEM, 'warn-days': '5', 'fail-days': '10' }),
      /fail-days \(10\) is larger than warn-days \(5\)/,
    );
  });

  it('keeps passphrases exactly as given', () => {
    const settings = parseSettings({ certificate: PEM, 'key-passphrase': ' pass ', 'pkcs12-password': '' });
    assert.equal(settings.keyPassphrase, ' pass ');
    assert.equal(settings.pkcs12Password, '');
  });
});

describe('parseBoolean', () => {
  it('accepts the YAML 1.2 core spellings and nothing else', () => {
    for (const yes of ['true', 'True', 'TRUE', ' true '])
      assert.equal(parseBoolean(yes, 'repair-chain', false), true);
    for (const no of ['false', 'False', 'FALSE']) assert.equal(parseBoolean(no, 'repair-chain', true), false);
    assert.equal(parseBoolean(undefined, 'repair-chain', true), true);
    for (const bad of ['yes', 'no', '1', '0', 'on', 'tru']) {
      rejects(
        () => parseBoolean(bad, 'repair-chain', true),
        /Invalid repair-chain '.*'. Expected true or false/,
      );
    }
  });
});

describe('parseDomains', () => {
  it('splits on commas, spaces and new lines, lowercases, drops trailing dots and repeats', () => {
    assert.deepEqual(parseDomains('Example.COM, www.example.com.\n*.api.example.com  example.com'), [
      'example.com',
      'www.example.com',
      '*.api.example.com',
    ]);
  });

  it('accepts IP addresses and internationalised names', () => {
    assert.deepEqual(parseDomains('192.0.2.1 2001:db8::1 bücher.example'), [
      '192.0.2.1',
      '2001:db8::1',
      'bücher.example',
    ]);
  });

  it('turns a URL into advice to give the host name', () => {
    rejects(() => parseDomains('https://example.com/path'), /it is a URL. Give the host name 'example.com'/);
  });

  it('refuses names that are not host names', () => {
    for (const bad of ['a..b', '-a.example', 'a_b.example', 'a.*.example', '*', '*.192.0.2.1']) {
      rejects(() => parseDomains(bad), /Invalid domain/);
    }
  });
});
