/**
 * Names: `covers` on its own (RFC 6125 as browsers apply it), then through checkBundle's `domains`
 * against real certificates.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BundleInput, CheckedBundle, CheckOptions } from '../../src/certs/bundle.ts';
import { FINDING_CODES, type Finding } from '../../src/certs/findings.ts';
import { covers, normaliseHostname } from '../../src/certs/hostnames.ts';
import { checkBundle } from '../../src/certs/validate.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

const dns = (...names: string[]) => ({ dns: names, ip: [] as string[] });
const ips = (...addresses: string[]) => ({ dns: [] as string[], ip: addresses });

describe('certs/hostnames: covers', () => {
  it('exact names, case-insensitively, with or without a trailing dot', () => {
    assert.ok(covers(dns('www.example.com'), 'www.example.com'));
    assert.ok(covers(dns('www.example.com'), 'WWW.Example.COM'));
    assert.ok(covers(dns('WWW.EXAMPLE.COM'), 'www.example.com'));
    assert.ok(covers(dns('www.example.com'), 'www.example.com.'));
    assert.ok(covers(dns('www.example.com.'), 'www.example.com'));
    assert.ok(covers(dns('www.example.com'), '  www.example.com  '));
    assert.ok(covers(dns('a.example.com', 'b.example.com'), 'b.example.com'));
    assert.ok(!covers(dns('www.example.com'), 'example.com'));
    assert.ok(!covers(dns('example.com'), 'www.example.com'));
    assert.ok(!covers(dns('www.example.com'), 'www.example.co'));
    assert.ok(!covers(dns('www.example.com'), 'wwww.example.com'));
    assert.ok(!covers(dns(), 'www.example.com'));
  });

  it('a wildcard matches exactly one whole left-most label', () => {
    const wild = dns('*.example.com');
    assert.ok(covers(wild, 'a.example.com'));
    assert.ok(covers(wild, 'WWW.EXAMPLE.COM.'));
    assert.ok(covers(dns('*.EXAMPLE.com'), 'api.example.com'));
    assert.ok(!covers(wild, 'example.com'), 'not the bare domain');
    assert.ok(!covers(wild, 'a.b.example.com'), 'not two labels');
    assert.ok(!covers(wild, '.example.com'), 'not an empty label');
    assert.ok(!covers(wild, 'a.example.org'));
    assert.ok(!covers(wild, 'aexample.com'));
    assert.ok(!covers(dns('*.a.example.com'), 'a.example.com'));
    assert.ok(covers(dns('*.a.example.com'), 'x.a.example.com'));
  });

  it('*.com (a wildcard over a single label) covers nothing', () => {
    assert.ok(!covers(dns('*.com'), 'example.com'));
    assert.ok(!covers(dns('*.com'), 'com'));
    assert.ok(!covers(dns('*'), 'example'));
    assert.ok(!covers(dns('*'), 'example.com'));
  });

  it('wildcards only where the label is all wildcard', () => {
    assert.ok(!covers(dns('w*.example.com'), 'www.example.com'));
    assert.ok(!covers(dns('a.*.example.com'), 'a.b.example.com'));
  });

  it('a wanted wildcard is covered only by the same wildcard', () => {
    assert.ok(covers(dns('*.example.com'), '*.example.com'));
    assert.ok(covers(dns('*.example.com'), '*.EXAMPLE.com.'));
    assert.ok(!covers(dns('a.example.com', 'www.example.com'), '*.example.com'));
    assert.ok(!covers(dns('*.a.example.com'), '*.example.com'));
    assert.ok(!covers(dns('*.example.com'), '*.a.example.com'));
    assert.ok(!covers(dns('example.com'), '*.example.com'));
  });

  it('internationalised names: unicode wanted, punycode in the certificate (and back)', () => {
    assert.ok(covers(dns('xn--bcher-kva.example'), 'bücher.example'));
    assert.ok(covers(dns('xn--bcher-kva.example'), 'BÜCHER.example'));
    assert.ok(covers(dns('xn--bcher-kva.example'), 'xn--bcher-kva.example'));
    assert.ok(covers(dns('bücher.example'), 'xn--bcher-kva.example'));
    assert.ok(covers(dns('*.xn--bcher-kva.example'), 'www.bücher.example'));
    assert.ok(covers(dns('*.xn--bcher-kva.example'), '*.bücher.example'));
    assert.ok(covers(dns('xn--mnchen-3ya.example'), 'münchen.example'));
    assert.ok(!covers(dns('xn--bcher-kva.example'), 'bucher.example'));
    assert.equal(normaliseHostname('Bücher.Example.'), 'xn--bcher-kva.example');
    assert.equal(normaliseHostname('*.Bücher.Example'), '*.xn--bcher-kva.example');
  });

  it('IPv4 addresses match only IP entries', () => {
    assert.ok(covers(ips('192.0.2.7'), '192.0.2.7'));
    assert.ok(!covers(ips('192.0.2.7'), '192.0.2.8'));
    assert.ok(!covers(dns('192.0.2.7'), '192.0.2.7'), 'a DNS entry spelling an address does not count');
    assert.ok(!covers(dns('*.0.2.7'), '192.0.2.7'), 'wildcards never match addresses');
    assert.ok(!covers(ips('192.0.2.7'), 'host.example.com'));
    assert.ok(!covers({ dns: ['host.example.com'], ip: ['192.0.2.7'] }, '192.0.2.8'));
  });

  it('IPv6 addresses: compressed, expanded, zero-padded and any case are the same address', () => {
    // Node prints IPv6 SAN entries expanded and upper-case.
    const san = ips('2001:DB8:0:0:0:0:0:1');
    assert.ok(covers(san, '2001:db8::1'));
    assert.ok(covers(san, '2001:0db8:0000:0000:0000:0000:0000:0001'));
    assert.ok(covers(san, '2001:DB8::0:1'));
    assert.ok(covers(ips('2001:db8::1'), '2001:db8:0:0:0:0:0:1'));
    assert.ok(!covers(san, '2001:db8::2'));
    assert.ok(!covers(san, '2001:db8:1::'));
    assert.ok(covers(ips('0:0:0:0:0:0:0:1'), '::1'));
    assert.ok(covers(ips('0:0:0:0:0:0:0:0'), '::'));
    assert.ok(covers(ips('FE80:0:0:0:0:0:0:1'), 'fe80::1'));
    assert.ok(!covers(dns('2001:db8::1'), '2001:db8::1'));
    // IPv4-mapped, written the usual way (dotted tail) vs Node's hex form.
    assert.ok(covers(ips('0:0:0:0:0:FFFF:C000:207'), '::ffff:192.0.2.7'));
    assert.ok(covers(ips('0:0:0:0:0:FFFF:C000:207'), '::ffff:c000:207'));
    assert.ok(!covers(ips('0:0:0:0:0:FFFF:C000:207'), '192.0.2.7'), 'v4 and v4-mapped v6 are different SANs');
    assert.ok(!covers(ips('192.0.2.7'), '::ffff:192.0.2.7'));
  });
});

describe('certs/hostnames: domains against certificates', () => {
  let pki: Pki;
  let root: Issued;
  let multi: Issued;
  let noSan: Issued;
  let ipOnly: Issued;
  let dotCom: Issued;
  let now: Date;

  before(async () => {
    pki = await Pki.create();
    now = new Date();
    root = await pki.root();
    [multi, noSan, ipOnly, dotCom] = await Promise.all([
      pki.leaf(root, {
        cn: 'cn-only.example.net',
        dns: ['www.example.com', '*.wild.example.com', 'xn--bcher-kva.example', 'Mixed.EXAMPLE.org'],
        ips: ['192.0.2.7', '2001:db8::1'],
      }),
      pki.leaf(root, { cn: 'nosan.example.com', noSan: true }),
      pki.leaf(root, { cn: '198.51.100.1', dns: [], ips: ['198.51.100.2'] }),
      pki.leaf(root, { cn: 'dotcom.example.com', dns: ['*.com'] }),
    ]);
  });
  after(async () => {
    await pki?.cleanup();
  });

  function check(cert: Issued, domains: readonly string[]): CheckedBundle {
    const input: BundleInput = {
      sources: [{ role: 'bundle', name: 'bundle', data: cert.certPem + cert.keyPem }],
    };
    const options: CheckOptions = { now, domains, trustedRoots: () => [new X509Certificate(root.certPem)] };
    const result = checkBundle(input, options);
    for (const f of result.findings) {
      assert.ok((FINDING_CODES as readonly string[]).includes(f.code), `unknown code ${f.code}`);
      assert.ok(f.message.trim().length > 0 && f.fix.trim().length > 0, `${f.code}: empty text`);
    }
    assert.equal(result.ok, !result.findings.some((f) => f.level === 'error'));
    return result;
  }

  const notCovered = (r: CheckedBundle): Finding[] =>
    r.findings.filter((f) => f.code === 'HOSTNAME_NOT_COVERED');

  it('covers every form of its names: no finding, ok, uploaded', () => {
    const r = check(multi, [
      'www.example.com',
      'WWW.EXAMPLE.COM.',
      'a.wild.example.com',
      '*.wild.example.com',
      'bücher.example',
      'xn--bcher-kva.example',
      'mixed.example.org',
      '192.0.2.7',
      '2001:db8::1',
      '2001:0DB8:0000:0000:0000:0000:0000:0001',
    ]);
    assert.deepEqual(r.findings, []);
    assert.ok(r.ok);
    assert.ok(r.upload);
    assert.deepEqual(r.leaf?.dnsNames, [
      'www.example.com',
      '*.wild.example.com',
      'xn--bcher-kva.example',
      'Mixed.EXAMPLE.org',
    ]);
  });

  it('HOSTNAME_NOT_COVERED error per name not covered, listing what is covered', () => {
    const r = check(multi, [
      'www.example.com',
      'wild.example.com',
      'a.b.wild.example.com',
      '*.example.com',
      'cn-only.example.net',
      '192.0.2.8',
      '2001:db8::2',
    ]);
    const errors = notCovered(r);
    assert.deepEqual(
      errors.map((f) => /does not cover "([^"]+)"/.exec(f.message)?.[1]),
      [
        'wild.example.com',
        'a.b.wild.example.com',
        '*.example.com',
        'cn-only.example.net',
        '192.0.2.8',
        '2001:db8::2',
      ],
    );
    for (const f of errors) {
      assert.equal(f.level, 'error');
      assert.equal(f.subject, 'CN=cn-only.example.net');
      assert.ok(
        f.message.endsWith(
          'it covers www.example.com, *.wild.example.com, xn--bcher-kva.example, Mixed.EXAMPLE.org, 192.0.2.7, 2001:DB8:0:0:0:0:0:1.',
        ),
        f.message,
      );
    }
    assert.equal(r.ok, false);
    assert.equal(r.upload, undefined);
  });

  it('reports the wanted name normalised (lowercase, no trailing dot, punycode)', () => {
    const r = check(multi, ['Nope.Example.COM.', 'Straße.example']);
    assert.deepEqual(
      notCovered(r).map((f) => /does not cover "([^"]+)"/.exec(f.message)?.[1]),
      ['nope.example.com', 'xn--strae-oqa.example'],
    );
  });

  it('the subject CN is never used', () => {
    const withSan = check(multi, ['cn-only.example.net']);
    assert.equal(notCovered(withSan).length, 1);
    const without = check(noSan, ['nosan.example.com']);
    assert.equal(notCovered(without).length, 1);
    assert.match(notCovered(without)[0]?.message ?? '', /it covers no names\.$/);
    const ipCn = check(ipOnly, ['198.51.100.1']);
    assert.equal(notCovered(ipCn).length, 1, 'not for addresses either');
  });

  it('a certificate without subjectAltName: NO_SAN warning (even with no domains asked)', () => {
    const r = check(noSan, []);
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.level, f.subject]),
      [['NO_SAN', 'warning', 'CN=nosan.example.com']],
    );
    assert.ok(r.ok);
    assert.deepEqual(r.leaf?.dnsNames, []);
    assert.deepEqual(r.leaf?.ipAddresses, []);
  });

  it('a certificate with only IP entries has a SAN: no NO_SAN; it covers its address only', () => {
    const r = check(ipOnly, ['198.51.100.2']);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.leaf?.ipAddresses, ['198.51.100.2']);
    assert.equal(notCovered(check(ipOnly, ['www.example.com'])).length, 1);
  });

  it('a *.com certificate covers no domain', () => {
    const r = check(dotCom, ['example.com', 'dotcom.example.com']);
    assert.equal(notCovered(r).length, 2);
  });
});
