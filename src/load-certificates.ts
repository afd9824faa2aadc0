/**
 * Turn the settings' certificates into engine inputs: values pass through, files and environment
 * variables are read, a manifest is read and parsed. Secret parts (keys, PKCS#12 files, their
 * passwords) read here are masked before anything else happens with them.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Role, SourceInput } from './certs/decode.ts';
import { textOf } from './certs/pem.ts';
import { InputError } from './errors.ts';
import type { ManifestEntry, ManifestTarget, SourceRef } from './manifest.ts';
import type { ProviderKind } from './providers/provider.ts';
import type { Endpoint } from './verification/endpoints.ts';
import { plural } from './plural.ts';
import { type BoundedRead, readBounded } from './read-bounded.ts';
import { looksSecret, maskBytes, maskSecret, type SecretSink } from './secrets.ts';
import type { CertificateEntry, PartSource, Settings } from './settings.ts';
import { Inputs } from './constants.ts';
import { ACTION_WORDS, type Vocabulary } from './vocabulary.ts';
import type { DefaultTarget } from './manifest/targets.ts';
import { DEFAULT_TARGET, type ResolvedTarget } from './targets/pairs.ts';
import type { ResolvedTargets, TargetEnvironment } from './targets/resolve.ts';

export interface LoadedCertificate {
  /** The lineage name, when given. */
  name: string | undefined;
  /**
   * What to call it: its name; without one, `certificate` for the inputs or its place in the
   * manifest (`certificates[2]`). The report prefers the subject to these (report.ts).
   */
  label: string;
  domains: string[];
  /** A manifest entry's own endpoints for the live check. */
  endpoints: Endpoint[];
  sources: SourceInput[];
  keyPassphrase: string | undefined;
  pkcs12Password: string | undefined;
  requireKey: boolean;
  /** Where it goes: target names, `default` for the run's own provider settings (targets/pairs.ts pairs them). */
  targets: string[];
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
  /**
   * Where the certificates go, tokens read: the run's own provider settings as `default` (when
   * given), then a manifest's targets. None in validate mode, which sends nothing.
   */
  targets: ResolvedTarget[];
  /**
   * Every target by name and provider, tokens not read: what a validate run's matrix is made
   * from. The run's own (`default`) is first when the run gives a provider.
   */
  targetKinds: { name: string; kind: ProviderKind }[];
}

type Settled = Pick<Settings, 'certificates' | 'mode' | 'secretsOptional' | 'rotation'> &
  Partial<Pick<Settings, 'allowDroppedNames'>> & {
    words?: Vocabulary;
  };

const SECRET_ROLES: readonly Role[] = ['private-key', 'pkcs12'];

/**
 * Certificates, keys, PKCS#7/PKCS#12 files and manifests are kilobytes (a 500-entry manifest, or
 * a PEM of every public root, well under one MiB; UTF-16 doubles that): anything bigger is the
 * wrong file, and is refused before it is read.
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/**
 * The same bound for values (inputs, flags, environment variables): a value is a file's contents
 * pasted into a secret. Counted in characters, which are never more than the UTF-8 bytes.
 */
export const MAX_VALUE_CHARS = MAX_FILE_BYTES;
/**
 * A manifest is parsed whole (YAML) before its 500-entry bound is checked, and parsing costs about
 * 2.5 ms of CPU a kilobyte (measured: 256 KiB of entries, 650–780 ms): 128 KiB is 260 bytes for
 * each of 500 entries (an entry with a few names is 150), and a refusal well within a second.
 */
export const MAX_MANIFEST_BYTES = 128 * 1024;
/** Linux's PATH_MAX: a longer "path" is something else pasted in the wrong place. */
const MAX_PATH_CHARS = 4096;

export async function loadCertificates(settings: Settled, given: LoadOptions): Promise<Loaded> {
  const source = settings.certificates;
  const words = settings.words ?? ACTION_WORDS;
  const options = { ...given, words };
  const sending = settings.mode === 'plan' || settings.mode === 'apply';
  const ownTarget = (): ResolvedTarget[] =>
    sending && settings.rotation ? [{ name: DEFAULT_TARGET, ...settings.rotation }] : [];
  const ownKind = (): Loaded['targetKinds'] =>
    settings.rotation ? [{ name: DEFAULT_TARGET, kind: settings.rotation.provider.kind }] : [];
  if (source.kind === 'none')
    return { certificates: [], skipped: [], targets: ownTarget(), targetKinds: ownKind() };
  if (source.kind === 'inputs') {
    return {
      certificates: [await loadEntry(source.entry, 'certificate', options)],
      skipped: [],
      targets: ownTarget(),
      targetKinds: ownKind(),
    };
  }
  const { entries, targets, shown, path } = await readManifest(source.path, settings.mode !== 'validate', {
    ...options,
    // Whether entries without targets: have somewhere to go is known where something is sent.
    ...(sending ? { defaultTarget: settings.rotation ? 'given' : 'absent' } : {}),
  });
  const missing: string[] = [];
  const skipped: string[] = [];
  const resolvedTargets = sending
    ? await resolveManifestTargets(targets, {
        file: shown,
        env: options.env,
        mask: options.mask,
        mode: settings.mode as 'plan' | 'apply',
        defaultTarget: settings.rotation,
        // The run's setting, which holds for every target.
        allowDroppedNames: settings.allowDroppedNames ?? settings.rotation?.plan.allowDroppedNames ?? false,
        optional: settings.secretsOptional,
        words,
      })
    : { targets: [], missing: [], skipped: [] };
  missing.push(...resolvedTargets.missing);
  skipped.push(...resolvedTargets.skipped);
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
      words.passEnv,
    );
  }
  const certificates: LoadedCertificate[] = [];
  for (const { entry, label } of resolved) certificates.push(await loadEntry(entry, label, options));
  return {
    certificates,
    skipped,
    targets: resolvedTargets.targets,
    targetKinds: [...ownKind(), ...targets.map((t) => ({ name: t.name, kind: t.kind }))],
  };
}

/** Loaded only for manifests that have targets to resolve. */
async function resolveManifestTargets(
  targets: readonly ManifestTarget[],
  place: TargetEnvironment,
): Promise<ResolvedTargets> {
  const { resolveTargets } = await import('./targets/resolve.ts');
  return resolveTargets(targets, place);
}

/**
 * The manifest's entries as written, no part read: check mode takes their domains and endpoints
 * alone (it needs no certificate, and so no secret).
 */
export async function readManifest(
  given: string,
  requireNames: boolean,
  options: Pick<LoadOptions, 'cwd'> & { words: Vocabulary; defaultTarget?: DefaultTarget },
): Promise<{ entries: ManifestEntry[]; targets: ManifestTarget[]; shown: string; path: string }> {
  const { words } = options;
  const path = resolve(options.cwd, given);
  const text = fileText(await readPart(path, given, words.name(Inputs.Manifest), words, MAX_MANIFEST_BYTES));
  const shown = display(options.cwd, path, given);
  // The YAML parser loads only for manifest runs.
  const { parseManifestDocument } = await import('./manifest.ts');
  const manifest = parseManifestDocument(text, shown, {
    requireNames,
    words,
    ...(options.defaultTarget === undefined ? {} : { defaultTarget: options.defaultTarget }),
  });
  return { ...manifest, shown, path };
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
    endpoints: entry.endpoints,
    targets: entry.targets,
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

type Worded = LoadOptions & { words: Vocabulary };

async function loadEntry(
  entry: CertificateEntry,
  label: string,
  options: Worded,
): Promise<LoadedCertificate> {
  const sources: SourceInput[] = [];
  for (const part of entry.parts) {
    const secret = SECRET_ROLES.includes(part.role);
    const { source } = part;
    if (source.kind === 'value') {
      checkValueSize(source);
      if (secret) maskSecret(source.text, options.mask);
      sources.push({ role: part.role, name: source.label, data: source.text });
      continue;
    }
    const path = resolve(options.cwd, source.path);
    const data = await readPart(path, source.path, source.label, options.words);
    if (secret) {
      // As the engine will read it (UTF-16 decoded), and as the bytes would print.
      maskSecret(fileText(data), options.mask);
      maskBytes(data, options.mask);
    }
    const loaded: SourceInput = {
      role: part.role,
      name: display(options.cwd, path, source.path),
      input: source.label,
      data,
    };
    const inWorkspace = relative(options.cwd, path);
    if (!inWorkspace.startsWith('..') && !isAbsolute(inWorkspace)) loaded.file = inWorkspace;
    sources.push(loaded);
  }
  return {
    name: entry.name,
    label: entry.name ?? label,
    domains: entry.domains,
    endpoints: entry.endpoints ?? [],
    targets: entry.targets ?? [DEFAULT_TARGET],
    sources,
    keyPassphrase: await readSecret(entry.keyPassphrase, options),
    pkcs12Password: await readSecret(entry.pkcs12Password, options),
    requireKey: entry.requireKey,
  };
}

/** A passphrase or password: a value as it is, a file without its final line break. */
async function readSecret(source: PartSource | undefined, options: Worded): Promise<string | undefined> {
  if (source === undefined) return undefined;
  if (source.kind === 'value') checkValueSize(source);
  const text =
    source.kind === 'value'
      ? source.text
      : fileText(
          await readPart(resolve(options.cwd, source.path), source.path, source.label, options.words),
        ).replace(/\r?\n$/, '');
  maskSecret(text, options.mask);
  return text;
}

/** A value is refused before anything reads it; its length is all the message says of it (it may be a secret). */
function checkValueSize(source: Extract<PartSource, { kind: 'value' }>): void {
  if (source.text.length <= MAX_VALUE_CHARS) return;
  throw new InputError(
    `${source.label}: the value is ${plural(source.text.length, 'character')} long, not shown; at most ${MAX_VALUE_CHARS} are read (certificates, keys and passwords are a few kilobytes).`,
    'Check what fills it: it holds something else than the certificate, key or password (the secret or variable may be the wrong one).',
  );
}

/** A text file's text: UTF-8 or, with a byte-order mark, UTF-16 (Windows PowerShell 5.1 writes it). */
export function fileText(data: Buffer): string {
  return textOf(data) ?? data.toString('utf8');
}

export async function readPart(
  path: string,
  given: string,
  label: string,
  words: Vocabulary,
  maxBytes = MAX_FILE_BYTES,
): Promise<Buffer> {
  const fix = `Check the path; relative paths start at ${words.folder}, and at the manifest's folder for files a manifest names.`;
  if (given.length > MAX_PATH_CHARS) {
    // Not quoted: it may be a key pasted in the wrong place, and its length says enough.
    throw new InputError(
      `${label}: the path is ${plural(given.length, 'character')} long, not shown; a path has at most ${MAX_PATH_CHARS}.`,
      `${fix} A key or certificate goes where a value goes (e.g. ${words.name(Inputs.PrivateKey)} instead of ${words.name(Inputs.PrivateKeyFile)}).`,
    );
  }
  let read: BoundedRead;
  try {
    read = await readBounded(path, maxBytes);
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (looksSecret(given)) {
      // A key (or certificate) pasted where its path belongs: say so, never quote it.
      throw new InputError(
        `${label}: the value is not a file path: it looks like the key or certificate itself (${plural(given.length, 'character')}, not shown).`,
        `Pass the contents where a value goes (e.g. ${words.name(Inputs.PrivateKey)} instead of ${words.name(Inputs.PrivateKeyFile)}), or a path to a file here.`,
      );
    }
    throw new InputError(
      code === 'ENOENT'
        ? `${label}: the file '${given}' does not exist (looked for ${path}).`
        : `${label}: the file '${given}' could not be read (${code ?? 'error'}).`,
      fix,
    );
  }
  if (read.ok) return read.data;
  if (read.problem === 'not-a-file') {
    throw new InputError(
      `${label}: '${given}' is ${read.kind}, not a file; only regular files are read (a device or a pipe may never end).`,
      'Give the path of the certificate, key or manifest file itself; to pass the output of a command, write it to a file first.',
    );
  }
  throw new InputError(
    `${label}: the file '${given}' ${read.size === undefined ? `holds more than ${maxBytes} bytes (more than its size on disk says)` : `is ${read.size} bytes`}; at most ${maxBytes} are read (certificates, keys and manifests are a few kilobytes).`,
    'Check the path: it names some other file than the certificate, key or manifest.',
  );
}

/** A path as the user would recognise it: workspace-relative when inside, else as given. */
function display(cwd: string, path: string, given: string): string {
  const inside = relative(cwd, path);
  return inside.startsWith('..') || isAbsolute(inside) ? given : inside;
}
