import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import {
  endpointsFor,
  formatEndpoint,
  parseEndpoint,
  parseEndpoints,
} from '../../src/verification/endpoints.ts';
import { MAX_QUOTED } from '../../src/verification/limits.ts';

/** The error a bad entry gets; every one is an InputError whose message quotes at most 64 characters. */
function errorOf(entry: string): string {
  try {
    parseEndpoint(entry);
  } catch (error) {
    assert.ok(error instanceof InputError, `not an InputError: ${String(error)}`);
    assert.ok(error.fix, 'every error says how to fix it');
    return error.message;
  }
  assert.fail(`${JSON.stringify(entry)} was accepted`);
}

describe('parseEndpoint', () => {
  it('reads host names, IPv4, bracketed IPv6 and ports, 443 by default', () => {
    assert.deepEqual(parseEndpoint('www.Example.com'), { host: 'www.example.com', port: 443 });
    assert.deepEqual(parseEndpoint(' api.example.com:8443 '), { host: 'api.example.com', port: 8443 });
    assert.deepEqual(parseEndpoint('example.com.'), { host: 'example.com', port: 443 });
    assert.deepEqual(parseEndpoint('bücher.example'), { host: 'xn--bcher-kva.example', port: 443 });
    assert.deepEqual(parseEndpoint('192.0.2.7:1'), { host: '192.0.2.7', port: 1 });
    assert.deepEqual(parseEndpoint('[::1]:8443'), { host: '::1', port: 8443 });
    assert.deepEqual(parseEndpoint('[2001:DB8:0::7]'), { host: '2001:db8::7', port: 443 });
    assert.deepEqual(parseEndpoint('host:65535'), { host: 'host', port: 65_535 });
  });

  it('writes an endpoint back in the form it is read', () => {
    for (const entry of ['www.example.com:443', '[2001:db8::7]:8443', '192.0.2.7:443']) {
      assert.equal(formatEndpoint(parseEndpoint(entry)), entry);
    }
  });

  it('rejects bad ports', () => {
    for (const entry of [
      'a.example:0',
      'a.example:65536',
      'a.example:',
      'a.example:http',
      'a.example:+1',
      'a.example:1e3',
      '[::1]:99999',
    ]) {
      assert.match(errorOf(entry), /port of .* is not a number from 1 to 65535/, entry);
    }
  });

  it('rejects bad hosts with a reason', () => {
    assert.match(errorOf('::1'), /IPv6 address without brackets/);
    assert.match(errorOf('[::1'), /never closes/);
    assert.match(errorOf('[example.com]:443'), /other than an IPv6 address/);
    assert.match(errorOf('[::1]x'), /text after/);
    assert.match(errorOf('[fe80::1%eth0]:443'), /zone id/);
    assert.match(errorOf(':443'), /no host/);
    assert.match(errorOf('*.example.com'), /wildcard/);
    assert.match(errorOf('999.1.1.1'), /neither a valid IPv4 address nor a host name/);
    assert.match(errorOf('bad_host.example'), /not a valid host name/);
    assert.match(errorOf('-a.example'), /not a valid host name/);
    assert.match(errorOf(`${'a'.repeat(64)}.example`), /not a valid host name/);
    assert.match(errorOf('a..example'), /not a valid host name/);
  });

  it('holds a host name to 253 characters', () => {
    const label = 'a'.repeat(63);
    const ok = [label, label, label, 'a'.repeat(61)].join('.');
    assert.equal(ok.length, 253);
    assert.equal(parseEndpoint(ok).host, ok);
    assert.match(errorOf(`${ok}a`), /longer than 253 characters/);
  });

  it('never quotes more than 64 characters of a bad entry, and shows control characters as escapes', () => {
    const huge = `${'x'.repeat(100_000)}:99999`;
    const message = errorOf(huge);
    assert.ok(message.length < 200, message);
    assert.match(message, /… \(100006 characters\)/);
    const quoted = /"([^"]*)"/.exec(message)?.[1] ?? '';
    assert.equal(quoted.length, MAX_QUOTED);
    assert.match(errorOf('evil\nhost:1'), /"evil\\nhost:1" holds a space or control character/);
    assert.match(errorOf('a\u200bb.example'), /control character/);
  });
});

describe('parseEndpoints', () => {
  it('drops blanks and duplicates', () => {
    assert.deepEqual(parseEndpoints(['a.example', '', ' A.example:443 ', '[::1]', '[0::1]:443']), [
      { host: 'a.example', port: 443 },
      { host: '::1', port: 443 },
    ]);
  });

  it('bounds how many are read', () => {
    assert.throws(
      () => parseEndpoints(Array.from({ length: 257 }, (_, i) => `h${i}.example`)),
      /257 endpoints were given; at most 256/,
    );
  });
});

describe('endpointsFor', () => {
  it('checks each domain on 443 and skips a wildcard no endpoint stands for', () => {
    assert.deepEqual(endpointsFor(['example.com', '*.example.com']), {
      endpoints: [{ host: 'example.com', port: 443 }],
      skipped: [
        {
          domain: '*.example.com',
          reason: 'a wildcard has no address; give an endpoint it covers to check it',
        },
      ],
    });
  });

  it('checks a wildcard through a given endpoint it covers, and adds the others', () => {
    const given = parseEndpoints(['www.example.com:8443', 'example.com', 'other.test']);
    assert.deepEqual(endpointsFor(['example.com', '*.example.com'], given), {
      endpoints: [
        { host: 'example.com', port: 443 },
        { host: 'www.example.com', port: 8443 },
        { host: 'other.test', port: 443 },
      ],
      skipped: [],
    });
    // A wildcard covers one label only.
    assert.equal(endpointsFor(['*.example.com'], parseEndpoints(['a.b.example.com'])).skipped.length, 1);
  });
});
