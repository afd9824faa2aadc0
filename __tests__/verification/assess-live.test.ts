/**
 * What real loopback TLS servers serve, read by a handshake and judged by assessServed: a good
 * chain, a leaf without its intermediate, a wrong name, expired and short-lived certificates, a
 * weak key, old and capped TLS versions, and a port nobody listens on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Finding } from '../../src/certs/findings.ts';
import { type AssessOptions, assessServed } from '../../src/verification/assess.ts';
import { checkTarget } from '../../src/verification/handshake.ts';
import type { CheckResult } from '../../src/verification/served.ts';
import type { Target } from '../../src/verification/targets.ts';
import { assertWellFormed } from '../../test/support/findings.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { closedPort, type Served, type ServerTls, tlsServer } from './servers.ts';

const NAME = 'app.example.test';
const DAY = 86_400_000;
const HOUR = 3_600_000;
let pki: Pki;
let root: Issued;
let intermediate: Issued;
let good: Issued;

before(async () => {
  pki = await Pki.create();
  root = await pki.root({ cn: 'Assess Test Root' });
  intermediate = await pki.intermediate(root, { cn: 'Assess Test Intermediate' });
  good = await pki.leaf(intermediate, { cn: NAME, dns: [NAME] });
});
after(() => pki.cleanup());

const target = (port: number, host = NAME): Target => ({ host, port, address: '127.0.0.1', via: 'pin' });

async function served(
  what: Served,
  versions: ServerTls = {},
  host = NAME,
): Promise<{ result: CheckResult; findings: (options?: Partial<AssessOptions>) => Finding[] }> {
  const server = await tlsServer('127.0.0.1', what, 0, versions);
  try {
    const result = await checkTarget(target(server.port, host), {
      extraCaPems: [root.certPem],
      timeoutMs: 5_000,
    });
    return {
      result,
      findings: (options = {}) => {
        const all = assessServed(result, { now: new Date(), warnDays: 30, failDays: 7, ...options });
        for (const f of all) {
          assertWellFormed(f);
          assert.match(
            f.message,
            new RegExp(`${host.replace(/\./g, '\\.')}:${server.port} at 127\\.0\\.0\\.1`),
          );
        }
        return all;
      },
    };
  } finally {
    await server.close();
  }
}

const codes = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.code}:${f.level}`);

describe('assessServed on live endpoints', () => {
  it('finds nothing wrong with a good chain', async () => {
    const { result, findings } = await served({ leaf: good, chain: [intermediate] });
    assert.equal(result.served?.trusted, true);
    assert.deepEqual(findings(), []);
  });

  it('reports a leaf served without its intermediate as an incomplete chain, naming the issuer', async () => {
    const { findings } = await served({ leaf: good, chain: [] });
    const all = findings();
    assert.deepEqual(codes(all), ['SERVED_CHAIN_INCOMPLETE:error']);
    assert.match(
      all[0]!.message,
      /without the intermediate that signed it \("CN=Assess Test Intermediate"\)/,
    );
  });

  it('reports a name the leaf does not cover', async () => {
    const { findings } = await served({ leaf: good, chain: [intermediate] }, {}, 'other.example.test');
    const all = findings();
    assert.deepEqual(codes(all), ['SERVED_NAME_MISMATCH:error']);
    assert.match(all[0]!.message, /does not cover "other\.example\.test": it covers "app\.example\.test"\./);
  });

  it('reports an expired leaf once (not again as untrusted)', async () => {
    const expired = await pki.leaf(intermediate, {
      cn: NAME,
      notBefore: new Date(Date.now() - 30 * DAY),
      notAfter: new Date(Date.now() - 2 * DAY),
    });
    const { result, findings } = await served({ leaf: expired, chain: [intermediate] });
    assert.equal(result.served?.trustError?.code, 'CERT_HAS_EXPIRED');
    assert.deepEqual(codes(findings()), ['EXPIRED:error']);
  });

  it('fails a six-day certificate with a day left on percent, where days would only warn', async () => {
    const now = Date.now();
    const sixDay = await pki.leaf(intermediate, {
      cn: NAME,
      notBefore: new Date(now - 5 * DAY + HOUR),
      notAfter: new Date(now + DAY + HOUR),
    });
    const { result, findings } = await served({ leaf: sixDay, chain: [intermediate] });
    assert.equal(
      result.served?.notBefore,
      new Date(Math.floor((now - 5 * DAY + HOUR) / 1000) * 1000).toISOString(),
    );
    assert.deepEqual(codes(findings({ warnDays: 3, failDays: 0 })), ['EXPIRING:warning']);
    const byPercent = findings({ warnDays: 3, failDays: 0, warnPercent: 33, failPercent: 20 });
    assert.deepEqual(codes(byPercent), ['EXPIRES_SOON:error']);
    assert.match(byPercent[0]!.message, /of its 6-day lifetime left\): under fail-percent \(20\)\./);
  });

  it('reports an RSA 1024 leaf as a weak key', async () => {
    const weak = await pki.leaf(intermediate, { cn: NAME, key: { type: 'rsa', bits: 1024 } });
    const { findings } = await served({ leaf: weak, chain: [intermediate] });
    const all = findings();
    assert.deepEqual(codes(all), ['WEAK_KEY:error']);
    assert.match(all[0]!.message, /has a 1024-bit RSA key/);
  });

  it('reports a SHA-1 signed leaf as a weak signature', async () => {
    const sha1 = await pki.leaf(intermediate, { cn: NAME, digest: 'sha1' });
    const { findings } = await served({ leaf: sha1, chain: [intermediate] });
    assert.deepEqual(codes(findings()), ['WEAK_SIGNATURE:error']);
  });

  it('accepts a server capped at TLS 1.2, as one at its default (TLS 1.3)', async () => {
    const capped = await served({ leaf: good, chain: [intermediate] }, { maxVersion: 'TLSv1.2' });
    const modern = await served({ leaf: good, chain: [intermediate] });
    assert.deepEqual(
      [capped.result.served?.protocol, modern.result.served?.protocol],
      ['TLSv1.2', 'TLSv1.3'],
    );
    assert.deepEqual([capped.findings(), modern.findings()], [[], []]);
  });

  it('fails a server that speaks nothing newer than TLS 1.1', async () => {
    const { findings } = await served(
      { leaf: good, chain: [intermediate] },
      { minVersion: 'TLSv1', maxVersion: 'TLSv1.1' },
    );
    const all = findings();
    assert.deepEqual(codes(all), ['SERVED_OLD_TLS:error']);
    assert.match(all[0]!.message, /negotiated TLSv1\.1 though TLS 1\.3 was offered/);
  });

  it('reports a port nobody listens on as unreachable', async () => {
    const port = await closedPort('127.0.0.1');
    const result = await checkTarget(target(port), { timeoutMs: 5_000 });
    const all = assessServed(result, { now: new Date(), warnDays: 30, failDays: 7 });
    assert.deepEqual(codes(all), ['SERVED_UNREACHABLE:error']);
    assert.match(
      all[0]!.message,
      new RegExp(`^app\\.example\\.test:${port} at 127\\.0\\.0\\.1 refused the connection`),
    );
  });
});
