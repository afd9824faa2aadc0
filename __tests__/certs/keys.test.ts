/**
 * Private keys in every container users have them in: RSA (PKCS#1, PKCS#8), EC P-256/P-384/P-521
 * (SEC1, PKCS#8), Ed25519; PEM, base64 of DER, raw DER; encrypted PKCS#8 and traditional
 * Proc-Type/DEK-Info keys with the right, no, or a wrong passphrase; damaged keys, the wrong key,
 * no key. No finding may ever quote the key or the passphrase.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { CheckedBundle, CheckOptions } from '../../src/certs/bundle.ts';
import type { SourceInput } from '../../src/certs/decode.ts';
import type { Finding } from '../../src/certs/findings.ts';
import { describeKey, keyLabel } from '../../src/certs/keys.ts';
import { checkBundle } from '../../src/certs/validate.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { codeLevels, only, source } from '../../test/support/findings.ts';
import { pemBegin, pemBeginPattern, pemEnd } from '../../test/support/pem-markers.ts';
import { loadPkcs12Support } from '../../src/certs/pkcs12-support.ts';

// Checking is synchronous; node-forge loads on demand (run() does this for the action).
await loadPkcs12Support();

const PASSPHRASE = 'Key-Passphrase-9x7!';
const WRONG = 'Not-The-Passphrase-1';

type Kind = 'rsa' | 'p256' | 'p384' | 'p521' | 'ed25519';
type Format = 'pkcs1' | 'pkcs8' | 'sec1';

const KINDS: {
  kind: Kind;
  formats: Format[];
  facts: { type: string; bits: number; curve?: string };
  label: string;
  warnings: string[];
}[] = [
  {
    kind: 'rsa',
    formats: ['pkcs1', 'pkcs8'],
    facts: { type: 'rsa', bits: 2048 },
    label: 'RSA 2048',
    warnings: [],
  },
  {
    kind: 'p256',
    formats: ['sec1', 'pkcs8'],
    facts: { type: 'ec', bits: 256, curve: 'P-256' },
    label: 'ECDSA P-256',
    warnings: [],
  },
  {
    kind: 'p384',
    formats: ['sec1', 'pkcs8'],
    facts: { type: 'ec', bits: 384, curve: 'P-384' },
    label: 'ECDSA P-384',
    warnings: [],
  },
  {
    kind: 'p521',
    formats: ['sec1', 'pkcs8'],
    facts: { type: 'ec', bits: 521, curve: 'P-521' },
    label: 'ECDSA P-521',
    warnings: ['UNUSUAL_KEY:warning'],
  },
  {
    kind: 'ed25519',
    formats: ['pkcs8'],
    facts: { type: 'ed25519', bits: 256 },
    label: 'Ed25519',
    warnings: ['UNUSUAL_KEY:warning'],
  },
];

/** The base64 between the BEGIN and END lines, without any Proc-Type / DEK-Info headers. */
const execFileP = promisify(execFile);

/** A DER element as a tree, to rewrite one value of an encrypted key's parameters. */
interface Tlv {
  tag: number;
  content: Buffer;
  children?: Tlv[];
}

function parseDer(der: Buffer, start = 0, end = der.length): Tlv[] {
  const out: Tlv[] = [];
  for (let at = start; at < end; ) {
    const tag = der[at]!;
    let length = der[at + 1]!;
    let content = at + 2;
    if (length & 0x80) {
      const octets = length & 0x7f;
      length = 0;
      for (let i = 0; i < octets; i++) length = length * 256 + der[content + i]!;
      content += octets;
    }
    const node: Tlv = { tag, content: der.subarray(content, content + length) };
    if (tag & 0x20) node.children = parseDer(der, content, content + length);
    out.push(node);
    at = content + length;
  }
  return out;
}

function writeDer(node: Tlv): Buffer {
  const content = node.children ? Buffer.concat(node.children.map(writeDer)) : node.content;
  const n = content.length;
  const length =
    n < 0x80
      ? [n]
      : n < 0x100
        ? [0x81, n]
        : n < 0x10000
          ? [0x82, n >> 8, n & 0xff]
          : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([node.tag, ...length]), content]);
}

/** EncryptedPrivateKeyInfo → AlgorithmIdentifier (PBES2) → params → keyDerivationFunc → its params. */
function kdfParams(root: Tlv): Tlv {
  return root.children![0]!.children![1]!.children![0]!.children![1]!;
}

function pemOf(label: string, der: Buffer): string {
  return `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
}

function base64Body(pem: string): string {
  return pem
    .split(/\r?\n/)
    .filter((line) => line !== '' && !line.startsWith('-----') && !line.includes(':'))
    .join('');
}

/**
 * No finding (message, fix, subject, origin) contains any 16-character window of any of the key
 * bodies, nor any passphrase: a broken key must not leak into a log through its error.
 */
function assertNoSecrets(findings: readonly Finding[], bodies: string[], passphrases: string[] = []): void {
  assert.ok(findings.length > 0, 'there is a finding to check');
  const texts = findings.flatMap((f) => {
    const json = JSON.stringify(f);
    return [json, json.replace(/\s+|\\n/g, '')];
  });
  for (const body of bodies) {
    assert.ok(body.length >= 16, 'a key body');
    for (let i = 0; i + 16 <= body.length; i++) {
      const window = body.slice(i, i + 16);
      for (const text of texts) assert.ok(!text.includes(window), `a finding quotes the key: …${window}…`);
    }
  }
  for (const passphrase of passphrases) {
    for (const text of texts) assert.ok(!text.includes(passphrase), 'a finding quotes the passphrase');
  }
}

describe('certs/keys: reading private keys', () => {
  let pki: Pki;
  let root: Issued;
  const leaves = {} as Record<Kind, Issued>;
  let options: CheckOptions;

  before(async () => {
    pki = await Pki.create();
    root = await pki.root();
    const specs = {
      rsa: { type: 'rsa' },
      p256: { type: 'ec', curve: 'P-256' },
      p384: { type: 'ec', curve: 'P-384' },
      p521: { type: 'ec', curve: 'P-521' },
      ed25519: { type: 'ed25519' },
    } as const;
    await Promise.all(
      (Object.keys(specs) as Kind[]).map(async (kind) => {
        leaves[kind] = await pki.leaf(root, { cn: `${kind}.example.test`, key: specs[kind] });
      }),
    );
    const rootCert = new X509Certificate(root.certPem);
    options = { trustedRoots: () => [rootCert] };
  });
  after(async () => {
    await pki.cleanup();
  });

  const check = (sources: SourceInput[], keyPassphrase?: string, extra: CheckOptions = {}): CheckedBundle =>
    checkBundle(keyPassphrase === undefined ? { sources } : { sources, keyPassphrase }, {
      ...options,
      ...extra,
    });

  const withCert = (kind: Kind, key: string | Uint8Array, passphrase?: string, extra?: CheckOptions) =>
    check([source('certificate', leaves[kind].certPem), source('private-key', key)], passphrase, extra);

  /** ok, the expected warnings only, and the key re-exported as unencrypted PKCS#8 PEM. */
  const assertKeyRead = (result: CheckedBundle, kind: Kind, warnings: string[] = []): void => {
    assert.deepEqual(codeLevels(result), warnings, JSON.stringify(result.findings, null, 1));
    assert.equal(result.ok, true);
    const privateKey = result.upload?.privateKey ?? '';
    assert.match(
      privateKey,
      new RegExp(`^${pemBeginPattern('PRIVATE KEY')}\\n[A-Za-z0-9+/=\\n]+${pemEnd('PRIVATE KEY')}\\n$`),
    );
    assert.ok(createPrivateKey(privateKey).equals(createPrivateKey(leaves[kind].keyPem)));
    assert.equal(result.upload?.certificate, leaves[kind].certPem);
  };

  describe('every key type in every container', () => {
    for (const { kind, formats, facts, label, warnings } of KINDS) {
      for (const format of formats) {
        it(`${label}, ${format}: PEM, PEM in the bundle, base64 DER, raw DER`, () => {
          const keyPem = pki.keyAs(leaves[kind].keyPem, format);
          const der = createPrivateKey(keyPem).export({ type: format, format: 'der' });
          const expectedLabel = { pkcs1: 'RSA PRIVATE KEY', pkcs8: 'PRIVATE KEY', sec1: 'EC PRIVATE KEY' }[
            format
          ];
          assert.ok(keyPem.startsWith(`-----BEGIN ${expectedLabel}-----\n`));

          const pem = withCert(kind, keyPem);
          assertKeyRead(pem, kind, warnings);
          assert.deepEqual(pem.leaf?.key, facts);

          assertKeyRead(check([source('bundle', keyPem + leaves[kind].certPem)]), kind, warnings);
          assertKeyRead(withCert(kind, der.toString('base64')), kind, warnings);
          assertKeyRead(withCert(kind, der.toString('base64').replace(/.{64}/g, '$&\n')), kind, warnings);
          assertKeyRead(withCert(kind, new Uint8Array(der)), kind, warnings);
          // A passphrase given for a key that is not encrypted is simply not needed.
          assertKeyRead(withCert(kind, keyPem, PASSPHRASE), kind, warnings);
        });
      }
    }

    it('describes keys with their type, size and curve', () => {
      for (const { kind, facts, label } of KINDS) {
        const key = createPrivateKey(leaves[kind].keyPem);
        assert.deepEqual(describeKey(key), facts);
        assert.equal(keyLabel(describeKey(key)), label);
      }
    });
  });

  describe('encrypted keys', () => {
    const cases: { kind: Kind; format: 'pkcs8' | 'traditional'; label: RegExp }[] = [
      { kind: 'rsa', format: 'pkcs8', label: new RegExp(`^${pemBeginPattern('ENCRYPTED PRIVATE KEY')}\\n`) },
      {
        kind: 'rsa',
        format: 'traditional',
        label: new RegExp(`^${pemBeginPattern('RSA PRIVATE KEY')}\\nProc-Type: 4,ENCRYPTED\\nDEK-Info: `),
      },
      { kind: 'p256', format: 'pkcs8', label: new RegExp(`^${pemBeginPattern('ENCRYPTED PRIVATE KEY')}\\n`) },
      {
        kind: 'p384',
        format: 'traditional',
        label: new RegExp(`^${pemBeginPattern('EC PRIVATE KEY')}\\nProc-Type: 4,ENCRYPTED\\nDEK-Info: `),
      },
      {
        kind: 'ed25519',
        format: 'pkcs8',
        label: new RegExp(`^${pemBeginPattern('ENCRYPTED PRIVATE KEY')}\\n`),
      },
    ];
    for (const { kind, format, label } of cases) {
      describe(`${kind}, ${format === 'pkcs8' ? 'ENCRYPTED PRIVATE KEY' : 'Proc-Type/DEK-Info'}`, () => {
        let encrypted: string;
        let bodies: string[];
        before(async () => {
          encrypted = await pki.encryptKey(leaves[kind].keyPem, PASSPHRASE, format);
          assert.match(encrypted, label);
          bodies = [base64Body(encrypted), base64Body(leaves[kind].keyPem)];
        });
        const warnings = kind === 'ed25519' ? ['UNUSUAL_KEY:warning'] : [];

        it('reads it with the right passphrase, also indented with CRLF and in the bundle', () => {
          assertKeyRead(withCert(kind, encrypted, PASSPHRASE), kind, warnings);
          const messy = encrypted.replace(/^/gm, '    ').replace(/\n/g, '\r\n');
          assertKeyRead(withCert(kind, messy, PASSPHRASE), kind, warnings);
          assertKeyRead(
            check([source('bundle', leaves[kind].certPem + encrypted)], PASSPHRASE),
            kind,
            warnings,
          );
          assertKeyRead(withCert(kind, encrypted.replace(/\n/g, '\\n'), PASSPHRASE), kind, warnings);
        });

        it('says KEY_PASSPHRASE_NEEDED without a passphrase, and nothing about a missing key', () => {
          const text = `${leaves[kind].certPem}${encrypted}`;
          const result = check([source('bundle', text)]);
          assert.deepEqual(codeLevels(result), ['KEY_PASSPHRASE_NEEDED:error', ...warnings]);
          const f = only(result, 'KEY_PASSPHRASE_NEEDED');
          assert.equal(f.origin?.line, leaves[kind].certPem.split('\n').length);
          assert.match(f.fix, /key-passphrase/);
          assert.equal(result.upload, undefined);
          assertNoSecrets(result.findings, bodies, [PASSPHRASE]);
        });

        it('says KEY_PASSPHRASE_WRONG with a wrong passphrase, quoting neither', () => {
          const result = withCert(kind, encrypted, WRONG);
          assert.deepEqual(codeLevels(result), ['KEY_PASSPHRASE_WRONG:error', ...warnings]);
          assert.equal(result.upload, undefined);
          assertNoSecrets(result.findings, bodies, [PASSPHRASE, WRONG]);
        });
      });
    }

    describe('encrypted PKCS#8 as DER (raw and base64)', () => {
      let der: Buffer;
      let bodies: string[];
      before(() => {
        der = createPrivateKey(leaves.p256.keyPem).export({
          type: 'pkcs8',
          format: 'der',
          cipher: 'aes-256-cbc',
          passphrase: PASSPHRASE,
        });
        bodies = [der.toString('base64'), base64Body(leaves.p256.keyPem)];
      });

      it('reads it with the right passphrase', () => {
        assertKeyRead(withCert('p256', der, PASSPHRASE), 'p256');
        assertKeyRead(withCert('p256', der.toString('base64'), PASSPHRASE), 'p256');
      });

      it('says KEY_PASSPHRASE_NEEDED / KEY_PASSPHRASE_WRONG, not "binary data" and "no private key"', () => {
        for (const data of [new Uint8Array(der), der.toString('base64')]) {
          const none = withCert('p256', data);
          assert.deepEqual(codeLevels(none), ['KEY_PASSPHRASE_NEEDED:error']);
          assertNoSecrets(none.findings, bodies, [PASSPHRASE]);
          const wrong = withCert('p256', data, WRONG);
          assert.deepEqual(codeLevels(wrong), ['KEY_PASSPHRASE_WRONG:error']);
          assertNoSecrets(wrong.findings, bodies, [PASSPHRASE, WRONG]);
        }
      });
    });
  });

  describe('the work an encrypted key asks of its reader', () => {
    const opensslPkcs8 = async (kind: Kind, args: string[]): Promise<string> => {
      const { stdout } = await execFileP('openssl', [
        'pkcs8',
        '-topk8',
        '-in',
        leaves[kind].keyPath!,
        '-passout',
        `pass:${PASSPHRASE}`,
        ...args,
      ]);
      assert.match(stdout, new RegExp(`^${pemBeginPattern('ENCRYPTED PRIVATE KEY')}\\n`));
      return stdout;
    };

    it('reads keys encrypted by openssl with usual settings: 100,000 iterations, scrypt, PBES1', async () => {
      const keys = await Promise.all([
        opensslPkcs8('p256', ['-v2', 'aes-256-cbc', '-iter', '100000']),
        opensslPkcs8('p256', ['-scrypt']),
        opensslPkcs8('p256', ['-v1', 'PBE-SHA1-3DES']),
      ]);
      for (const pem of keys) assertKeyRead(withCert('p256', pem, PASSPHRASE), 'p256');
    });

    it('refuses, at once, a key whose PBKDF2 iteration count would stall the action', () => {
      const der = createPrivateKey(leaves.p256.keyPem).export({
        type: 'pkcs8',
        format: 'der',
        cipher: 'aes-256-cbc',
        passphrase: PASSPHRASE,
      });
      const root = parseDer(der)[0]!;
      const params = kdfParams(root);
      assert.equal(params.children![1]!.tag, 0x02, 'PBKDF2-params { salt, iterationCount, … }');
      for (const count of [
        [0x7f, 0xff, 0xff, 0xff],
        [0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
      ]) {
        params.children![1] = { tag: 0x02, content: Buffer.from(count) };
        const hostile = writeDer(root);
        for (const data of [pemOf('ENCRYPTED PRIVATE KEY', hostile), hostile, hostile.toString('base64')]) {
          const started = performance.now();
          const result = withCert('p256', data, PASSPHRASE);
          assert.ok(performance.now() - started < 500, 'no key derivation was run');
          assert.deepEqual(codeLevels(result), ['BAD_PRIVATE_KEY:error']);
          assert.match(result.findings[0]!.message, /iterations/);
          assertNoSecrets(
            result.findings,
            [hostile.toString('base64'), base64Body(leaves.p256.keyPem)],
            [PASSPHRASE],
          );
        }
      }
    });

    it('refuses, at once, a scrypt key whose N×r×p would stall the action', async () => {
      const pem = await opensslPkcs8('p256', ['-scrypt']);
      const root = parseDer(Buffer.from(base64Body(pem), 'base64'))[0]!;
      const params = kdfParams(root);
      assert.equal(params.children!.length >= 4, true, 'scrypt-params { salt, N, r, p, … }');
      params.children![3] = { tag: 0x02, content: Buffer.from([0x10, 0x00, 0x00]) }; // p = 2^20
      const started = performance.now();
      const result = withCert('p256', pemOf('ENCRYPTED PRIVATE KEY', writeDer(root)), PASSPHRASE);
      assert.ok(performance.now() - started < 500, 'no key derivation was run');
      assert.deepEqual(codeLevels(result), ['BAD_PRIVATE_KEY:error']);
      assert.match(result.findings[0]!.message, /scrypt/);
    });
  });

  describe('keys that cannot be used', () => {
    it('says BAD_PRIVATE_KEY, with the line, for a key whose structure is damaged', () => {
      for (const kind of ['rsa', 'p256'] as const) {
        const lines = leaves[kind].keyPem.split('\n');
        lines[1] = `AAAAAAAAAAAAAAAA${lines[1]!.slice(16)}`;
        const damaged = lines.join('\n');
        const text = `${leaves[kind].certPem}${damaged}`;
        const result = check([source('bundle', text)]);
        assert.deepEqual(codeLevels(result), ['BAD_PRIVATE_KEY:error']);
        const f = only(result, 'BAD_PRIVATE_KEY');
        assert.equal(f.origin?.line, leaves[kind].certPem.split('\n').length);
        assert.match(f.message, new RegExp(`line ${f.origin?.line}\\b`));
        assertNoSecrets(result.findings, [base64Body(damaged), base64Body(leaves[kind].keyPem)]);
      }
    });

    it('says BAD_PRIVATE_KEY, with the line, for a key with damaged base64', () => {
      const lines = leaves.rsa.keyPem.split('\n');
      lines[5] = `${lines[5]!.slice(0, 20)}#!?${lines[5]!.slice(23)}`;
      const damaged = lines.join('\n');
      const result = withCert('rsa', `\n${damaged}`);
      assert.deepEqual(codeLevels(result), ['BAD_PRIVATE_KEY:error']);
      assert.equal(result.findings[0]!.origin?.line, 2);
      assertNoSecrets(result.findings, [base64Body(leaves.rsa.keyPem)]);
    });

    it('says BAD_PRIVATE_KEY for a key whose BEGIN line is damaged, not "no private key"', () => {
      for (const kind of ['rsa', 'p256'] as const) {
        const damaged = leaves[kind].keyPem.replace(pemBegin('PRIVATE KEY'), '-----BEGIN PRIVATE KEY----');
        const result = withCert(kind, damaged);
        assert.deepEqual(codeLevels(result), ['BAD_PRIVATE_KEY:error']);
        assert.equal(result.findings[0]!.origin?.line, damaged.trimEnd().split('\n').length);
        assertNoSecrets(result.findings, [base64Body(leaves[kind].keyPem)]);
      }
    });

    it('says PEM_TRUNCATED for a key cut short, quoting none of it', () => {
      const cut = leaves.rsa.keyPem.slice(0, 900);
      const result = withCert('rsa', cut);
      assert.ok(codeLevels(result).includes('PEM_TRUNCATED:error'));
      assertNoSecrets(result.findings, [base64Body(leaves.rsa.keyPem)]);
    });

    it('says BAD_PRIVATE_KEY for a damaged DER key in the private-key input', () => {
      const der = createPrivateKey(leaves.rsa.keyPem).export({ type: 'pkcs8', format: 'der' });
      for (const data of [
        der.subarray(0, der.length - 100),
        Buffer.concat([Buffer.from([0x30, 0x03]), der.subarray(2)]),
      ]) {
        for (const form of [new Uint8Array(data), data.toString('base64')]) {
          const result = withCert('rsa', form);
          assert.deepEqual(codeLevels(result), ['BAD_PRIVATE_KEY:error']);
          assert.match(result.findings[0]!.message, /private-key input/);
          assertNoSecrets(result.findings, [der.toString('base64'), base64Body(leaves.rsa.keyPem)]);
        }
      }
    });

    it('says KEY_MISMATCH for the key of another certificate, quoting neither key', () => {
      for (const [certOf, keyOf] of [
        ['p256', 'p384'],
        ['rsa', 'p256'],
        ['p256', 'rsa'],
      ] as const) {
        const result = withCert(certOf, leaves[keyOf].keyPem);
        assert.deepEqual(codeLevels(result), ['KEY_MISMATCH:error']);
        const f = result.findings[0]!;
        assert.equal(f.subject, leaves[certOf].subject);
        assert.match(f.message, new RegExp(leaves[certOf].cn.replace(/\./g, '\\.')));
        assert.equal(result.upload, undefined);
        assertNoSecrets(result.findings, [
          base64Body(leaves[keyOf].keyPem),
          base64Body(leaves[certOf].keyPem),
        ]);
      }
    });

    it('says KEY_MISMATCH naming where the key and the certificates came from, and points at the key', () => {
      const chain = `${leaves.p256.certPem}`;
      const otherKey = `# renewed 2025\n${leaves.p384.keyPem}`;
      const result = check([
        {
          role: 'certificate',
          name: 'certs/fullchain.pem',
          file: 'certs/fullchain.pem',
          input: 'certificate-file',
          data: chain,
        },
        {
          role: 'private-key',
          name: 'keys/site.key',
          file: 'keys/site.key',
          input: 'private-key-file',
          data: otherKey,
        },
      ]);
      const f = only(result, 'KEY_MISMATCH');
      assert.equal(
        f.message,
        `The private key in private-key-file keys/site.key belongs to none of the certificates in certificate-file certs/fullchain.pem (the leaf there is "${leaves.p256.subject}").`,
      );
      assert.deepEqual(f.origin, {
        source: 'keys/site.key',
        file: 'keys/site.key',
        input: 'private-key-file',
        line: 2,
      });
      assert.equal(f.subject, leaves.p256.subject);

      const values = check([
        source('certificate', leaves.p256.certPem),
        source('chain', leaves.rsa.certPem),
        source('private-key', leaves.p384.keyPem),
      ]);
      assert.match(
        only(values, 'KEY_MISMATCH').message,
        /^The private key in the private-key input belongs to none of the certificates in the certificate input and the chain input /,
      );
      assert.equal(only(values, 'KEY_MISMATCH').origin?.source, 'private-key');
    });

    it('says NO_PRIVATE_KEY when there is no key, and nothing with requireKey: false', () => {
      const calls: string[] = [];
      const missing = check([source('certificate', leaves.p256.certPem)], undefined, {
        onSecret: (s) => calls.push(s),
      });
      assert.deepEqual(codeLevels(missing), ['NO_PRIVATE_KEY:error']);
      assert.equal(missing.ok, false);

      const certOnly = check([source('certificate', leaves.p256.certPem)], undefined, {
        requireKey: false,
        onSecret: (s) => calls.push(s),
      });
      assert.deepEqual(codeLevels(certOnly), []);
      assert.equal(certOnly.ok, true);
      assert.equal(certOnly.upload, undefined);
      assert.equal(certOnly.leaf?.subject, leaves.p256.subject);
      assert.deepEqual(calls, []);
    });

    it('still reports a key that is present but wrong when requireKey is false', () => {
      const result = withCert('p256', leaves.rsa.keyPem, undefined, { requireKey: false });
      assert.deepEqual(codeLevels(result), ['KEY_MISMATCH:error']);
    });
  });
});
