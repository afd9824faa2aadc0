import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { createProvider } from '../../src/providers/factory.ts';
import { Redactor } from '../../src/secrets.ts';
import { DigitalOceanDouble } from '../../test/doubles/digitalocean.ts';
import { DokployDouble } from '../../test/doubles/dokploy.ts';

describe('createProvider', () => {
  it('builds a DigitalOcean provider that talks to the given API', async () => {
    const double = await DigitalOceanDouble.start();
    try {
      double.addCertificate('one');
      const provider = createProvider(
        { kind: 'digitalocean', token: double.token, apiUrl: double.url },
        new Redactor(),
      );
      assert.equal(provider.kind, 'digitalocean');
      assert.deepEqual(
        (await provider.list()).map((c) => c.name),
        ['one'],
      );
      assert.equal(typeof provider.rebind, 'function');
    } finally {
      await double.close();
    }
  });

  it('builds a Dokploy provider, and registers its key for redaction', async () => {
    const apiKey = 'dokploy-key-for-the-factory-test';
    const double = await DokployDouble.start({ keys: [{ key: apiKey, organizationId: 'org-1' }] });
    try {
      const redactor = new Redactor();
      const provider = createProvider({ kind: 'dokploy', token: apiKey, apiUrl: double.url }, redactor);
      assert.equal(provider.kind, 'dokploy');
      assert.deepEqual(await provider.list(), []);
      assert.equal(provider.rebind, undefined, 'Dokploy serves by SNI: nothing to rebind');
      assert.equal(redactor.scrub(`key ${apiKey}`), 'key ***');
      assert.equal(redactor.echoes(`key ${apiKey}`), true);
    } finally {
      await double.close();
    }
  });

  it('asks for the address when Dokploy has none', () => {
    assert.throws(
      () => createProvider({ kind: 'dokploy', token: 'key' }, new Redactor()),
      (e: unknown) => e instanceof InputError && /api-url/.test(e.fix ?? ''),
    );
  });
});
