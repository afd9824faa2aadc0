/**
 * The Dokploy address as users give it: the dashboard's, or with /api (from the API docs), with
 * or without a trailing slash, under a sub-path too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Agent } from 'undici';
import { apiBaseUrl } from '../../../src/providers/dokploy/base-url.ts';
import { isProviderError } from '../../../src/providers/errors.ts';
import { createDokployProvider } from '../../../src/providers/dokploy/provider.ts';
import { Redactor } from '../../../src/secrets.ts';
import { DokployDouble } from '../../../test/doubles/dokploy.ts';
import { newAgent, testKey, wire } from './fixtures.ts';

describe('apiBaseUrl', () => {
  it('adds /api once', () => {
    const cases: [string, string][] = [
      ['https://dokploy.example.com', 'https://dokploy.example.com/api'],
      ['https://dokploy.example.com/', 'https://dokploy.example.com/api'],
      ['https://dokploy.example.com/api', 'https://dokploy.example.com/api'],
      ['https://dokploy.example.com/api/', 'https://dokploy.example.com/api'],
      ['  https://dokploy.example.com/API  ', 'https://dokploy.example.com/API'],
      ['https://example.com/tools/dokploy', 'https://example.com/tools/dokploy/api'],
      ['https://example.com/tools/dokploy/api//', 'https://example.com/tools/dokploy/api'],
      ['https://dokploy.example.com:3000/?tab=x#top', 'https://dokploy.example.com:3000/api'],
      ['https://dokploy.example.com/apis', 'https://dokploy.example.com/apis/api'],
    ];
    for (const [given, expected] of cases) assert.equal(apiBaseUrl(given), expected, given);
  });

  it('leaves text that is not a URL for the HTTP layer to refuse', () => {
    assert.equal(apiBaseUrl('dokploy.example.com'), 'dokploy.example.com');
    assert.throws(
      () =>
        createDokployProvider({
          apiKey: testKey('k'),
          baseUrl: 'dokploy.example.com',
          redactor: new Redactor(),
        }),
      (e: unknown) => isProviderError(e, 'INSECURE_URL') && /is not a URL/.test(e.message),
    );
    assert.throws(
      () =>
        createDokployProvider({
          apiKey: testKey('k'),
          baseUrl: 'http://dokploy.example.com',
          redactor: new Redactor(),
        }),
      (e: unknown) => isProviderError(e, 'INSECURE_URL'),
    );
  });
});

describe('Dokploy provider, base URL', () => {
  let agent: Agent;
  let double: DokployDouble;
  const key = testKey('a');
  before(async () => {
    agent = newAgent();
    double = await DokployDouble.start({ keys: [{ key, organizationId: 'org-a' }] });
  });
  after(async () => {
    await double.close();
    await agent.close();
  });

  for (const suffix of ['', '/', '/api', '/api/']) {
    it(`works with "${suffix || '(nothing)'}" after the address`, async () => {
      const before = double.requests.length;
      const { provider } = wire(double, key, agent, { baseUrl: `${double.url}${suffix}` });
      assert.deepEqual(await provider.list(), []);
      assert.equal(await provider.remove('gone'), 'already-gone');
      assert.deepEqual(
        double.requests.slice(before).map((r) => r.path),
        ['/api/certificates.all', '/api/certificates.remove'],
      );
    });
  }
});
