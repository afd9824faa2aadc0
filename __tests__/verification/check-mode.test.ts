/**
 * `mode: check` end to end through `run()`: real loopback TLS servers, names pinned to them with
 * `resolve`, a manifest's entries' domains and endpoints; the report, outputs, summary and
 * expiry list made from what each address served.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { outputsOf } from '../../src/publish.ts';
import { expiringSoon, overallStatus } from '../../src/report/report.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderText } from '../../src/report/text.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs } from '../../src/settings.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { closedPort, type TlsDouble, tlsServer } from './servers.ts';

const DAY = 86_400_000;
let pki: Pki;
let root: Issued;
let intermediate: Issued;
let good: Issued;
/** Ten days long, a day and a half left: days alone pass it (fail-days 0), its share of its lifetime (15%) does not. */
let shortLived: Issued;
let servers: TlsDouble[] = [];
let workspace: string;

before(async () => {
  pki = await Pki.create();
  const made = await pki.chain(1, { cn: 'good.example.test', dns: ['good.example.test'] });
  root = made.root;
  intermediate = made.intermediates[0] as Issued;
  good = made.leaf;
  shortLived = await pki.leaf(intermediate, {
    cn: 'short.example.test',
    dns: ['short.example.test'],
    notBefore: new Date(Date.now() - 8.5 * DAY),
    notAfter: new Date(Date.now() + 1.5 * DAY),
  });
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-check-'));
});
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await pki.cleanup();
  await rm(workspace, { recursive: true, force: true });
});

const noDns = async (host: string): Promise<never> => {
  throw new Error(`${host} is not in the test's DNS`);
};

async function check(raw: RawInputs) {
  const settings = parseSettings({ mode: 'check', 'trusted-ca': root.certPem, ...raw });
  return run(settings, { cwd: workspace, mask: () => {}, env: {}, verification: { lookup: noDns } });
}

describe('mode: check', () => {
  it('reports each endpoint: chain, names, expiry by days and by share of the lifetime', async () => {
    const goodServer = await tlsServer('127.0.0.1', { leaf: good, chain: [intermediate] });
    const shortServer = await tlsServer('127.0.0.1', { leaf: shortLived, chain: [intermediate] });
    const bare = await tlsServer('127.0.0.1', { leaf: good, chain: [] });
    servers = [goodServer, shortServer, bare];
    const refused = await closedPort('127.0.0.1');
    const endpoints = [
      `good.example.test:${goodServer.port}`,
      `short.example.test:${shortServer.port}`,
      // The leaf alone, without the intermediate that signed it.
      `good.example.test:${bare.port}`,
      // Served a certificate for another name.
      `wrong.example.test:${goodServer.port}`,
      `down.example.test:${refused}`,
    ];
    const { report } = await check({
      endpoints: endpoints.join('\n'),
      resolve: endpoints.map((e) => `${e}:127.0.0.1`).join('\n'),
      'warn-days': '0',
      'fail-days': '0',
      'warn-percent': '30',
      'fail-percent': '20',
    });
    const codes = (n: number) => (report.served?.[n]?.findings ?? []).map((f) => `${f.level}:${f.code}`);
    assert.equal(report.served?.length, 5);
    assert.deepEqual(codes(0), []);
    assert.deepEqual(codes(1), ['error:EXPIRES_SOON']);
    assert.ok(
      codes(2).some((c) => c.startsWith('error:SERVED_UNTRUSTED') || c.includes('CHAIN')),
      codes(2).join(),
    );
    assert.ok(codes(3).includes('error:SERVED_NAME_MISMATCH'), codes(3).join());
    // verify: auto passes over what cannot be reached: a warning, not an error.
    assert.deepEqual(codes(4), ['warning:SERVED_UNREACHABLE']);

    assert.equal(report.ok, false);
    assert.equal(overallStatus(report), 'invalid');
    const outputs = outputsOf(report);
    assert.equal(outputs.verified, 'false');
    assert.equal(outputs.status, 'invalid');
    const rows = JSON.parse(outputs.endpoints) as { host: string; port: number; matches: boolean }[];
    assert.deepEqual(
      rows.map((r) => r.matches),
      [true, false, false, false, false],
    );
    // The short-lived certificate is in the expiry list by its share of the lifetime.
    assert.deepEqual(
      expiringSoon(report).map((e) => [e.what.split(' ')[0], e.source]),
      [[`short.example.test:${shortServer.port}`, 'served']],
    );
    const summary = renderSummary(report);
    assert.match(summary, /What clients are served/);
    assert.match(summary.replace(/<!-- -->/g, ''), /good\.example\.test/);
    assert.match(renderText(report, { color: false }), /SERVED_NAME_MISMATCH/);
  });

  it('verify: require makes an endpoint that cannot be reached an error', async () => {
    const refused = await closedPort('127.0.0.1');
    const endpoint = `down.example.test:${refused}`;
    const { report } = await check({
      endpoints: endpoint,
      resolve: `${endpoint}:127.0.0.1`,
      verify: 'require',
    });
    assert.deepEqual(
      report.served?.[0]?.findings.map((f) => `${f.level}:${f.code}`),
      ['error:SERVED_UNREACHABLE'],
    );
    assert.equal(report.ok, false);
  });

  it("takes a manifest's entries' domains and endpoints, labelled with the entry's name, reading no certificate", async () => {
    const server = await tlsServer('127.0.0.1', { leaf: good, chain: [intermediate] });
    servers.push(server);
    await writeFile(
      join(workspace, 'certs.yml'),
      [
        'version: 1',
        'certificates:',
        '  - name: good',
        '    domains: [good.example.test]',
        `    endpoints: [good.example.test:${server.port}]`,
        '    certificate: { file: nowhere/fullchain.pem }',
        '    private-key: { env: NOT_SET_AT_ALL }',
      ].join('\n'),
    );
    const { report } = await check({
      manifest: 'certs.yml',
      resolve: `good.example.test:${server.port}:127.0.0.1`,
    });
    // good.example.test:443 is not in the test's DNS: a warning; the pinned endpoint is fine.
    assert.deepEqual(
      report.served?.map((e) => [e.label, e.port, e.findings.map((f) => f.code).join()]),
      [
        ['good', server.port, ''],
        ['good', 443, 'SERVED_UNREACHABLE'],
      ],
    );
    assert.equal(report.ok, true);
  });
});
