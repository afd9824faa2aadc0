/**
 * The live check in the built action, run as the runner runs it: every input's default from
 * action.yml is passed (the runner always does), and the endpoints are real loopback servers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { DigitalOceanDouble, regionalLoadBalancer } from '../test/doubles/digitalocean.ts';
import { type Issued, Pki } from '../test/support/pki.ts';
import { fingerprintOf } from '../test/support/served-leaf.ts';
import { leakedWindows, ROOT, runAction } from './support/run-dist.ts';
import { type TlsDouble, tlsServer } from './verification/servers.ts';

let pki: Pki;
let root: Issued;
let intermediate: Issued;
let v1: Issued;
let v2: Issued;
let server: TlsDouble;

before(async () => {
  pki = await Pki.create();
  const made = await pki.chain(1, { cn: 'app.example.test', dns: ['app.example.test'] });
  root = made.root;
  intermediate = made.intermediates[0] as Issued;
  v1 = made.leaf;
  v2 = await pki.leaf(intermediate, { cn: 'app.example.test', dns: ['app.example.test'] });
  server = await tlsServer('127.0.0.1', { leaf: v1, chain: [intermediate] });
});
after(async () => {
  await server.close();
  await pki.cleanup();
});

/** What the runner passes for inputs the workflow leaves out: action.yml's defaults. */
function defaults(): Record<string, string> {
  const action = parse(readFileSync(`${ROOT}action.yml`, 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const out: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    // github-token's default is an expression the runner evaluates; a test has no token.
    if (input.default !== undefined && !input.default.includes('${{')) out[name] = input.default;
  }
  return out;
}

describe('dist/index.js: the live check', () => {
  it('mode: check with every default, against a loopback endpoint pinned with resolve', async () => {
    const endpoint = `app.example.test:${server.port}`;
    const run = await runAction({
      ...defaults(),
      mode: 'check',
      endpoints: endpoint,
      resolve: `${endpoint}:127.0.0.1`,
      'trusted-ca': root.certPem,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.status, 'valid');
    assert.equal(run.outputs.verified, 'true');
    const rows = JSON.parse(run.outputs.endpoints ?? '[]') as { sha1: string; address: string }[];
    assert.deepEqual(
      rows.map((r) => [r.address, r.sha1]),
      [['127.0.0.1', fingerprintOf(v1.certDer)]],
    );
    assert.match(run.summary, /What clients are served/);
  });

  it('apply with every default verifies before it removes, and prints no key', async () => {
    const double = await DigitalOceanDouble.start({ loadBalancers: { settleMs: 0, globalBindMs: 0 } });
    try {
      const endpoint = `app.example.test:${double.tlsPort}`;
      const base = {
        ...defaults(),
        provider: 'digitalocean',
        'api-url': double.url,
        'api-token': double.token,
        name: 'app',
        'trusted-ca': root.certPem,
      };
      const first = await runAction({
        ...base,
        certificate: v1.certPem + intermediate.certPem,
        'private-key': v1.keyPem,
        verify: 'false',
      });
      assert.equal(first.code, 0, first.stdout + first.stderr);
      assert.equal(first.outputs.verified, 'skipped');
      const old = double.certificates.all()[0];
      assert.ok(old);
      double.addLoadBalancer(regionalLoadBalancer(old.id, { name: 'web' }));
      const run = await runAction({
        ...base,
        certificate: v2.certPem + intermediate.certPem,
        'private-key': v2.keyPem,
        endpoints: endpoint,
        resolve: `${endpoint}:${double.tlsAddress}`,
      });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(run.outputs.status, 'rotated');
      assert.equal(run.outputs.verified, 'true');
      assert.equal(JSON.parse(run.outputs.removed ?? '[]').length, 1);
      assert.match(run.summary, /✅ app\.example\.test/);
      const printed =
        run.stdout.replace(/^::add-mask::.*$/gm, '') + run.stderr + run.summary + JSON.stringify(run.outputs);
      assert.deepEqual(leakedWindows(v2.keyPem, printed), []);
    } finally {
      await double.close();
    }
  });
});
