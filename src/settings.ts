/**
 * Every input, read and validated in one place into one typed object. The action and the
 * terminal command collect raw strings differently (`core.getInput` / flags and environment)
 * and both hand them to `parseSettings`, so the rules and the error messages are the same.
 */
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import type { Role } from './certs/decode.ts';
import { DEFAULT_FAIL_DAYS, DEFAULT_WARN_DAYS } from './certs/validate.ts';
import { type InputName, Inputs, MODES, PROVIDERS } from './constants.ts';
import type { ProviderSettings } from './providers/factory.ts';
import { tokenFix } from './providers/digitalocean/scopes.ts';
import { keyFix } from './providers/dokploy/permissions.ts';
import type { TokenHelp } from './providers/provider.ts';
import { checkLineageName } from './rotation/names.ts';
import type { PlanOptions } from './rotation/plan.ts';
import { InputError } from './errors.ts';
import { quoteValue } from './secrets.ts';
import { parseBoolean } from './setting-values.ts';
import { readProviderKind, readTargetFields } from './targets/rules.ts';
import { ACTION_WORDS, type Vocabulary } from './vocabulary.ts';
import { parseVerify, type VerifySettings } from './verify-settings.ts';
import { parsePercent } from './certs/lifetime.ts';
import { parseShard, type ShardSpec } from './fleet/shards.ts';
import type { Endpoint } from './verification/endpoints.ts';
import { type NotifySettings, parseNotify } from './notify/settings.ts';

export type Mode = (typeof MODES)[number];

/** The rule every true/false setting follows; here too, where the settings' tests have always found it. */
export { parseBoolean };

/**
 * Where one part comes from: a value (an input, often a secret) or a file. A manifest's `env:`
 * parts become values where the environment is read (load-certificates.ts).
 */
export type PartSource =
  | { kind: 'value'; label: string; text: string }
  | { kind: 'file'; label: string; path: string };

export interface CertificatePart {
  role: Role;
  source: PartSource;
}

/** One certificate to check (and rotate): from the single-certificate inputs, or a manifest entry. */
export interface CertificateEntry {
  /** The lineage name; required for plan and apply, optional for validate. */
  name: string | undefined;
  /** The parts in the order they should be read: certificate, chain, key, PKCS#12. */
  parts: CertificatePart[];
  keyPassphrase: PartSource | undefined;
  pkcs12Password: PartSource | undefined;
  /** Names the certificate must cover, lowercased. */
  domains: string[];
  /** False when the key was left out on purpose (a pull request without secrets). */
  requireKey: boolean;
  /** A manifest entry's own endpoints for the live check. */
  endpoints?: Endpoint[];
  /** A manifest entry's targets; without, the run's own provider settings (`default`). */
  targets?: string[];
}

export type CertificateSource =
  | { kind: 'inputs'; entry: CertificateEntry }
  | { kind: 'manifest'; path: string }
  /** No certificate: an inventory-only run, or a pull request whose certificate is a secret it cannot see. */
  | { kind: 'none' };

export interface GitHubSettings {
  /** For the PR comment and the expiry issue. A secret. */
  token: string | undefined;
  commentOnPr: boolean;
  expiryIssue: boolean;
}

export interface Settings {
  mode: Mode;
  certificates: CertificateSource;
  /**
   * The run's own provider settings (the `default` target); undefined in validate mode (no
   * network), and in plan and apply with a manifest whose targets take every certificate.
   */
  rotation: RotationSettings | undefined;
  /** Report every certificate the provider holds, not only those of the run's lineages. */
  inventory: boolean;
  warnDays: number;
  failDays: number;
  /** Percent of a certificate's lifetime left under which it warns or fails; undefined when not set. */
  warnPercent: number | undefined;
  failPercent: number | undefined;
  repairChain: boolean;
  /** The live check: after apply, in plan (the list), and what check mode connects to. Undefined in validate mode. */
  verify: VerifySettings | undefined;
  /** `shard`: this run does one shard of the matrix alone (fleet/shards.ts). */
  shard?: ShardSpec;
  /** `allow-dropped-names`, for every target of the run (the manifest's too). */
  allowDroppedNames?: boolean;
  github: GitHubSettings;
  /** The chat alert (notify-webhook); undefined when there is no webhook. */
  notify: NotifySettings | undefined;
  /**
   * A pull request may not see secrets (forks, Dependabot): then what needs them is left out
   * instead of failing the check, and said here.
   */
  secretsOptional: boolean;
  skipped: string[];
  /** How messages name settings where this run was started (inputs, or flags and variables). */
  words: Vocabulary;
}

export interface RotationSettings {
  provider: ProviderSettings;
  template: string;
  plan: PlanOptions;
  concurrency: number;
  /** Per HTTP request: connect, headers and body each. */
  timeoutSeconds: number;
}

/** What the run knows of where it runs: the action fills it from the event, the terminal leaves it empty. */
export interface RunPlace {
  /** A pull_request or pull_request_target event: never apply, and secrets may be missing. */
  pullRequest?: boolean;
  /** How messages name settings here; the action's inputs unless the terminal says otherwise. */
  words?: Vocabulary;
}

export type RawInputs = Partial<Record<InputName, string>>;

const PARTS: readonly { role: Role; value: InputName; file: InputName }[] = [
  { role: 'certificate', value: Inputs.Certificate, file: Inputs.CertificateFile },
  { role: 'chain', value: Inputs.CertificateChain, file: Inputs.CertificateChainFile },
  { role: 'private-key', value: Inputs.PrivateKey, file: Inputs.PrivateKeyFile },
  { role: 'pkcs12', value: Inputs.Pkcs12, file: Inputs.Pkcs12File },
];

/** Inputs about the one certificate: with a manifest, each entry says these for itself. */
const SINGLE_INPUTS: readonly InputName[] = [
  ...PARTS.flatMap((p) => [p.value, p.file]),
  Inputs.KeyPassphrase,
  Inputs.Pkcs12Password,
  Inputs.Name,
  Inputs.Domains,
];

export function parseSettings(raw: RawInputs, place: RunPlace = {}): Settings {
  const get = (name: InputName) => {
    const value = raw[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const skipped: string[] = [];
  const secretsOptional = place.pullRequest === true;
  const words = place.words ?? ACTION_WORDS;
  const { name: named } = words;
  let mode = (get(Inputs.Mode) ?? 'apply').trim().toLowerCase();
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new InputError(`Invalid mode ${quoteValue(mode)}. Expected one of: ${MODES.join(', ')}.`);
  }
  if (place.pullRequest && mode === 'apply') {
    // A pull request is a proposal: its certificates are checked and planned, never uploaded.
    mode = 'plan';
    skipped.push('apply: a pull request only plans; the rotation is applied after merge (push or schedule).');
  }
  // With a manifest and no provider of the run's own, every certificate goes to the manifest's
  // targets, whose tokens are read where the manifest is (a pull request leaves out the targets
  // whose tokens it cannot see): there is no api-token to miss.
  const targetsOnly =
    get(Inputs.Manifest) !== undefined &&
    get(Inputs.Provider) === undefined &&
    get(Inputs.ApiToken) === undefined;
  if (secretsOptional && mode === 'plan' && get(Inputs.ApiToken) === undefined && !targetsOnly) {
    mode = 'validate';
    skipped.push(
      `plan: ${Inputs.ApiToken} is empty, as secrets are not passed to pull requests from forks (or Dependabot); the certificate was only validated.`,
    );
  }

  const warnDays = parseDays(get(Inputs.WarnDays), named(Inputs.WarnDays), DEFAULT_WARN_DAYS);
  const failDays = parseDays(get(Inputs.FailDays), named(Inputs.FailDays), DEFAULT_FAIL_DAYS);
  if (failDays > warnDays) {
    throw new InputError(
      `${named(Inputs.FailDays)} (${failDays}) is larger than ${named(Inputs.WarnDays)} (${warnDays}).`,
      `Set ${named(Inputs.FailDays)} to at most ${named(Inputs.WarnDays)}: a certificate fails after it has been warned about.`,
    );
  }
  const percent = (input: InputName) => {
    const value = get(input);
    return value === undefined ? undefined : parsePercent(value.trim(), named(input));
  };
  const warnPercent = percent(Inputs.WarnPercent);
  const failPercent = percent(Inputs.FailPercent);
  if (warnPercent !== undefined && failPercent !== undefined && failPercent > warnPercent) {
    throw new InputError(
      `${named(Inputs.FailPercent)} (${failPercent}) is larger than ${named(Inputs.WarnPercent)} (${warnPercent}).`,
      `Set ${named(Inputs.FailPercent)} to at most ${named(Inputs.WarnPercent)}: a certificate fails after it has been warned about.`,
    );
  }
  const inventory = parseBoolean(get(Inputs.Inventory), named(Inputs.Inventory), false);
  if (inventory && (mode === 'validate' || mode === 'check') && !secretsOptional) {
    throw new InputError(
      `${named(Inputs.Inventory)} lists what the provider holds, which ${words.mode(mode as Mode)} never contacts.`,
      `Use ${words.mode('plan')} (read-only) to report the inventory.`,
    );
  }
  if (mode === 'check')
    return checkSettings(get, { warnDays, failDays, warnPercent, failPercent }, raw, words, skipped);

  const certificates = readCertificates(get, raw, {
    inventory,
    mode: mode as Mode,
    secretsOptional,
    skipped,
    words,
  });
  const rotation =
    mode === 'validate' || targetsOnly ? undefined : parseRotation(get, raw, mode as Mode, words);
  if (rotation && certificates.kind === 'inputs' && certificates.entry.name === undefined) {
    throw new InputError(
      `${named(Inputs.Name)} is required for ${words.mode(mode as Mode)}.`,
      'Give the certificate a short name, e.g. example-com: every uploaded version is named after it.',
    );
  }
  return {
    mode: mode as Mode,
    certificates,
    rotation,
    inventory: inventory && mode !== 'validate',
    warnDays,
    failDays,
    warnPercent,
    failPercent,
    repairChain: parseBoolean(get(Inputs.RepairChain), named(Inputs.RepairChain), true),
    verify: verifyFor(get, words, rotation, mode as Mode),
    allowDroppedNames: parseBoolean(get(Inputs.AllowDroppedNames), named(Inputs.AllowDroppedNames), false),
    ...shardOf(get(Inputs.Shard), named(Inputs.Shard)),
    github: githubSettings(get, raw, words),
    notify: parseNotify(get, words),
    secretsOptional,
    skipped,
    words,
  };
}

/**
 * The live check's settings for plan and apply. Validate mode checks none, but its settings are
 * still read, so a mistake in them shows in a pull request's check (which validates) before the
 * apply that needs them.
 */
function verifyFor(
  get: (name: InputName) => string | undefined,
  words: Vocabulary,
  rotation: RotationSettings | undefined,
  mode: Mode,
): VerifySettings | undefined {
  const verify = parseVerify(
    get,
    words,
    rotation?.provider.kind ?? get(Inputs.Provider)?.trim().toLowerCase(),
  );
  return mode === 'validate' ? undefined : verify;
}

function shardOf(value: string | undefined, name: string): { shard?: ShardSpec } {
  return value === undefined ? {} : { shard: parseShard(value, name) };
}

function githubSettings(
  get: (name: InputName) => string | undefined,
  raw: RawInputs,
  { name: named }: Vocabulary,
): GitHubSettings {
  return {
    token: raw[Inputs.GitHubToken]?.trim() || undefined,
    commentOnPr: parseBoolean(get(Inputs.CommentOnPr), named(Inputs.CommentOnPr), true),
    expiryIssue: parseBoolean(get(Inputs.ExpiryIssue), named(Inputs.ExpiryIssue), false),
  };
}

/**
 * Inputs check mode does not read: it looks at what endpoints serve, not at files or secrets.
 * Only inputs without a default in action.yml: the runner passes every default, always.
 */
const NOT_FOR_CHECK: readonly InputName[] = SINGLE_INPUTS.filter((input) => input !== Inputs.Domains);

/**
 * Check mode needs no provider and no certificate: it connects to the endpoints given, each
 * domain of `domains` on port 443, and a manifest's entries' domains and endpoints.
 */
function checkSettings(
  get: (name: InputName) => string | undefined,
  expiry: Pick<Settings, 'warnDays' | 'failDays' | 'warnPercent' | 'failPercent'>,
  raw: RawInputs,
  words: Vocabulary,
  skipped: string[],
): Settings {
  const { name: named } = words;
  const unused = NOT_FOR_CHECK.find((input) => get(input) !== undefined);
  if (unused !== undefined) {
    throw new InputError(
      `${named(unused)} is set, but ${words.mode('check')} reads no certificate: it connects to endpoints and reports what they serve.`,
      `Remove ${named(unused)}, and list what to check in ${named(Inputs.Endpoints)} or ${named(Inputs.Domains)} (or a ${named(Inputs.Manifest)}).`,
    );
  }
  const verify = parseVerify(get, words, undefined);
  if (verify.mode === 'off') {
    throw new InputError(
      `${named(Inputs.Verify)} is false, and ${words.mode('check')} is nothing but that check.`,
      `Set ${named(Inputs.Verify)} to auto or require, or use another mode.`,
    );
  }
  const domains = parseDomains(get(Inputs.Domains), named(Inputs.Domains));
  const manifest = get(Inputs.Manifest)?.trim();
  if (domains.length === 0 && verify.endpoints.length === 0 && manifest === undefined) {
    throw new InputError(
      `${words.mode('check')} has nothing to connect to.`,
      `List ${named(Inputs.Endpoints)} (host or host:port), or ${named(Inputs.Domains)} (each checked on port 443), or give a ${named(Inputs.Manifest)}.`,
    );
  }
  if (get(Inputs.Provider) !== undefined) {
    skipped.push(`${named(Inputs.Provider)}: ${words.mode('check')} contacts no provider; it was not used.`);
  }
  return {
    mode: 'check',
    certificates: manifest === undefined ? { kind: 'none' } : { kind: 'manifest', path: manifest },
    rotation: undefined,
    inventory: false,
    ...expiry,
    repairChain: true,
    verify: { ...verify, domains },
    github: githubSettings(get, raw, words),
    notify: parseNotify(get, words),
    secretsOptional: false,
    skipped,
    words,
  };
}

function readCertificates(
  get: (name: InputName) => string | undefined,
  raw: RawInputs,
  context: { inventory: boolean; mode: Mode; secretsOptional: boolean; skipped: string[]; words: Vocabulary },
): CertificateSource {
  const { name: named } = context.words;
  const manifest = get(Inputs.Manifest)?.trim();
  if (manifest !== undefined) {
    const clash = SINGLE_INPUTS.find((name) => get(name) !== undefined);
    if (clash !== undefined) {
      throw new InputError(
        `Both ${named(Inputs.Manifest)} and ${named(clash)} are set.`,
        `With a manifest, every certificate's parts, name and domains are in its entry: remove ${named(clash)}, or remove ${named(Inputs.Manifest)} to rotate one certificate from the other settings.`,
      );
    }
    return { kind: 'manifest', path: manifest };
  }

  const parts: CertificatePart[] = [];
  for (const part of PARTS) {
    const value = get(part.value);
    const file = get(part.file)?.trim();
    if (value !== undefined && file !== undefined) {
      throw new InputError(
        `Both ${named(part.value)} and ${named(part.file)} are set. Give the value or the file, not both.`,
      );
    }
    if (value !== undefined)
      parts.push({ role: part.role, source: { kind: 'value', label: named(part.value), text: value } });
    if (file !== undefined)
      parts.push({ role: part.role, source: { kind: 'file', label: named(part.file), path: file } });
  }
  const name = get(Inputs.Name)?.trim();
  if (!parts.some((p) => p.role === 'certificate' || p.role === 'pkcs12')) {
    if (context.secretsOptional) {
      context.skipped.push(
        'validation: no certificate was given (it comes from a secret this pull request cannot see).',
      );
      return { kind: 'none' };
    }
    if (context.inventory && context.mode !== 'validate' && parts.length === 0 && name === undefined) {
      return { kind: 'none' };
    }
    throw new InputError(
      'No certificate was given.',
      `Give the certificate: ${named(Inputs.CertificateFile)} (a PEM file) or ${named(Inputs.Certificate)} (the PEM itself); or a PKCS#12 file: ${named(Inputs.Pkcs12File)} or ${named(Inputs.Pkcs12)}; or a list of certificates: ${named(Inputs.Manifest)}. ${context.words.missing}`,
    );
  }
  const hasKey = parts.some((p) => p.role === 'private-key' || p.role === 'pkcs12');
  if (!hasKey && context.secretsOptional) {
    context.skipped.push(
      'key check: no private key was given (it comes from a secret this pull request cannot see), so the key was not matched to the certificate.',
    );
  }
  const secret = (input: InputName, emptyCounts = false): PartSource | undefined => {
    const text = raw[input];
    return text === undefined || (text === '' && !emptyCounts)
      ? undefined
      : { kind: 'value', label: named(input), text };
  };
  return {
    kind: 'inputs',
    entry: {
      name: name === undefined ? undefined : checkLineageName(name, named(Inputs.Name)),
      parts,
      keyPassphrase: secret(Inputs.KeyPassphrase),
      // An empty PKCS#12 password is a real one (some exports use it): only absent means none.
      pkcs12Password: secret(Inputs.Pkcs12Password, true),
      domains: parseDomains(get(Inputs.Domains), named(Inputs.Domains)),
      requireKey: hasKey || !context.secretsOptional,
    },
  };
}

function parseRotation(
  get: (name: InputName) => string | undefined,
  raw: RawInputs,
  mode: Mode,
  words: Vocabulary,
): RotationSettings {
  const { name: named } = words;
  const kind = readProviderKind(get(Inputs.Provider), named(Inputs.Provider));
  if (kind === undefined) {
    throw new InputError(
      `${named(Inputs.Provider)} is required for ${words.mode(mode)}.`,
      `Set ${named(Inputs.Provider)} to ${PROVIDERS.join(' or ')}, or use ${words.mode('validate')} to only check the certificate.`,
    );
  }
  // Plan only reads: a token for it needs (and a refusal asks for) the read permissions alone.
  const tokenHelp: TokenHelp = {
    access: mode === 'plan' ? 'read' : 'write',
    via: words.via(Inputs.ApiToken),
  };
  const token = raw[Inputs.ApiToken]?.trim();
  if (!token) {
    throw new InputError(
      `${named(Inputs.ApiToken)} is required for ${words.mode(mode)}.`,
      kind === 'digitalocean' ? tokenFix(tokenHelp) : keyFix(tokenHelp),
    );
  }
  // The same rules as a manifest's targets (targets/rules.ts); the inputs stop at the first refusal.
  const target = readTargetFields(kind, get, named, (_, error) => {
    throw error;
  });
  return {
    provider: {
      kind,
      token,
      apiUrl: target.apiUrl,
      serverId: target.serverId,
      reloadTraefik: target.reloadTraefik,
      tokenHelp,
    },
    template: target.template,
    plan: {
      ...target.plan,
      allowDroppedNames: parseBoolean(get(Inputs.AllowDroppedNames), named(Inputs.AllowDroppedNames), false),
    },
    concurrency: target.concurrency,
    timeoutSeconds: target.timeoutSeconds,
  };
}

function parseDays(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const text = value.trim();
  if (!/^\d{1,5}$/.test(text)) {
    throw new InputError(
      `Invalid ${name} ${quoteValue(text)}. Expected a whole number of days, e.g. ${fallback}.`,
    );
  }
  return Number(text);
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** RFC 1035: 255 octets on the wire, so 253 characters written out (labels of at most 63). */
export const MAX_DOMAIN_CHARS = 253;
/** Public CAs put at most a few hundred names in one certificate; each name asked for is checked. */
export const MAX_DOMAINS = 1000;

/** `name` is how the message names the list: the input (or flag), or a manifest entry's key. */
export function parseDomains(value: string | undefined, name: string = Inputs.Domains): string[] {
  if (value === undefined) return [];
  const out: string[] = [];
  // A Set beside the list: `out.includes` per name is quadratic in a long list.
  const seen = new Set<string>();
  const items = value.split(/[\s,]+/).filter((item) => item !== '');
  if (items.length > MAX_DOMAINS) {
    throw new InputError(
      `${name} lists ${items.length} names; at most ${MAX_DOMAINS} are checked (a certificate covers a few hundred at most).`,
      'List the names this certificate must cover.',
    );
  }
  for (const item of items) {
    const domain = item.trim().replace(/\.$/, '').toLowerCase();
    if (domain === '') continue;
    checkDomainLength(domain, domain, name);
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(domain) || domain.includes('/')) {
      const bare = domain.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split('/')[0];
      throw new InputError(
        `Invalid domain ${quoteValue(item)} in ${name}: it is a URL. Give the host name ${quoteValue(bare ?? '')}.`,
      );
    }
    const host = domain.startsWith('*.') ? domain.slice(2) : domain;
    const ascii = isIP(host) === 0 ? domainToASCII(host) : '';
    const valid =
      (isIP(host) !== 0 && host === domain) ||
      (ascii !== '' && ascii.split('.').every((label) => LABEL.test(label)));
    if (ascii !== '') checkDomainLength(domain, domain === host ? ascii : `*.${ascii}`, name);
    if (!valid) {
      throw new InputError(
        `Invalid domain ${quoteValue(item)} in ${name}. Expected host names such as example.com or *.example.com, or IP addresses.`,
      );
    }
    if (!seen.has(domain)) {
      seen.add(domain);
      out.push(domain);
    }
  }
  return out;
}

/** `ascii`: the whole name in ASCII (punycode is longer). A long name is quoted by its start only. */
function checkDomainLength(domain: string, ascii: string, name: string): void {
  const length = ascii.length;
  if (length <= MAX_DOMAIN_CHARS) return;
  const shown = domain.length > 40 ? `${domain.slice(0, 40)}…` : domain;
  throw new InputError(
    `Invalid domain '${shown}' in ${name}: it is ${length} characters long${ascii === domain ? '' : ' in its ASCII form'}; a domain name has at most ${MAX_DOMAIN_CHARS} (RFC 1035).`,
  );
}
