/**
 * One handshake per address against real loopback TLS servers: what is served, whether the chain
 * is trusted, and every failure (refused, reset, stalled, incomplete chain) as data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fingerprint } from '../../src/certs/inspect.ts';
import { checkTarget } from '../../src/verification/handshake.ts';
import { MAX_SERVED_NAMES } from '../../src/verification/limits.ts';
import { parsePins } from '../../src/verification/pins.ts';
import { resolveTargets, type Target } from '../../src/verification/targets.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import {
  closedPort,
  ipv6Loopback,
  plainServer,
  resettingServer,
  stallingServer,
  tlsServer,
} from './servers.ts';
import { X509Certificate } from 'node:crypto';

const NAME = 'app.example.test';
let pki: Pki;
let root: Issued;
let intermediate: Issued;
let fresh: Issued;
let stale: Issued;
let hasIpv6 = false;

const sha1 = (issued: Issued): string => fingerprint(new X509Certificate(issued.certPem), 'sha1');
const target = (host: string, port: number, address = host): Target => ({
  host,
  port,
  address,
  via: 'literal',
});

before(async () => {
  pki = await Pki.create();
  root = await pki.root({ cn: 'Verification Test Root' });
  intermediate = await pki.intermediate(root, { cn: 'Verification Test Intermediate' });
  [fresh, stale] = await Promise.all([
    pki.leaf(intermediate, { cn: NAME, dns: [NAME], ips: ['127.0.0.1', '::1'] }),
    pki.leaf(intermediate, { cn: NAME, dns: [NAME], notAfter: new Date(Date.now() + 86_400_000) }),
  ]);
  hasIpv6 = await ipv6Loopback();
});
after(() => pki.cleanup());

describe('checkTarget', () => {
  it('reads the served leaf, its chain and TLS version, trusted through a private CA given as an extra PEM', async () => {
    const server = await tlsServer('127.0.0.1', { leaf: fresh, chain: [intermediate] });
    try {
      const result = await checkTarget(target(NAME, server.port, '127.0.0.1'), {
        extraCaPems: [root.certPem],
      });
      assert.equal(result.error, undefined);
      const served = result.served;
      assert.ok(served);
      assert.equal(served.sha1, sha1(fresh));
      assert.match(served.sha1, /^[0-9a-f]{40}$/);
      assert.equal(served.notAfter, new Date(new X509Certificate(fresh.certPem).validTo).toISOString());
      assert.deepEqual(served.chain, [
        `CN=${NAME}`,
        'CN=Verification Test Intermediate',
        'CN=Verification Test Root',
      ]);
      assert.match(served.protocol, /^TLSv1\.[23]$/);
      assert.equal(served.trusted, true);
      assert.equal(served.trustError, undefined);
      assert.equal(served.nameMatches, true);
      assert.deepEqual(server.names, [NAME], 'the host goes out as SNI');
    } finally {
      await server.close();
    }
  });

  it('reads the facts a judgement needs: dates, key, names, and each certificate of the chain', async () => {
    const server = await tlsServer('127.0.0.1', { leaf: fresh, chain: [intermediate] });
    try {
      const { served } = await checkTarget(target(NAME, server.port, '127.0.0.1'), {
        extraCaPems: [root.certPem],
      });
      assert.ok(served);
      const x509 = new X509Certificate(fresh.certPem);
      assert.equal(served.notBefore, x509.validFromDate.toISOString());
      assert.deepEqual(served.key, { type: 'ec', bits: 256, curve: 'P-256' });
      assert.deepEqual(served.names, { dns: [NAME], ip: ['127.0.0.1', '0:0:0:0:0:0:0:1'] });
      assert.equal(served.namesTruncated, false);
      assert.deepEqual(
        served.certificates.map((c) => [
          c.subject,
          c.issuer,
          c.selfSigned,
          c.sha256,
          c.signature,
          c.weakSignature,
        ]),
        [fresh, intermediate, root].map((issued) => {
          const cert = new X509Certificate(issued.certPem);
          return [
            issued.subject,
            cert.issuer.replace(/\n/g, ', '),
            issued === root,
            fingerprint(cert, 'sha256'),
            'ecdsa-with-SHA256',
            false,
          ];
        }),
      );
      assert.deepEqual(served.certificates[1]?.key, { type: 'ec', bits: 256, curve: 'P-256' });
      assert.equal(
        served.certificates[2]?.notAfter,
        new X509Certificate(root.certPem).validToDate.toISOString(),
      );
    } finally {
      await server.close();
    }
  });

  it('keeps at most MAX_SERVED_NAMES names of a leaf for the report, but judges the name against all of them', async () => {
    const many = Array.from({ length: MAX_SERVED_NAMES + 20 }, (_, i) => `n${i}.example.test`);
    const crowded = await pki.leaf(intermediate, { cn: NAME, dns: [...many, NAME] });
    const server = await tlsServer('127.0.0.1', { leaf: crowded, chain: [intermediate] });
    try {
      const { served } = await checkTarget(target(NAME, server.port, '127.0.0.1'));
      assert.equal(served?.names.dns.length, MAX_SERVED_NAMES);
      assert.deepEqual(served?.names.dns.slice(0, 2), ['n0.example.test', 'n1.example.test']);
      assert.equal(served?.namesTruncated, true);
      assert.equal(served?.nameMatches, true, 'the name is the last one, past the bound');
    } finally {
      await server.close();
    }
  });

  it('reads an RSA 1024 leaf and its real verdict, where OpenSSL at its default level says only UNSPECIFIED', async () => {
    const weak = await pki.leaf(intermediate, { cn: NAME, dns: [NAME], key: { type: 'rsa', bits: 1024 } });
    const server = await tlsServer('127.0.0.1', { leaf: weak, chain: [intermediate] });
    try {
      const { served, error } = await checkTarget(target(NAME, server.port, '127.0.0.1'), {
        extraCaPems: [root.certPem],
      });
      assert.equal(error, undefined);
      assert.deepEqual(served?.key, { type: 'rsa', bits: 1024 });
      assert.equal(served?.trustError, undefined);
      assert.equal(served?.trusted, true);
    } finally {
      await server.close();
    }
  });

  it('reads the TLS version a server settles on: TLS 1.2 when capped there, TLS 1.1 from an old server', async () => {
    const capped = await tlsServer('127.0.0.1', { leaf: fresh, chain: [intermediate] }, 0, {
      maxVersion: 'TLSv1.2',
    });
    const old = await tlsServer('127.0.0.1', { leaf: fresh, chain: [intermediate] }, 0, {
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
    });
    try {
      const [twelve, eleven] = await Promise.all([
        checkTarget(target(NAME, capped.port, '127.0.0.1'), { extraCaPems: [root.certPem] }),
        checkTarget(target(NAME, old.port, '127.0.0.1'), { extraCaPems: [root.certPem] }),
      ]);
      assert.equal(twelve.served?.protocol, 'TLSv1.2');
      assert.equal(eleven.error, undefined, 'an old server is read, not reported as unreachable');
      assert.equal(eleven.served?.protocol, 'TLSv1.1');
      assert.equal(eleven.served?.sha1, sha1(fresh));
    } finally {
      await Promise.all([capped.close(), old.close()]);
    }
  });

  it('reports an unknown root as untrusted and still reads the fingerprint', async () => {
    const server = await tlsServer('127.0.0.1', { leaf: fresh, chain: [intermediate] });
    try {
      const { served, error } = await checkTarget(target(NAME, server.port, '127.0.0.1'));
      assert.equal(error, undefined);
      assert.equal(served?.sha1, sha1(fresh));
      assert.equal(served?.trusted, false);
      assert.equal(served?.trustError?.code, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
    } finally {
      await server.close();
    }
  });

  it('reports a leaf served without its intermediate as untrusted, even with the root trusted', async () => {
    const server = await tlsServer('127.0.0.1', { leaf: fresh, chain: [] });
    try {
      const { served } = await checkTarget(target(NAME, server.port, '127.0.0.1'), {
        extraCaPems: [root.certPem],
      });
      assert.equal(served?.sha1, sha1(fresh));
      assert.equal(served?.trusted, false);
      assert.equal(served?.trustError?.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      assert.match(served?.trustError?.meaning ?? '', /without the intermediate/);
      assert.deepEqual(served?.chain, [`CN=${NAME}`]);
    } finally {
      await server.close();
    }
  });

  it('sends no SNI to an IP-literal host and judges the name against the IP SANs', async () => {
    const server = await tlsServer('127.0.0.1', { leaf: fresh, chain: [intermediate] });
    try {
      const { served } = await checkTarget(target('127.0.0.1', server.port), { extraCaPems: [root.certPem] });
      assert.equal(served?.sha1, sha1(fresh));
      assert.equal(served?.nameMatches, true);
      assert.deepEqual(server.names, [], 'no SNI for an IP literal');
    } finally {
      await server.close();
    }
  });

  it('tells a name the leaf does not cover apart from a chain problem', async () => {
    const server = await tlsServer('127.0.0.1', { leaf: fresh, chain: [intermediate] });
    try {
      const { served } = await checkTarget(target('other.example.test', server.port, '127.0.0.1'), {
        extraCaPems: [root.certPem],
      });
      assert.equal(served?.trusted, true);
      assert.equal(served?.nameMatches, false);
    } finally {
      await server.close();
    }
  });

  it('checks over IPv6 loopback', async (t) => {
    if (!hasIpv6) {
      t.skip('::1 is not available on this machine (no IPv6 loopback to listen on)');
      return;
    }
    const server = await tlsServer('::1', { leaf: fresh, chain: [intermediate] });
    try {
      const result = await checkTarget(target(NAME, server.port, '::1'), { extraCaPems: [root.certPem] });
      assert.equal(result.served?.sha1, sha1(fresh));
      assert.equal(result.served?.trusted, true);
      const literal = await checkTarget(target('::1', server.port), { extraCaPems: [root.certPem] });
      assert.equal(literal.served?.nameMatches, true);
    } finally {
      await server.close();
    }
  });

  it('checks every address of a name on its own, so one stale node behind it is caught', async () => {
    const first = await tlsServer('127.0.0.1', { leaf: fresh, chain: [intermediate] });
    const second = await tlsServer('127.0.0.2', { leaf: stale, chain: [intermediate] }, first.port);
    try {
      const pins = parsePins([`${NAME}:${first.port}:127.0.0.1,127.0.0.2`]);
      const { targets } = await resolveTargets([{ host: NAME, port: first.port }], { pins });
      assert.deepEqual(
        targets.map((t) => t.address),
        ['127.0.0.1', '127.0.0.2'],
      );
      const results = await Promise.all(targets.map((t) => checkTarget(t, { extraCaPems: [root.certPem] })));
      assert.deepEqual(
        results.map((r) => [r.address, r.served?.sha1]),
        [
          ['127.0.0.1', sha1(fresh)],
          ['127.0.0.2', sha1(stale)],
        ],
      );
      assert.deepEqual([first.names, second.names], [[NAME], [NAME]]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('reports a reset connection as data', async () => {
    const server = await resettingServer('127.0.0.1');
    try {
      const result = await checkTarget(target(NAME, server.port, '127.0.0.1'), { timeoutMs: 5_000 });
      assert.equal(result.served, undefined);
      assert.equal(result.error?.kind, 'reset');
    } finally {
      await server.close();
    }
  });

  it('reports a refused connection as data', async () => {
    const port = await closedPort('127.0.0.1');
    const result = await checkTarget(target(NAME, port, '127.0.0.1'), { timeoutMs: 5_000 });
    assert.equal(result.error?.kind, 'refused');
  });

  it('ends a handshake that stalls (TCP accepted, no answer) at the timeout', async () => {
    const server = await stallingServer('127.0.0.1');
    try {
      const result = await checkTarget(target(NAME, server.port, '127.0.0.1'), { timeoutMs: 200 });
      assert.equal(result.served, undefined);
      assert.deepEqual(result.error, { kind: 'timeout', message: 'no TLS handshake within 200 ms' });
    } finally {
      await server.close();
    }
  });

  it('reports a server that does not speak TLS as a handshake failure', async () => {
    const server = await plainServer('127.0.0.1');
    try {
      const result = await checkTarget(target(NAME, server.port, '127.0.0.1'), { timeoutMs: 5_000 });
      assert.equal(result.error?.kind, 'handshake');
    } finally {
      await server.close();
    }
  });
});
