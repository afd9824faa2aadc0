/**
 * rotationVerify (rotation-verify.ts): the live check as a rotation gets it from the settings:
 * which endpoints belong to which lineage, whether a reload may heal a stale Traefik, the fix a
 * failed check prints, and the bound on endpoints checked before anything is sent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CheckedBundle } from '../../src/certs/bundle.ts';
import { commandWords } from '../../src/cli/flags.ts';
import { InputError } from '../../src/errors.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs } from '../../src/settings.ts';
import type { LineageVerification } from '../../src/verification/verdict.ts';
import { rotationVerify, type VerifiedLineage } from '../../src/verification/rotation-verify.ts';
import { DigitalOceanDouble } from '../../test/doubles/digitalocean.ts';
import { Pki } from '../../test/support/pki.ts';
import { bundleOf } from '../rotation/fixtures.ts';

const PEM = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
const BASE: RawInputs = {
  mode: 'apply',
  provider: 'digitalocean',
  'api-token': `dop_v1_${'0'.repeat(64)}`,
  name: 'example-com',
  certificate: PEM,
};

let pki: Pki;
let covering: CheckedBundle;
let other: CheckedBundle;
before(async () => {
  pki = await Pki.create();
  covering = await bundleOf(pki, ['app.example.test', 'example.com', '*.example.com']);
  other = await bundleOf(pki, ['shop.example.org']);
});
after(() => pki.cleanup());

function built(raw: RawInputs, lineages: VerifiedLineage[], single: boolean, command = false) {
  const settings = parseSettings({ ...BASE, ...raw }, command ? { words: commandWords() } : {});
  assert.ok(settings.verify && settings.rotation);
  return rotationVerify({
    verify: settings.verify,
    rotation: settings.rotation,
    lineages,
    single,
    extraCaPems: [],
    words: settings.words,
  });
}

const entry = (lineage: string, bundle: CheckedBundle, domains: string[], endpoints: string[] = []) => ({
  lineage,
  domains,
  endpoints: endpoints.map((e) => {
    const [host = '', port = '443'] = e.split(':');
    return { host, port: Number(port) };
  }),
  leaf: bundle.leaf,
});

const failed = (
  serves: 'superseded' | 'traefik-default' | 'other',
  unreachable = false,
): LineageVerification => ({
  lineage: 'example-com',
  status: 'failed',
  summary: 's',
  skippedDomains: [],
  endpoints: [
    {
      host: 'example.com',
      port: 443,
      address: '192.0.2.1',
      matches: false,
      serves,
      sha1: 'f'.repeat(40),
      ...(unreachable ? { unreachable: true } : {}),
    },
  ],
});

describe('rotationVerify', () => {
  it('verify: false builds no check', () => {
    assert.equal(
      built({ verify: 'false' }, [entry('example-com', covering, ['example.com'])], true),
      undefined,
    );
  });

  it('one certificate: its domains on 443, then every endpoint given; a wildcard not covered is skipped', () => {
    const verify = built(
      { endpoints: 'lb.example.net:8443' },
      [entry('example-com', covering, ['example.com', '*.example.com'])],
      true,
    );
    assert.deepEqual(verify?.endpointsOf('example-com'), {
      endpoints: [
        { host: 'example.com', port: 443 },
        { host: 'lb.example.net', port: 8443 },
      ],
      skipped: [
        {
          domain: '*.example.com',
          reason: 'a wildcard has no address; give an endpoint it covers to check it',
        },
      ],
    });
    assert.deepEqual(verify?.endpointsOf('unknown'), { endpoints: [], skipped: [] });
  });

  it('a manifest: an endpoint given as an input goes to the certificates that cover it; an entry keeps its own', () => {
    const verify = built(
      { endpoints: 'www.example.com:8443, shop.example.org' },
      [
        entry('example-com', covering, ['*.example.com']),
        entry('example-org', other, [], ['lb.internal.example:9443']),
      ],
      false,
    );
    assert.deepEqual(verify?.endpointsOf('example-com'), {
      endpoints: [{ host: 'www.example.com', port: 8443 }],
      skipped: [],
    });
    assert.deepEqual(verify?.endpointsOf('example-org').endpoints, [
      { host: 'lb.internal.example', port: 9443 },
      { host: 'shop.example.org', port: 443 },
    ]);
  });

  it('a reload may heal a stale Traefik only on Dokploy with reload-traefik', () => {
    const one = [entry('example-com', covering, ['example.com'])];
    assert.equal(built({}, one, true)?.mayReload, false);
    const dokploy = { provider: 'dokploy', 'api-url': 'https://dokploy.example.com' };
    assert.equal(built(dokploy, one, true)?.mayReload, false);
    assert.equal(built({ ...dokploy, 'reload-traefik': 'true' }, one, true)?.mayReload, true);
  });

  it('the fix: on Dokploy a stale Traefik asks for reload-traefik (worded for where the run started)', () => {
    const one = [entry('example-com', covering, ['example.com'])];
    const dokploy = { provider: 'dokploy', 'api-url': 'https://dokploy.example.com' };
    assert.match(
      built(dokploy, one, true)?.fixFor(failed('traefik-default'), undefined) ?? '',
      /^Traefik has not picked up the new certificate \(Dokploy issue 4503\)\. set reload-traefik to true/,
    );
    assert.match(
      built(dokploy, one, true, true)?.fixFor(failed('superseded'), undefined) ?? '',
      /add --reload-traefik/,
    );
    const reloaded = built({ ...dokploy, 'reload-traefik': 'true' }, one, true)?.fixFor(
      failed('superseded'),
      {
        status: 'requested',
        what: 'Traefik reload',
        note: '',
      },
    );
    assert.match(reloaded ?? '', /^Traefik was reloaded once more and still serves an old certificate/);
    assert.match(
      built({ ...dokploy, 'reload-traefik': 'true' }, one, true)?.fixFor(failed('superseded'), {
        status: 'failed',
        code: 'INTERNAL',
        message: 'the reload was refused.',
      }) ?? '',
      /^Traefik was to be reloaded to pick up the new certificate, and the reload failed: the reload was refused\./,
    );
  });

  it('the fix elsewhere: DNS, resolve and the wait, with its value; require named when something was unreachable', () => {
    const one = [entry('example-com', covering, ['example.com'])];
    const fix =
      built({ 'verify-timeout-seconds': '45' }, one, true)?.fixFor(failed('other'), undefined) ?? '';
    assert.match(fix, /pin it with resolve/);
    assert.match(fix, /verify-timeout-seconds \(now 45\)/);
    assert.doesNotMatch(fix, /require/);
    const require =
      built({ verify: 'require' }, one, true, true)?.fixFor(failed('other', true), undefined) ?? '';
    assert.match(require, /--verify is require; set it to auto to pass over those/);
    assert.match(require, /pin it with --resolve/);
  });

  it('more than 256 endpoints over all lineages: refused when the check is built, before anything is sent', () => {
    const domains = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `${prefix}${i}.example.com`);
    const lineages = [
      entry('example-com', covering, domains('a', 200)),
      entry('example-org', other, domains('b', 57)),
    ];
    assert.throws(
      () => built({}, lineages, false),
      (error: unknown) =>
        error instanceof InputError &&
        /^The certificates have 257 endpoints to verify; at most 256 are checked in one run\./.test(
          error.message,
        ),
    );
    assert.ok(built({}, lineages.slice(0, 1), false), '200 are fine');
  });
});

describe('apply with more endpoints than are checked', () => {
  it('is refused before anything is uploaded, not after the upload and the rebind', async () => {
    const { intermediates, leaf } = await pki.chain(1, { cn: 'example.com', dns: ['*.example.com'] });
    const double = await DigitalOceanDouble.start();
    try {
      const settings = parseSettings({
        ...BASE,
        'api-url': double.url,
        'api-token': double.token,
        certificate: leaf.certPem + intermediates.map((c) => c.certPem).join(''),
        'private-key': leaf.keyPem,
        domains: Array.from({ length: 257 }, (_, i) => `h${i}.example.com`).join(','),
      });
      await assert.rejects(
        run(settings, { cwd: process.cwd(), mask: () => {}, env: {} }),
        (error: unknown) =>
          error instanceof InputError && /257 endpoints to verify; at most 256/.test(error.message),
      );
      assert.deepEqual(double.certificates.all(), [], 'nothing uploaded');
      assert.deepEqual(
        double.server.requests.filter((r) => r.method !== 'GET'),
        [],
      );
    } finally {
      await double.close();
    }
  });
});
