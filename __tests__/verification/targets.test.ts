import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { parsePins } from '../../src/verification/pins.ts';
import { type Lookup, resolveTargets } from '../../src/verification/targets.ts';

const table: Record<string, LookupAddress[]> = {
  'app.example.test': [
    { address: '127.0.0.1', family: 4 },
    { address: '127.0.0.2', family: 4 },
    { address: '::1', family: 6 },
    { address: '127.0.0.1', family: 4 },
  ],
};
const lookup: Lookup = async (host) => {
  const found = table[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};

describe('resolveTargets', () => {
  it('makes one target per address a name resolves to, A and AAAA, each once', async () => {
    const { targets, failures } = await resolveTargets([{ host: 'app.example.test', port: 443 }], { lookup });
    assert.deepEqual(failures, []);
    assert.deepEqual(
      targets.map((t) => [t.address, t.via]),
      [
        ['127.0.0.1', 'dns'],
        ['127.0.0.2', 'dns'],
        ['::1', 'dns'],
      ],
    );
  });

  it('uses pins instead of DNS, and IP literals as they are', async () => {
    const pins = parsePins(['app.example.test:8443:[::1]']);
    let asked = 0;
    const { targets } = await resolveTargets(
      [
        { host: 'app.example.test', port: 8443 },
        { host: '192.0.2.7', port: 443 },
      ],
      {
        pins,
        lookup: async () => {
          asked++;
          return [];
        },
      },
    );
    assert.equal(asked, 0);
    assert.deepEqual(
      targets.map((t) => [t.host, t.address, t.via]),
      [
        ['app.example.test', '::1', 'pin'],
        ['192.0.2.7', '192.0.2.7', 'literal'],
      ],
    );
  });

  it('reports a failed, empty or hanging lookup as data', async () => {
    const { targets, failures } = await resolveTargets(
      [
        { host: 'missing.example.test', port: 443 },
        { host: 'empty.example.test', port: 443 },
        { host: 'hangs.example.test', port: 443 },
      ],
      {
        lookupTimeoutMs: 50,
        lookup: (host) =>
          host.startsWith('hangs')
            ? new Promise(() => {})
            : host.startsWith('empty')
              ? Promise.resolve([])
              : lookup(host),
      },
    );
    assert.deepEqual(targets, []);
    assert.deepEqual(
      failures.map((f) => f.error),
      [
        'getaddrinfo ENOTFOUND missing.example.test',
        'empty.example.test resolved to no address',
        'looking up hangs.example.test timed out after 50 ms',
      ],
    );
  });

  it('refuses more endpoint × address pairs than the cap, before any handshake', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      address: `10.0.${Math.floor(i / 250)}.${i % 250}`,
      family: 4,
    }));
    const endpoints = Array.from({ length: 3 }, (_, i) => ({ host: `n${i}.example.test`, port: 443 }));
    await assert.rejects(
      resolveTargets(endpoints, { lookup: async () => many }),
      (error: unknown) =>
        error instanceof InputError && /resolve to 300 addresses; at most 256/.test(error.message),
    );
    await assert.rejects(
      resolveTargets(
        Array.from({ length: 257 }, (_, i) => ({
          host: `10.1.${Math.floor(i / 250)}.${i % 250}`,
          port: 443,
        })),
      ),
      /257 endpoints were given; at most 256/,
    );
  });
});
