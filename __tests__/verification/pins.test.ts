import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { parsePin, parsePins } from '../../src/verification/pins.ts';

describe('parsePin', () => {
  it("reads curl's host:port:address, with IPv6 in brackets and several addresses", () => {
    assert.deepEqual(parsePin('example.com:443:192.0.2.7'), {
      endpoint: { host: 'example.com', port: 443 },
      addresses: ['192.0.2.7'],
    });
    assert.deepEqual(parsePin('Example.com:8443:[2001:DB8::7],192.0.2.7,192.0.2.7'), {
      endpoint: { host: 'example.com', port: 8443 },
      addresses: ['2001:db8::7', '192.0.2.7'],
    });
  });

  it('rejects what is not a pin, each with a fix', () => {
    const cases: [string, RegExp][] = [
      ['example.com:443', /is not host:port:address/],
      ['example.com', /is not host:port:address/],
      ['example.com:443:', /has no address/],
      ['example.com:443:not-an-ip', /"not-an-ip", which is not an IP address/],
      ['example.com:443:[fe80::1%eth0]', /not an IP address/],
      ['example.com:0:192.0.2.7', /port of .* is not a number/],
      ['+example.com:443:192.0.2.7', /not supported/],
      ['-example.com:443:192.0.2.7', /not supported/],
      ['*:443:192.0.2.7', /not supported/],
      [
        `example.com:443:${Array.from({ length: 17 }, (_, i) => `192.0.2.${i}`).join(',')}`,
        /17 addresses; at most 16/,
      ],
    ];
    for (const [entry, expected] of cases) {
      assert.throws(
        () => parsePin(entry),
        (error: unknown) => error instanceof InputError && Boolean(error.fix) && expected.test(error.message),
        entry,
      );
    }
  });
});

describe('parsePins', () => {
  it('joins the addresses of pins for the same host:port', () => {
    const pins = parsePins([
      'a.example:443:192.0.2.1',
      '',
      'A.example:443:192.0.2.2,192.0.2.1',
      'a.example:8443:[::1]',
    ]);
    assert.deepEqual(
      [...pins],
      [
        ['a.example:443', ['192.0.2.1', '192.0.2.2']],
        ['a.example:8443', ['::1']],
      ],
    );
  });
});
