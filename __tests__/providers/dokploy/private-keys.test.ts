/**
 * The real listing returns every row's private key. None of them may leave the provider: not in
 * what list() or create() return, not in an error message or fix, not in a debug line, even when
 * a reply echoes them back in an error. Checked as "no 16-character window of any key".
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Agent } from 'undici';
import { isProviderError } from '../../../src/providers/errors.ts';
import { DokployDouble } from '../../../test/doubles/dokploy.ts';
import { Pki } from '../../../test/support/pki.ts';
import { type Made, makeUpload, newAgent, testKey, wire } from './fixtures.ts';

const WINDOW = 16;
const ALL = '/api/certificates.all';

/** The first 16-character window of any secret found in `text`, raw or with line breaks squeezed out. */
function leak(text: string, secrets: readonly string[]): string | undefined {
  const squeezed = text.replace(/\\r|\\n|\s/g, '');
  for (const secret of secrets) {
    const body = secret.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '');
    const pieces = [...body.split(/\s+/), body.replace(/\s+/g, '')].filter((p) => p.length >= WINDOW);
    for (const piece of pieces) {
      for (let i = 0; i + WINDOW <= piece.length; i++) {
        const window = piece.slice(i, i + WINDOW);
        if (text.includes(window) || squeezed.includes(window)) return window;
      }
    }
  }
  return undefined;
}

function errorText(e: unknown): string {
  assert.ok(isProviderError(e), String(e));
  return [e.message, e.fix ?? '', e.stack ?? '', JSON.stringify(e)].join('\n');
}

describe('Dokploy provider, private keys in replies', () => {
  let pki: Pki;
  let agent: Agent;
  let mine: Made;
  let theirs: Made;
  let double: DokployDouble;
  const keyA = testKey('a');
  const keyB = testKey('b');
  let secrets: string[];
  before(async () => {
    pki = await Pki.create();
    agent = newAgent();
    mine = await makeUpload(pki, 'mine-1', 1, ['mine.example.test']);
    theirs = await makeUpload(pki, 'theirs-1', 1, ['theirs.example.test']);
    double = await DokployDouble.start({
      keys: [
        { key: keyA, organizationId: 'org-a' },
        { key: keyB, organizationId: 'org-b' },
      ],
    });
    // An RSA key too: its PEM ends in a short line, which must not slip through either.
    const rsa = await pki.leaf('self', { cn: 'rsa.example.test', key: { type: 'rsa', bits: 2048 } });
    double.seed({
      name: 'rsa',
      certificateData: rsa.certPem,
      privateKey: rsa.keyPem,
      organizationId: 'org-a',
    });
    double.seed({
      name: 'theirs',
      certificateData: theirs.upload.fullchain,
      privateKey: theirs.upload.privateKey,
      organizationId: 'org-b',
    });
    secrets = [mine.upload.privateKey, theirs.upload.privateKey, rsa.keyPem, keyA, keyB];
  });
  after(async () => {
    await double.close();
    await agent.close();
    await pki.cleanup();
  });

  it('list() and create() return no private key, though every reply carried one', async () => {
    const { provider, debug } = wire(double, keyA, agent);
    const created = await provider.create(mine.upload);
    const listed = await provider.list();
    assert.equal(listed.length, 2);
    const createReply = double.server.requestsTo('POST', '/api/certificates.create')[0]?.reply?.body;
    assert.ok(typeof createReply === 'object' && createReply !== null && 'privateKey' in createReply);
    const listReply = double.server.requestsTo('GET', ALL).at(-1)?.reply?.body as object[];
    assert.ok(
      listReply.every((row) => 'privateKey' in row),
      'the double does return keys',
    );
    for (const remote of [created, ...listed]) {
      assert.deepEqual(Object.keys(remote).sort(), [
        'createdAt',
        'dnsNames',
        'id',
        // The leaf's public key, hashed (KEY_REUSED compares it): never the row's private key.
        'keySha256',
        'name',
        'notAfter',
        'sha1',
        'sha256',
        'state',
        'type',
      ]);
    }
    assert.equal(leak(JSON.stringify([created, listed]), secrets), undefined);
    assert.equal(leak(debug.join('\n'), secrets), undefined);
  });

  it('errors that echo private keys quote none of them', async () => {
    const { provider, debug } = wire(double, keyA, agent);
    await provider.list();
    const rows = double.certificates();
    const echoes: unknown[] = [
      // A 500 that dumps the failing rows (PEM markers and all).
      { message: `insert failed: ${JSON.stringify(rows)}`, code: 'INTERNAL_SERVER_ERROR' },
      // A 400 whose issue quotes a key's body without markers, its lines joined by escaped breaks.
      {
        message: 'Input validation failed',
        code: 'BAD_REQUEST',
        issues: rows.map((row) => ({
          message: `bad value ${row.privateKey
            .replace(/-----[^-]+-----/g, '')
            .trim()
            .split('\n')
            .join('\\n')}`,
          path: ['privateKey'],
        })),
      },
      // Docs-style error with the raw PEM of a key in it.
      { error: 'Internal Server Error', message: rows[0]?.privateKey },
    ];
    const statuses = [500, 400, 502, 401, 404, 409];
    let checked = 0;
    for (const body of echoes) {
      for (const status of statuses) {
        double.inject({ path: ALL, times: Infinity, fault: { kind: 'status', status, body } });
        try {
          await assert.rejects(provider.list(), (e: unknown) => {
            const found = leak(errorText(e), secrets);
            assert.equal(found, undefined, `status ${status}: "${found}" from a key is in the error`);
            checked++;
            return true;
          });
        } finally {
          double.server.clearFaults();
        }
      }
    }
    assert.equal(checked, echoes.length * statuses.length);
    assert.equal(leak(debug.join('\n'), secrets), undefined);
  });

  it('replies the provider cannot read name the item, never the row', async () => {
    const { provider } = wire(double, keyA, agent);
    await provider.list();
    const broken = double.certificates('org-a').map((row) => ({ ...row, name: 42 }));
    double.inject({ path: ALL, fault: { kind: 'status', status: 200, body: broken } });
    await assert.rejects(provider.list(), (e: unknown) => {
      const text = errorText(e);
      assert.match(text, /item 1 \([\w-]+\) has no name/);
      assert.equal(leak(text, secrets), undefined);
      return true;
    });
    double.inject({ path: ALL, fault: { kind: 'status', status: 200, body: { rows: broken } } });
    await assert.rejects(provider.list(), (e: unknown) => {
      assert.equal(leak(errorText(e), secrets), undefined);
      return true;
    });
  });

  it('the API key is registered with the redactor and scrubbed from what the server echoes', async () => {
    const { provider, redactor } = wire(double, keyA, agent);
    assert.equal(redactor.scrub(`key=${keyA}`), 'key=***');
    assert.equal(redactor.redact(`key=${keyA}`), 'the reply echoed part of what was sent and is not shown');
    await provider.list();
    double.inject({
      path: ALL,
      fault: { kind: 'status', status: 401, body: { message: `bad key ${keyA}` } },
    });
    await assert.rejects(provider.list(), (e: unknown) => {
      const text = errorText(e);
      assert.match(text, /401 with a reply that echoed part of what was sent \(not shown\)/);
      assert.equal(leak(text, [keyA]), undefined);
      return true;
    });
  });
});
