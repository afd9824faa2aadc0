/**
 * Turn the settings' certificates into engine inputs: values pass through, files and environment
 * variables are read, a manifest is read and parsed. Secret parts (keys, PKCS#12 files, their
 * passwords) read here are masked before anything else happens with them.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Role, SourceInput } from './certs/decode.ts';
import { InputError } from './errors.ts';
import type { ManifestEntry, SourceRef } from './manifest.ts';
import { plural } from './plural.ts';
import { looksSecret, maskBytes, maskSecret, type SecretSink } from './secrets.ts';
import type { CertificateEntry, PartSource, Settings } from './settings.ts';

export interface LoadedCertificate {
  /** The lineage name, when given. */
  name: string | undefined;
  /**
   * What to call it: its name; without one, `certificate` for the inputs or its place in the
   * manifest (`certificates[2]`). The report prefers the subject to these (report.ts).
   */
  label: string;
  domains: string[];
  sources: SourceInput[];
  keyPassphrase: string | undefined;
  pkcs12Password: string | undefined;
  requireKey: boolean;
}

export interface LoadOptions {
  /** Where relative paths start: the workspace on a runner, the current folder in a terminal. */
  cwd: string;
  mask: SecretSink;
  /** Where manifest entries' `env:` parts are looked up. */
  env: Readonly<Record<string, string | undefined>>;
}

export interface Loaded {
  certificates: LoadedCertificate[];
  /** What was left out because its secret was missing (pull requests only). */
  skipped: string[];
}

type Settled = Pick<Settings, 'certificates' | 'mode' | 'secretsOptional'>;

const SECRET_ROLES: readonly Role[] = ['private-key', 'pkcs12'];

export async function loadCertificates(settings: Settled, options: LoadOptions): Promise<Loaded> {
  const source = settings.certificates;
  if (source.kind === 'none') return { certificates: [], skipped: [] };
  if (source.kind === 'inputs') {
    return { certificates: [await loadEntry(source.entry, 'certificate', options)], skipped: [] };
  }
  const path = resolve(options.cwd, source.path);
  const text = (await readPart(path, source.path, 'manifest')).toString('utf8');
  const shown = display(options.cwd, path, source.path);
  // The YAML parser loads only for manifest runs.
  const { parseManifest } = await import('./manifest.ts');
  const entries = parseManifest(text, shown, { requireNames: settings.mode !== 'validate' });
  const missing: string[] = [];
  const skipped: string[] = [];
  const resolved: { entry: CertificateEntry; label: string }[] = [];
  for (const entry of entries) {
    const certificate = fromManifest(entry, shown, dirname(path), options.env, {
      optional: settings.secretsOptional,
      missing,
      skipped,
    });
    if (certificate) resolved.push({ entry: certificate, label: `certificates[${entry.index}]` });
  }
  if (missing.length > 0) {
    throw new InputError(
      `The manifest ${shown} names environment variables that are not set:\n${missing.map((m) => `  ${m}`).join('\n')}`,
      "Pass each one to the step in its env: block, usually from a secret (PRIVATE_KEY: ${{ secrets.PRIVATE_KEY }}), and check the secret's name.",
    );
  }
  const certificates: LoadedCertificate[] = [];
  for (const { entry, label } of resolved) certificates.push(await loadEntry(entry, label, options));
  return { certificates, skipped };
}

/**
 * A manifest entry as settings would have it: `env:` parts become values here, because this is
 * where the environment is read. Missing secrets on a pull request are left out and said.
 */
function fromManifest(
  entry: ManifestEntry,
  file: string,
  folder: string,
  env: LoadOptions['env'],
  context: { optional: boolean; missing: string[]; skipped: string[] },
): CertificateEntry | undefined {
  const who = entry.name ?? `certificates[${entry.index}]`;
  const convert = (key: string, ref: SourceRef): PartSource | undefined => {
    const label = `${who} ${key}`;
    if (ref.kind === 'file') return { kind: 'file', label, path: resolve(folder, ref.path) };
    const value = env[ref.variable];
    if (value !== undefined && value !== '') return { kind: 'value', label, text: value };
    if (!context.optional) context.missing.push(`${ref.variable} (${file}:${ref.line}, ${who} ${key})`);
    return undefined;
  };
  const parts: CertificateEntry['parts'] = [];
  for (const part of entry.parts) {
    const source = convert(part.key, part.ref);
    if (source) parts.push({ role: part.role, source });
  }
  const keyPassphrase = entry.keyPassphrase && convert('key-passphrase', entry.keyPassphrase);
  const pkcs12Password = entry.pkcs12Password && convert('pkcs12-password', entry.pkcs12Password);
  const entryOf = (requireKey: boolean): CertificateEntry => ({
    name: entry.name,
    parts,
    keyPassphrase,
    pkcs12Password,
    domains: entry.domains,
    requireKey,
  });
  if (!context.optional) return entryOf(true);
  if (!parts.some((p) => p.role === 'certificate' || p.role === 'pkcs12')) {
    context.skipped.push(
      `${who}: not validated, its certificate comes from a secret this pull request cannot see.`,
    );
    return undefined;
  }
  const hasKey = parts.some((p) => SECRET_ROLES.includes(p.role));
  const keyNamed = entry.parts.some((p) => SECRET_ROLES.includes(p.role));
  if (keyNamed && !hasKey) {
    context.skipped.push(
      `${who}: key check, its private key comes from a secret this pull request cannot see.`,
    );
  }
  return entryOf(hasKey || !keyNamed);
}

async function loadEntry(
  entry: CertificateEntry,
  label: string,
  options: LoadOptions,
): Promise<LoadedCertificate> {
  const sources: SourceInput[] = [];
  for (const part of entry.parts) {
    const secret = SECRET_ROLES.includes(part.role);
    const { source } = part;
    if (source.kind === 'value') {
      if (secret) maskSecret(source.text, options.mask);
      sources.push({ role: part.role, name: source.label, data: source.text });
      continue;
    }
    const path = resolve(options.cwd, source.path);
    const data = await readPart(path, source.path, source.label);
    if (secret) {
      maskSecret(data.toString('utf8'), options.mask);
      maskBytes(data, options.mask);
    }
    const loaded: SourceInput = { role: part.role, name: display(options.cwd, path, source.path), data };
    const inWorkspace = relative(options.cwd, path);
    if (!inWorkspace.startsWith('..') && !isAbsolute(inWorkspace)) loaded.file = inWorkspace;
    sources.push(loaded);
  }
  return {
    name: entry.name,
    label: entry.name ?? label,
    domains: entry.domains,
    sources,
    keyPassphrase: await readSecret(entry.keyPassphrase, options),
    pkcs12Password: await readSecret(entry.pkcs12Password, options),
    requireKey: entry.requireKey,
  };
}

/** A passphrase or password: a value as it is, a file without its final line break. */
async function readSecret(source: PartSource | undefined, options: LoadOptions): Promise<string | undefined> {
  if (source === undefined) return undefined;
  const text =
    source.kind === 'value'
      ? source.text
      : (await readPart(resolve(options.cwd, source.path), source.path, source.label))
          .toString('utf8')
          .replace(/\r?\n$/, '');
  maskSecret(text, options.mask);
  return text;
}

async function readPart(path: string, given: string, label: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (looksSecret(given)) {
      // A key (or certificate) pasted where its path belongs: say so, never quote it.
      throw new InputError(
        `${label}: the value is not a file path: it looks like the key or certificate itself (${plural(given.length, 'character')}, not shown).`,
        `Pass the contents in the input without -file (e.g. private-key instead of private-key-file), or a path to a file here.`,
      );
    }
    throw new InputError(
      code === 'ENOENT'
        ? `${label}: the file '${given}' does not exist (looked for ${path}).`
        : `${label}: the file '${given}' could not be read (${code ?? 'error'}).`,
      "Check the path; relative paths start at the workspace (the repository checkout) on a runner, and at the manifest's folder for files a manifest names.",
    );
  }
}

/** A path as the user would recognise it: workspace-relative when inside, else as given. */
function display(cwd: string, path: string, given: string): string {
  const inside = relative(cwd, path);
  return inside.startsWith('..') || isAbsolute(inside) ? given : inside;
}
