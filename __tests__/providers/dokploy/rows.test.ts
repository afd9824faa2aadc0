/**
 * Dokploy listing rows with fields of the wrong type: the PROTOCOL error naming the field, never
 * its content, instead of a value quietly dropped. Null, as Dokploy's database writes an empty
 * column, reads as not given.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readRow } from '../../../src/providers/dokploy/rows.ts';
import { isProviderError } from '../../../src/providers/errors.ts';

const ROW = {
  certificateId: 'cert-1',
  name: 'app-example-test',
  expirationDate: '2030-01-01T00:00:00.000Z',
  status: 'active',
  domains: ['app.example.test'],
  serverId: null,
};

const CASES: Array<[string, Record<string, unknown>, string]> = [
  ['certificateData', { certificateData: 42 }, 'text'],
  ['status', { status: ['active'] }, 'text'],
  ['serverId', { serverId: 7 }, 'text'],
  ['domains', { domains: 'app.example.test' }, 'a list of texts'],
  ['domains', { domains: [1] }, 'a list of texts'],
  ['expirationDate', { expirationDate: 'next year' }, 'a date'],
  ['expirationDate', { expirationDate: {} }, 'a date'],
  ['server', { server: 'host' }, 'an object'],
  ['server.serverId', { server: { serverId: 9 } }, 'text'],
];

describe('Dokploy rows: every field read is checked', () => {
  for (const [field, change, expected] of CASES) {
    it(`'${field}' as ${JSON.stringify(Object.values(change)[0])} is the PROTOCOL error naming it`, () => {
      assert.throws(
        () => readRow({ ...ROW, ...change }, 'GET /api/certificates.all: item 2'),
        (e: unknown) =>
          isProviderError(e, 'PROTOCOL') &&
          e.message ===
            `Dokploy: GET /api/certificates.all: item 2 (cert-1) has a '${field}' that is not ${expected}.`,
      );
    });
  }

  it('null and absent fields read as not given', () => {
    const read = readRow(
      {
        certificateId: 'cert-1',
        name: 'n',
        certificateData: null,
        status: null,
        domains: null,
        expirationDate: null,
        server: null,
      },
      'item 1',
    );
    assert.deepEqual(read, {
      remote: {
        id: 'cert-1',
        name: 'n',
        sha1: undefined,
        sha256: undefined,
        notAfter: undefined,
        dnsNames: [],
        createdAt: undefined,
        state: undefined,
        type: undefined,
      },
      serverId: null,
    });
    assert.equal(readRow(ROW, 'item 1').remote.notAfter, '2030-01-01T00:00:00.000Z');
  });
});
