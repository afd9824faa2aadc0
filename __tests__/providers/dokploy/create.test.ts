/**
 * Creates that may or may not have landed (real dialect): the listing is searched by
 * fingerprint before anything is sent again, so a lost reply never makes a duplicate and a
 * create that never arrived is sent once more.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Agent } from 'undici';
import { isProviderError } from '../../../src/providers/errors.ts';
import { DokployDouble } from '../../../test/doubles/dokploy.ts';
import { Pki } from '../../../test/support/pki.ts';
import { type Made, makeUpload, newAgent, testKey, wire } from './fixtures.ts';

const CREATE = '/api/certificates.create';

describe('Dokploy provider, checked creates', () => {
  let pki: Pki;
  let agent: Agent;
  let made: Made;
  before(async () => {
    pki = await Pki.create();
    agent = newAgent();
    made = await makeUpload(pki, 'app-example-test-1');
  });
  after(async () => {
    await agent.close();
    await pki.cleanup();
  });

  async function start(): Promise<{ double: DokployDouble; key: string }> {
    const key = testKey('a');
    return { double: await DokployDouble.start({ keys: [{ key, organizationId: 'org-a' }] }), key };
  }

  it('reset after the row was written: found by fingerprint, no duplicate', async () => {
    const { double, key } = await start();
    try {
      const { provider, debug } = wire(double, key, agent);
      double.inject({ method: 'POST', path: CREATE, fault: { kind: 'reset-after' } });
      const created = await provider.create(made.upload);
      assert.equal(created.sha1, made.sha1);
      assert.equal(double.certificates().length, 1);
      assert.equal(created.id, double.certificates()[0]?.certificateId);
      assert.equal(double.server.requestsTo('POST', CREATE).length, 1, 'never sent twice');
      assert.ok(debug.some((line) => line.includes(`the create of ${made.upload.name} had landed`)));
    } finally {
      await double.close();
    }
  });

  it('a same-named row with another fingerprint is not mistaken for the upload', async () => {
    const { double, key } = await start();
    try {
      const older = await makeUpload(pki, made.upload.name);
      double.seed({
        name: made.upload.name,
        certificateData: older.upload.fullchain,
        privateKey: older.upload.privateKey,
        organizationId: 'org-a',
      });
      const { provider } = wire(double, key, agent);
      double.inject({ method: 'POST', path: CREATE, fault: { kind: 'status', status: 502 } });
      const created = await provider.create(made.upload);
      assert.equal(created.sha1, made.sha1);
      assert.equal(double.certificates().length, 2);
      assert.equal(double.server.requestsTo('POST', CREATE).length, 2, 'sent again: the first never landed');
    } finally {
      await double.close();
    }
  });

  it('gives up as AMBIGUOUS after three lost replies that did not land', async () => {
    const { double, key } = await start();
    try {
      const { provider } = wire(double, key, agent);
      double.inject({ method: 'POST', path: CREATE, times: 3, fault: { kind: 'reset' } });
      await assert.rejects(provider.create(made.upload), (e: unknown) => {
        assert.ok(isProviderError(e, 'AMBIGUOUS'));
        return true;
      });
      assert.deepEqual(double.certificates(), []);
      assert.equal(double.server.requestsTo('POST', CREATE).length, 3);
    } finally {
      await double.close();
    }
  });

  it('a 200 that does not describe the row is looked up instead of failing a create that worked', async () => {
    const { double, key } = await start();
    try {
      const { provider } = wire(double, key, agent);
      double.inject({
        method: 'POST',
        path: CREATE,
        fault: { kind: 'status', status: 200, body: true, afterHandling: true },
      });
      const created = await provider.create(made.upload);
      assert.equal(created.sha1, made.sha1);
      assert.equal(double.certificates().length, 1);
    } finally {
      await double.close();
    }
  });
});
