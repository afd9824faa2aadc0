/**
 * A self-signed certificate whose text is hostile: made at test time by `openssl req -x509` from
 * a config file, because its values may hold what Pki's config escaping refuses on purpose
 * (line breaks: `\n` and `\r` in a value are openssl's own escapes) and raw bytes of any kind
 * (an escape character, U+2028, bidi controls, as UTF-8).
 *
 * The subject is written with `utf8 = yes`, so Node prints its multi-byte characters as they are
 * (but escapes a line break or an escape character as `\0A`, `\1B`). A subjectAltName entry is an
 * IA5String: Node prints one with unusual characters as a JSON string (`DNS:"a\u000ab"`), which
 * the certificate engine decodes back into the true value.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

export interface HostileSpec {
  /** `attribute = value` lines of the subject, in openssl's config syntax (`#` `$` `"` need a backslash). */
  subject: string[];
  /** Values of the DNS entries of the subjectAltName, in the same syntax. */
  dns: string[];
  /** Valid from now for this many days. */
  days: number;
}

export interface HostileCertificate {
  certPem: string;
  keyPem: string;
}

export async function hostileCertificate(spec: HostileSpec): Promise<HostileCertificate> {
  const dir = await mkdtemp(join(tmpdir(), 'hostile-cert-'));
  try {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const config = [
      'HOME = .',
      '[ req ]',
      'distinguished_name = dn',
      'prompt = no',
      'utf8 = yes',
      'string_mask = utf8only',
      'x509_extensions = ext',
      '[ dn ]',
      ...spec.subject,
      '[ ext ]',
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature',
      'extendedKeyUsage = serverAuth',
      'subjectAltName = @alt',
      '[ alt ]',
      ...spec.dns.map((name, i) => `DNS.${i + 1} = ${name}`),
      '',
    ].join('\n');
    await writeFile(join(dir, 'req.cnf'), config);
    await writeFile(join(dir, 'key.pem'), keyPem, { mode: 0o600 });
    await execFileP(
      process.env.OPENSSL_BIN ?? 'openssl',
      [
        'req',
        '-x509',
        '-new',
        '-sha256',
        '-config',
        'req.cnf',
        '-key',
        'key.pem',
        '-days',
        String(spec.days),
      ].concat(['-out', 'cert.pem']),
      // Our config only: a distribution's policy in the system openssl.cnf changes nothing.
      { cwd: dir, timeout: 30_000, env: { ...process.env, OPENSSL_CONF: join(dir, 'req.cnf') } },
    );
    return { certPem: await readFile(join(dir, 'cert.pem'), 'utf8'), keyPem };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
