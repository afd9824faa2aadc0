/**
 * Test-time certificate factory.
 *
 * Makes real keys and certificates for the test suite: keys with Node crypto, CSRs with `openssl req`,
 * certificates with `openssl ca` (the only OpenSSL 3.0 command that takes exact `-startdate`/`-enddate`),
 * PKCS#12 files with `openssl pkcs12 -export`. Everything is written to a private temporary directory made by
 * `Pki.create()` and removed by `cleanup()`; no key material is ever committed or cached across instances.
 *
 * Every issuance gets its own tiny `openssl ca` database (config, empty index.txt, serial file holding a fresh
 * random serial), so issuances never share mutable state and may run concurrently.
 *
 * The openssl binary is `$OPENSSL_BIN` if set, otherwise `openssl` from PATH. Every openssl call runs with
 * OPENSSL_CONF pointing at a minimal config of our own, so distribution policies in the system openssl.cnf
 * (e.g. crypto-policies that forbid SHA-1 signatures) cannot change what gets made.
 */
import { execFile } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

export type KeySpec =
  | { type: 'rsa'; bits?: number } // default 2048; 1024 works too (weak-key tests)
  | { type: 'ec'; curve: 'P-256' | 'P-384' | 'P-521' | 'secp256k1' }
  | { type: 'ed25519' };

export type Digest = 'sha256' | 'sha384' | 'sha1' | 'md5';

export interface Issued {
  certPem: string; // the certificate, PEM, ends with "\n"
  keyPem: string; // its private key, unencrypted PKCS#8 PEM
  certDer: Buffer;
  subject: string; // e.g. 'CN=leaf.example.test'
  cn: string;
  /** Serial number, upper-case hex without separators (the form `X509Certificate.serialNumber` uses). */
  serial?: string;
  /** Where the PEM certificate was written (inside the Pki's temp dir; gone after cleanup()). */
  certPath?: string;
  /** Where the PEM PKCS#8 private key was written (inside the Pki's temp dir; gone after cleanup()). */
  keyPath?: string;
}

export interface LeafOptions {
  cn?: string; // default 'leaf.example.test'
  dns?: string[]; // SAN DNS names; default [cn]
  ips?: string[]; // SAN IP addresses
  noSan?: boolean; // omit the subjectAltName extension entirely
  key?: KeySpec; // default { type: 'ec', curve: 'P-256' }
  notBefore?: Date; // default now - 1 hour
  notAfter?: Date; // default now + 90 days
  digest?: Digest; // signature digest, default sha256 (ignored for an Ed25519 signer)
  ca?: boolean; // basicConstraints CA:TRUE on a "leaf" (for the CA-as-leaf test)
  caIssuers?: string; // Authority Information Access "CA Issuers" URI, as public CAs write it
  /** Certify this certificate's private key again (a renewal that reused its key); `key` still sets keyUsage, so give its spec. */
  reuseKeyOf?: Issued;
}

export interface CaOptions {
  cn?: string; // default 'Test Root CA <n>' / 'Test Intermediate CA <n>' (unique within the Pki)
  key?: KeySpec; // default { type: 'ec', curve: 'P-256' }
  notBefore?: Date; // default now - 1 day
  notAfter?: Date; // default now + 10 years (root) / now + 5 years (intermediate)
  digest?: Digest; // default sha256 (ignored for an Ed25519 signer)
}

export interface Pkcs12Options {
  password: string; // '' makes a file protected by the empty password
  chain?: Issued[]; // extra certificates (intermediates, root), written in the order given
  legacy?: boolean; // RC2-40/3DES + SHA-1 MAC instead of OpenSSL 3's PBES2/AES-256-CBC + SHA-256 MAC
  name?: string; // friendlyName of the leaf
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPENSSL_TIMEOUT_MS = 30_000;
const DEFAULT_KEY: KeySpec = { type: 'ec', curve: 'P-256' };

const NODE_CURVE: Record<Extract<KeySpec, { type: 'ec' }>['curve'], string> = {
  'P-256': 'prime256v1',
  'P-384': 'secp384r1',
  'P-521': 'secp521r1',
  secp256k1: 'secp256k1',
};

interface Files {
  certPath: string;
  keyPath: string;
}

interface IssueParams {
  cn: string;
  key: KeySpec;
  notBefore: Date;
  notAfter: Date;
  digest: Digest | undefined;
  issuer: Issued | 'self';
  /** An existing private key to certify instead of generating one. */
  keyPem?: string;
  /** Lines of the X.509v3 extension section. */
  extensions: string[];
  /** Extra config sections (e.g. the SAN list). */
  extraSections?: string;
}

function generateKey(spec: KeySpec): Promise<crypto.KeyObject> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, _pub: crypto.KeyObject, priv: crypto.KeyObject): void => {
      if (err) reject(err);
      else resolve(priv);
    };
    switch (spec.type) {
      case 'rsa':
        crypto.generateKeyPair('rsa', { modulusLength: spec.bits ?? 2048, publicExponent: 0x10001 }, done);
        break;
      case 'ec':
        crypto.generateKeyPair('ec', { namedCurve: NODE_CURVE[spec.curve] }, done);
        break;
      case 'ed25519':
        crypto.generateKeyPair('ed25519', undefined, done);
        break;
    }
  });
}

/** Date -> YYYYMMDDHHMMSSZ (what `openssl ca -startdate/-enddate` take); milliseconds are dropped. */
function opensslTime(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new Error('pki: invalid Date');
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return (
    p(d.getUTCFullYear(), 4) +
    p(d.getUTCMonth() + 1) +
    p(d.getUTCDate()) +
    p(d.getUTCHours()) +
    p(d.getUTCMinutes()) +
    p(d.getUTCSeconds()) +
    'Z'
  );
}

/** Escape a value for an openssl `-subj` argument (`/CN=...`). */
function subjEscape(v: string): string {
  return v.replace(/[\\/+=]/g, (c) => `\\${c}`);
}

/** Escape a value for an openssl config file. */
function confEscape(v: string): string {
  if (/[\r\n]/.test(v)) throw new Error(`pki: newline in config value ${JSON.stringify(v)}`);
  return v.replace(/[\\$#"']/g, (c) => `\\${c}`);
}

/** Only the first PEM block, normalised to end with exactly one "\n". */
function firstPem(text: string, label: string): string {
  const m = new RegExp(`-----BEGIN ${label}-----[\\s\\S]*?-----END ${label}-----`).exec(text);
  if (!m) throw new Error(`pki: no ${label} PEM block in openssl output`);
  return `${m[0]}\n`;
}

/** An openssl invocation failed; `message` and `stderr` carry openssl's diagnostics (test keys only). */
export class OpensslError extends Error {
  readonly stderr: string;
  constructor(message: string, stderr: string, cause: unknown) {
    super(message, { cause });
    this.name = 'OpensslError';
    this.stderr = stderr;
  }
}

export class Pki {
  /** The private temporary directory (removed by cleanup()). */
  readonly dir: string;
  readonly #opensslConf: string;
  readonly #files = new WeakMap<Issued, Files>();
  readonly #serials = new Set<string>();
  #counter = 0;
  #rootCount = 0;
  #intermediateCount = 0;

  private constructor(dir: string, opensslConf: string) {
    this.dir = dir;
    this.#opensslConf = opensslConf;
  }

  static async create(): Promise<Pki> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pki-test-'));
    const conf = path.join(dir, 'openssl.cnf');
    // Minimal library config: no system policies, no provider juggling (pkcs12 -legacy loads its own).
    await fs.writeFile(
      conf,
      'HOME = .\n[ req ]\ndistinguished_name = req_dn\nprompt = no\n[ req_dn ]\nCN = x\n',
    );
    return new Pki(dir, conf);
  }

  /** Self-signed CA: basicConstraints critical CA:TRUE, keyUsage critical keyCertSign,cRLSign, SKI. */
  root(opts: CaOptions = {}): Promise<Issued> {
    const now = Date.now();
    const n = ++this.#rootCount;
    return this.#issue({
      cn: opts.cn ?? `Test Root CA ${n}`,
      key: opts.key ?? DEFAULT_KEY,
      notBefore: opts.notBefore ?? new Date(now - DAY),
      notAfter: opts.notAfter ?? new Date(now + 3650 * DAY),
      digest: opts.digest,
      issuer: 'self',
      extensions: [
        'basicConstraints = critical, CA:TRUE',
        'keyUsage = critical, keyCertSign, cRLSign',
        'subjectKeyIdentifier = hash',
      ],
    });
  }

  /** CA signed by `issuer`: basicConstraints critical CA:TRUE (no pathlen), keyUsage keyCertSign,cRLSign, SKI, AKI. */
  intermediate(issuer: Issued, opts: CaOptions = {}): Promise<Issued> {
    const now = Date.now();
    const n = ++this.#intermediateCount;
    return this.#issue({
      cn: opts.cn ?? `Test Intermediate CA ${n}`,
      key: opts.key ?? DEFAULT_KEY,
      notBefore: opts.notBefore ?? new Date(now - DAY),
      notAfter: opts.notAfter ?? new Date(now + 1825 * DAY),
      digest: opts.digest,
      issuer,
      extensions: [
        'basicConstraints = critical, CA:TRUE',
        'keyUsage = critical, keyCertSign, cRLSign',
        'subjectKeyIdentifier = hash',
        'authorityKeyIdentifier = keyid:always',
      ],
    });
  }

  /**
   * End-entity certificate: basicConstraints critical CA:FALSE (CA:TRUE with `ca: true`), EKU serverAuth,
   * keyUsage critical digitalSignature (+keyEncipherment for RSA, +keyCertSign with `ca: true`), SAN, SKI, AKI.
   * `'self'` makes it self-signed with its own key.
   */
  leaf(issuer: Issued | 'self', opts: LeafOptions = {}): Promise<Issued> {
    const now = Date.now();
    const cn = opts.cn ?? 'leaf.example.test';
    const key = opts.key ?? DEFAULT_KEY;
    const usages = ['digitalSignature'];
    if (key.type === 'rsa') usages.push('keyEncipherment');
    if (opts.ca) usages.push('keyCertSign');
    const extensions = [
      `basicConstraints = critical, CA:${opts.ca ? 'TRUE' : 'FALSE'}`,
      `keyUsage = critical, ${usages.join(', ')}`,
      'extendedKeyUsage = serverAuth',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid:always',
    ];
    if (opts.caIssuers !== undefined) {
      extensions.push(`authorityInfoAccess = caIssuers;URI:${confEscape(opts.caIssuers)}`);
    }
    let extraSections: string | undefined;
    const dns = opts.dns ?? [cn];
    const ips = opts.ips ?? [];
    if (!opts.noSan && dns.length + ips.length > 0) {
      extensions.push('subjectAltName = @alt_names');
      const lines = [
        ...dns.map((d, i) => `DNS.${i + 1} = ${confEscape(d)}`),
        ...ips.map((ip, i) => `IP.${i + 1} = ${confEscape(ip)}`),
      ];
      extraSections = `[ alt_names ]\n${lines.join('\n')}\n`;
    }
    return this.#issue({
      cn,
      key,
      notBefore: opts.notBefore ?? new Date(now - HOUR),
      notAfter: opts.notAfter ?? new Date(now + 90 * DAY),
      digest: opts.digest,
      issuer,
      extensions,
      ...(opts.reuseKeyOf === undefined ? {} : { keyPem: opts.reuseKeyOf.keyPem }),
      ...(extraSections === undefined ? {} : { extraSections }),
    });
  }

  /**
   * A root, `depth` intermediates (root -> i1 -> i2 ...), and a leaf signed by the last intermediate (by the
   * root when depth is 0). `intermediates` is in the order a server sends them: the leaf's issuer first.
   */
  async chain(
    depth: number,
    leafOpts: LeafOptions = {},
  ): Promise<{ root: Issued; intermediates: Issued[]; leaf: Issued }> {
    if (!Number.isInteger(depth) || depth < 0) throw new Error(`pki: bad chain depth ${depth}`);
    const root = await this.root();
    const fromRoot: Issued[] = [];
    let issuer = root;
    for (let i = 0; i < depth; i++) {
      issuer = await this.intermediate(issuer);
      fromRoot.push(issuer);
    }
    const leaf = await this.leaf(issuer, leafOpts);
    return { root, intermediates: fromRoot.reverse(), leaf };
  }

  /**
   * PKCS#12 via `openssl pkcs12 -export`.
   *
   * Default: OpenSSL 3 defaults (PBES2/PBKDF2/AES-256-CBC for both bags, HMAC-SHA-256 MAC).
   *
   * `legacy: true`: `openssl pkcs12 -export -legacy`, which loads OpenSSL's legacy provider itself and makes
   * the classic pre-3.0 file: certificates in pbeWithSHA1And40BitRC2-CBC, key in pbeWithSHA1And3-KeyTripleDES-CBC,
   * SHA-1 MAC. Debian/Ubuntu's openssl ships the provider (/usr/lib/x86_64-linux-gnu/ossl-modules/legacy.so),
   * so this is the faithful "old Windows/Java/OpenSSL 1.1" form. Where the legacy provider is missing (some
   * minimal builds), RC2 cannot be produced at all, so we fall back to
   * `-certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1` (3DES for both bags, SHA-1 MAC), which
   * the default provider can do and which is just as unreadable by a consumer that lacks legacy PBE support.
   */
  async pkcs12(leaf: Issued, opts: Pkcs12Options): Promise<Buffer> {
    const { certPath, keyPath } = await this.#filesFor(leaf);
    const work = await this.#workDir('p12');
    const out = path.join(work, 'bundle.p12');
    const args = ['pkcs12', '-export', '-in', certPath, '-inkey', keyPath, '-out', out];
    args.push('-passout', `pass:${opts.password}`);
    if (opts.chain && opts.chain.length > 0) {
      const chainPath = path.join(work, 'chain.pem');
      await fs.writeFile(chainPath, opts.chain.map((c) => c.certPem).join(''));
      args.push('-certfile', chainPath);
    }
    if (opts.name !== undefined) args.push('-name', opts.name);
    if (opts.legacy) {
      try {
        await this.#openssl([...args, '-legacy']);
      } catch (err) {
        // Only a missing legacy provider / RC2 justifies the fallback; any other failure is real.
        if (!(err instanceof OpensslError) || !/provider|unsupported|RC2/i.test(err.stderr)) throw err;
        await this.#openssl([
          ...args,
          '-certpbe',
          'PBE-SHA1-3DES',
          '-keypbe',
          'PBE-SHA1-3DES',
          '-macalg',
          'sha1',
        ]);
      }
    } else {
      await this.#openssl(args);
    }
    return fs.readFile(out);
  }

  /**
   * A PKCS#7 certificate bundle (`.p7b`) via `openssl crl2pkcs7 -nocrl`, holding `certs` (none makes an
   * empty one): 'der' is what Windows exports, 'pem' a `-----BEGIN PKCS7-----` block.
   */
  async pkcs7(certs: Issued[], form: 'der' | 'pem' = 'der'): Promise<Buffer> {
    const work = await this.#workDir('p7b');
    const out = path.join(work, 'bundle.p7b');
    const args = ['crl2pkcs7', '-nocrl', '-out', out];
    if (certs.length > 0) {
      const chainPath = path.join(work, 'chain.pem');
      await fs.writeFile(chainPath, certs.map((c) => c.certPem).join(''));
      args.push('-certfile', chainPath);
    }
    if (form === 'der') args.push('-outform', 'DER');
    await this.#openssl(args);
    return fs.readFile(out);
  }

  /**
   * Encrypt a PEM private key with a passphrase (Node crypto, AES-256-CBC).
   * 'pkcs8'       -> "ENCRYPTED PRIVATE KEY" (PBES2).
   * 'traditional' -> "RSA PRIVATE KEY" / "EC PRIVATE KEY" with "Proc-Type: 4,ENCRYPTED" and
   *                  "DEK-Info: AES-256-CBC,..." headers (RSA and EC only; Ed25519 has no traditional form).
   */
  async encryptKey(keyPem: string, passphrase: string, format: 'pkcs8' | 'traditional'): Promise<string> {
    const key = crypto.createPrivateKey(keyPem);
    let type: 'pkcs8' | 'pkcs1' | 'sec1' = 'pkcs8';
    if (format === 'traditional') {
      if (key.asymmetricKeyType === 'rsa') type = 'pkcs1';
      else if (key.asymmetricKeyType === 'ec') type = 'sec1';
      else throw new Error(`pki: no traditional encrypted PEM form for ${key.asymmetricKeyType} keys`);
    }
    const pem = key.export({ type, format: 'pem', cipher: 'aes-256-cbc', passphrase });
    return pem.toString();
  }

  /** Re-express an unencrypted key: 'pkcs8' (PRIVATE KEY), 'pkcs1' (RSA only), 'sec1' (EC only). */
  keyAs(keyPem: string, format: 'pkcs8' | 'pkcs1' | 'sec1'): string {
    const key = crypto.createPrivateKey(keyPem);
    if (format === 'pkcs1' && key.asymmetricKeyType !== 'rsa') {
      throw new Error(`pki: pkcs1 needs an RSA key, got ${key.asymmetricKeyType}`);
    }
    if (format === 'sec1' && key.asymmetricKeyType !== 'ec') {
      throw new Error(`pki: sec1 needs an EC key, got ${key.asymmetricKeyType}`);
    }
    return key.export({ type: format, format: 'pem' }).toString();
  }

  /** `openssl x509 -noout -text` of a certificate (handy for assertions on extensions and for debugging). */
  async inspect(cert: Issued | string): Promise<string> {
    const work = await this.#workDir('inspect');
    const p = path.join(work, 'cert.pem');
    await fs.writeFile(p, typeof cert === 'string' ? cert : cert.certPem);
    return this.#openssl(['x509', '-in', p, '-noout', '-text']);
  }

  /** Remove the temporary directory and everything in it. Safe to call twice. */
  async cleanup(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.cleanup();
  }

  async #workDir(kind: string): Promise<string> {
    const d = path.join(this.dir, `${++this.#counter}-${kind}`);
    await fs.mkdir(d);
    return d;
  }

  /** Files for an Issued made here; an Issued from elsewhere (or a modified copy) gets written out. */
  async #filesFor(c: Issued): Promise<Files> {
    const known = this.#files.get(c);
    if (known) return known;
    const work = await this.#workDir('ext');
    const files = { certPath: path.join(work, 'cert.pem'), keyPath: path.join(work, 'key.pem') };
    await fs.writeFile(files.certPath, c.certPem);
    await fs.writeFile(files.keyPath, c.keyPem, { mode: 0o600 });
    this.#files.set(c, files);
    return files;
  }

  #newSerial(): string {
    for (;;) {
      const b = crypto.randomBytes(16);
      b[0] = ((b[0] ?? 0) & 0x7f) | 0x10; // positive, 16 significant bytes, never a leading zero
      const hex = b.toString('hex').toUpperCase();
      if (!this.#serials.has(hex)) {
        this.#serials.add(hex);
        return hex;
      }
    }
  }

  async #openssl(args: string[]): Promise<string> {
    const bin = process.env['OPENSSL_BIN'] ?? 'openssl';
    try {
      const { stdout } = await execFileP(bin, args, {
        timeout: OPENSSL_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, OPENSSL_CONF: this.#opensslConf },
      });
      return stdout;
    } catch (err) {
      const e = err as { stderr?: string; code?: unknown; signal?: unknown; message?: string };
      const why = e.signal ? `signal ${String(e.signal)}` : `exit ${String(e.code)}`;
      const stderr = (e.stderr ?? e.message ?? '').trim();
      throw new OpensslError(`openssl ${args.join(' ')} failed (${why}): ${stderr}`, stderr, err);
    }
  }

  async #issue(p: IssueParams): Promise<Issued> {
    if (p.notAfter.getTime() <= p.notBefore.getTime()) {
      throw new Error(
        `pki: notAfter ${p.notAfter.toISOString()} is not after notBefore ${p.notBefore.toISOString()}`,
      );
    }
    const [work, keyObj, issuerFiles] = await Promise.all([
      this.#workDir('cert'),
      p.keyPem === undefined ? generateKey(p.key) : Promise.resolve(crypto.createPrivateKey(p.keyPem)),
      p.issuer === 'self' ? Promise.resolve(undefined) : this.#filesFor(p.issuer),
    ]);
    const keyPem = keyObj.export({ type: 'pkcs8', format: 'pem' }).toString();

    // Which key signs, and so which -md (if any) is possible.
    const signerType =
      p.issuer === 'self'
        ? keyObj.asymmetricKeyType
        : crypto.createPrivateKey(p.issuer.keyPem).asymmetricKeyType;
    const mdArgs: string[] = [];
    if (signerType === 'ed25519' || signerType === 'ed448') {
      // EdDSA signs the message itself: `openssl ca` must get no -md (default_md = default yields none).
      if (p.digest !== undefined && p.digest !== 'sha256') {
        throw new Error(`pki: digest ${p.digest} is impossible with an ${signerType} signer`);
      }
    } else {
      if (p.digest === 'md5' && signerType !== 'rsa') {
        throw new Error(
          `pki: md5 signatures need an RSA signer (there is no OID for ${signerType} with MD5)`,
        );
      }
      mdArgs.push('-md', p.digest ?? 'sha256');
    }

    const serial = this.#newSerial();
    const f = (name: string): string => path.join(work, name);
    const conf = [
      'HOME = .',
      '[ ca ]',
      'default_ca = ca_here',
      '[ ca_here ]',
      `database = ${confEscape(f('index.txt'))}`,
      `new_certs_dir = ${confEscape(work)}`,
      `serial = ${confEscape(f('serial'))}`,
      'default_md = default',
      'policy = policy_anything',
      'unique_subject = no',
      'email_in_dn = no',
      'preserve = yes',
      'copy_extensions = none',
      '[ policy_anything ]',
      'commonName = optional',
      '[ req ]',
      'distinguished_name = req_dn',
      'prompt = no',
      '[ req_dn ]',
      'CN = x',
      '[ cert_ext ]',
      ...p.extensions,
      p.extraSections ?? '',
    ].join('\n');
    const certPath = f('cert.pem');
    const keyPath = f('key.pem');
    await Promise.all([
      fs.writeFile(f('ca.cnf'), `${conf}\n`),
      fs.writeFile(f('index.txt'), ''),
      fs.writeFile(f('serial'), `${serial}\n`),
      fs.writeFile(keyPath, keyPem, { mode: 0o600 }),
    ]);

    await this.#openssl([
      'req',
      '-config',
      f('ca.cnf'),
      '-new',
      '-utf8',
      '-key',
      keyPath,
      '-subj',
      `/CN=${subjEscape(p.cn)}`,
      '-out',
      f('req.csr'),
    ]);
    const signer = issuerFiles
      ? ['-cert', issuerFiles.certPath, '-keyfile', issuerFiles.keyPath]
      : ['-selfsign', '-keyfile', keyPath];
    await this.#openssl([
      'ca',
      '-config',
      f('ca.cnf'),
      '-batch',
      '-notext',
      '-utf8',
      '-in',
      f('req.csr'),
      '-out',
      certPath,
      '-startdate',
      opensslTime(p.notBefore),
      '-enddate',
      opensslTime(p.notAfter),
      '-extensions',
      'cert_ext',
      ...mdArgs,
      ...signer,
    ]);

    const certPem = firstPem(await fs.readFile(certPath, 'utf8'), 'CERTIFICATE');
    await fs.writeFile(certPath, certPem);
    const x509 = new crypto.X509Certificate(certPem);
    const issued: Issued = {
      certPem,
      keyPem,
      certDer: Buffer.from(x509.raw),
      subject: `CN=${p.cn}`,
      cn: p.cn,
      serial,
      certPath,
      keyPath,
    };
    this.#files.set(issued, { certPath, keyPath });
    return issued;
  }
}
