/**
 * The chain in the order a real loopback server sends it, where the main handshake shows it
 * re-linked; and the order judged.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fingerprint } from '../../src/certs/inspect.ts';
import { checkTarget } from '../../src/verification/handshake.ts';
import type { CheckResult } from '../../src/verification/served.ts';
import { type SentChain, sentChain } from '../../src/verification/sent-chain.ts';
import { sentOrderFindings } from '../../src/verification/sent-order.ts';
import type { Target } from '../../src/verification/targets.ts';
import { assertWellFormed } from '../../test/support/findings.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { closedPort, type Served, type ServerTls, stallingServer, tlsServer } from './servers.ts';

const NAME = 'app.example.test';
let pki: Pki;
let root: Issued;
let intermediate: Issued;
let leaf: Issued;

before(async () => {
  pki = await Pki.create();
  root = await pki.root({ cn: 'Order Test Root' });
  intermediate = await pki.intermediate(root, { cn: 'Order Test Intermediate' });
  leaf = await pki.leaf(intermediate, { cn: NAME });
});
after(() => pki.cleanup());

const target = (port: number): Target => ({ host: NAME, port, address: '127.0.0.1', via: 'pin' });
const sha256 = (issued: Issued): string => fingerprint(new X509Certificate(issued.certPem), 'sha256');

async function probe(
  what: Served,
  versions: ServerTls = {},
): Promise<{ sent: SentChain; checked: CheckResult }> {
  const server = await tlsServer('127.0.0.1', what, 0, versions);
  try {
    const sent = await sentChain(target(server.port), { timeoutMs: 5_000 });
    const checked = await checkTarget(target(server.port), { extraCaPems: [root.certPem], timeoutMs: 5_000 });
    return { sent, checked };
  } finally {
    await server.close();
  }
}

function order(sent: SentChain): string[] {
  assert.ok(sent.known, sent.known ? '' : sent.reason);
  return sent.certificates.map((c) => c.sha256);
}

describe('sentChain', () => {
  it('reads the chain in the order sent, leaf first', async () => {
    const { sent, checked } = await probe({ leaf, chain: [intermediate] });
    assert.deepEqual(order(sent), [sha256(leaf), sha256(intermediate)]);
    assert.deepEqual(sentOrderFindings(checked, sent), []);
  });

  it('sees a chain sent out of order, which the main handshake shows re-linked', async () => {
    const { sent, checked } = await probe({ leaf, chain: [root, intermediate] });
    assert.deepEqual(order(sent), [sha256(leaf), sha256(root), sha256(intermediate)]);
    assert.deepEqual(checked.served?.chain, [
      `CN=${NAME}`,
      'CN=Order Test Intermediate',
      'CN=Order Test Root',
    ]);
    const findings = sentOrderFindings(checked, sent);
    assert.deepEqual(
      findings.map((f) => `${f.code}:${f.level}`),
      ['SERVED_CHAIN_ORDER:warning'],
    );
    assertWellFormed(findings[0]!);
    assert.match(
      findings[0]!.message,
      /^app\.example\.test:\d+ at 127\.0\.0\.1 sends its chain out of order \("CN=app\.example\.test", "CN=Order Test Root", "CN=Order Test Intermediate"\): "CN=app\.example\.test" is followed by "CN=Order Test Root", not by its issuer "CN=Order Test Intermediate"\./,
    );
  });

  it('reads a leaf sent alone as a chain of one', async () => {
    const { sent } = await probe({ leaf, chain: [] });
    assert.deepEqual(order(sent), [sha256(leaf)]);
  });

  it('leaves the order unknown for a server that speaks only TLS 1.3', async () => {
    const { sent, checked } = await probe({ leaf, chain: [intermediate] }, { minVersion: 'TLSv1.3' });
    assert.deepEqual(sent, {
      known: false,
      reason: 'the server does not speak TLS 1.2, and in TLS 1.3 the certificate is encrypted',
    });
    assert.equal(checked.served?.protocol, 'TLSv1.3');
    assert.deepEqual(sentOrderFindings(checked, sent), []);
  });

  it('says why when nothing answers, and ends a stalled handshake at the timeout', async () => {
    const refused = await sentChain(target(await closedPort('127.0.0.1')), { timeoutMs: 5_000 });
    assert.equal(refused.known, false);
    assert.match(
      refused.known ? '' : refused.reason,
      /^the TLS 1\.2 handshake failed: "connect ECONNREFUSED/,
    );
    const stalling = await stallingServer('127.0.0.1');
    try {
      const stalled = await sentChain(target(stalling.port), { timeoutMs: 200 });
      assert.deepEqual(stalled, {
        known: false,
        reason: 'the TLS 1.2 handshake failed: "no TLS 1.2 handshake within 200 ms"',
      });
    } finally {
      await stalling.close();
    }
  });
});
