/**
 * Every input, read and validated in one place into one typed object. The action and the
 * terminal command collect raw strings differently (`core.getInput` / flags and environment)
 * and both hand them to `parseSettings`, so the rules and the error messages are the same.
 */
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import type { Role } from './certs/decode.ts';
import { DEFAULT_FAIL_DAYS, DEFAULT_WARN_DAYS } from './certs/validate.ts';
import { DEFAULT_CONCURRENCY, type InputName, Inputs, MODES, PROVIDERS } from './constants.ts';
import type { ProviderSettings } from './providers/factory.ts';
import type { ProviderKind } from './providers/provider.ts';
import { checkLineageName, checkTemplate, DEFAULT_NAME_TEMPLATE } from './rotation/names.ts';
import type { PlanOptions } from './rotation/plan.ts';
import { InputError } from './errors.ts';

export type Mode = (typeof MODES)[number];

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
  /** What plan and apply need; undefined in validate mode (no network). */
  rotation: RotationSettings | undefined;
  /** Report every certificate the provider holds, not only those of the run's lineages. */
  inventory: boolean;
  warnDays: number;
  failDays: number;
  repairChain: boolean;
  github: GitHubSettings;
  /**
   * A pull request may not see secrets (forks, Dependabot): then what needs them is left out
   * instead of failing the check, and said here.
   */
  secretsOptional: boolean;
  skipped: string[];
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
  let mode = (get(Inputs.Mode) ?? 'apply').trim().toLowerCase();
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new InputError(`Invalid mode '${mode}'. Expected one of: ${MODES.join(', ')}.`);
  }
  if (place.pullRequest && mode === 'apply') {
    // A pull request is a proposal: its certificates are checked and planned, never uploaded.
    mode = 'plan';
    skipped.push('apply: a pull request only plans; the rotation is applied after merge (push or schedule).');
  }
  if (secretsOptional && mode === 'plan' && get(Inputs.ApiToken) === undefined) {
    mode = 'validate';
    skipped.push(
      `plan: ${Inputs.ApiToken} is empty, as secrets are not passed to pull requests from forks (or Dependabot); the certificate was only validated.`,
    );
  }

  const warnDays = parseDays(get(Inputs.WarnDays), Inputs.WarnDays, DEFAULT_WARN_DAYS);
  const failDays = parseDays(get(Inputs.FailDays), Inputs.FailDays, DEFAULT_FAIL_DAYS);
  if (failDays > warnDays) {
    throw new InputError(
      `${Inputs.FailDays} (${failDays}) is larger than ${Inputs.WarnDays} (${warnDays}).`,
      `Set ${Inputs.FailDays} to at most ${Inputs.WarnDays}: a certificate fails after it has been warned about.`,
    );
  }
  const inventory = parseBoolean(get(Inputs.Inventory), Inputs.Inventory, false);
  if (inventory && mode === 'validate' && !secretsOptional) {
    throw new InputError(
      `${Inputs.Inventory} lists what the provider holds, which validate mode never contacts.`,
      'Use mode: plan (read-only) to report the inventory.',
    );
  }

  const certificates = readCertificates(get, raw, {
    inventory,
    mode: mode as Mode,
    secretsOptional,
    skipped,
  });
  const rotation = mode === 'validate' ? undefined : parseRotation(get, raw, mode);
  if (rotation && certificates.kind === 'inputs' && certificates.entry.name === undefined) {
    throw new InputError(
      `${Inputs.Name} is required for mode '${mode}'.`,
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
    repairChain: parseBoolean(get(Inputs.RepairChain), Inputs.RepairChain, true),
    github: {
      token: raw[Inputs.GitHubToken]?.trim() || undefined,
      commentOnPr: parseBoolean(get(Inputs.CommentOnPr), Inputs.CommentOnPr, true),
      expiryIssue: parseBoolean(get(Inputs.ExpiryIssue), Inputs.ExpiryIssue, false),
    },
    secretsOptional,
    skipped,
  };
}

function readCertificates(
  get: (name: InputName) => string | undefined,
  raw: RawInputs,
  context: { inventory: boolean; mode: Mode; secretsOptional: boolean; skipped: string[] },
): CertificateSource {
  const manifest = get(Inputs.Manifest)?.trim();
  if (manifest !== undefined) {
    const clash = SINGLE_INPUTS.find((name) => get(name) !== undefined);
    if (clash !== undefined) {
      throw new InputError(
        `Both ${Inputs.Manifest} and ${clash} are set.`,
        `With a manifest, every certificate's parts, name and domains are in its entry: remove ${clash}, or remove ${Inputs.Manifest} to rotate one certificate from the inputs.`,
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
        `Both ${part.value} and ${part.file} are set. Give the value or the file, not both.`,
      );
    }
    if (value !== undefined)
      parts.push({ role: part.role, source: { kind: 'value', label: part.value, text: value } });
    if (file !== undefined)
      parts.push({ role: part.role, source: { kind: 'file', label: part.file, path: file } });
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
      `Set ${Inputs.Certificate} (or ${Inputs.CertificateFile}) to the PEM certificate, or ${Inputs.Pkcs12} (or ${Inputs.Pkcs12File}) to a PKCS#12 file, or list certificates in a ${Inputs.Manifest}. If it comes from a secret, check that the secret exists and is passed to this workflow.`,
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
      : { kind: 'value', label: input, text };
  };
  return {
    kind: 'inputs',
    entry: {
      name: name === undefined ? undefined : checkLineageName(name),
      parts,
      keyPassphrase: secret(Inputs.KeyPassphrase),
      // An empty PKCS#12 password is a real one (some exports use it): only absent means none.
      pkcs12Password: secret(Inputs.Pkcs12Password, true),
      domains: parseDomains(get(Inputs.Domains)),
      requireKey: hasKey || !context.secretsOptional,
    },
  };
}

function parseRotation(
  get: (name: InputName) => string | undefined,
  raw: RawInputs,
  mode: string,
): RotationSettings {
  const kind = get(Inputs.Provider)?.trim().toLowerCase();
  if (kind === undefined) {
    throw new InputError(
      `${Inputs.Provider} is required for mode '${mode}'.`,
      `Set ${Inputs.Provider} to ${PROVIDERS.join(' or ')}, or use mode: validate to only check the certificate.`,
    );
  }
  if (!(PROVIDERS as readonly string[]).includes(kind)) {
    throw new InputError(`Invalid ${Inputs.Provider} '${kind}'. Expected one of: ${PROVIDERS.join(', ')}.`);
  }
  const token = raw[Inputs.ApiToken]?.trim();
  if (!token) {
    throw new InputError(
      `${Inputs.ApiToken} is required for mode '${mode}'.`,
      kind === 'digitalocean'
        ? 'Pass a DigitalOcean personal access token from a secret (scopes: certificate read/create/delete, load_balancer read/update, cdn read/update).'
        : 'Pass a Dokploy API key from a secret (Settings, Profile, API keys).',
    );
  }
  const apiUrl = get(Inputs.ApiUrl)?.trim();
  if (kind === 'dokploy' && apiUrl === undefined) {
    throw new InputError(
      `${Inputs.ApiUrl} is required for Dokploy.`,
      'Set it to the dashboard address, e.g. https://dokploy.example.com.',
    );
  }
  const serverId = get(Inputs.ServerId)?.trim();
  const reloadTraefik = parseBoolean(get(Inputs.ReloadTraefik), Inputs.ReloadTraefik, false);
  if (kind !== 'dokploy' && (serverId !== undefined || reloadTraefik)) {
    throw new InputError(
      `${serverId !== undefined ? Inputs.ServerId : Inputs.ReloadTraefik} applies to Dokploy only.`,
      `Remove it, or set ${Inputs.Provider}: dokploy.`,
    );
  }
  return {
    provider: {
      kind: kind as ProviderKind,
      token,
      apiUrl,
      serverId,
      reloadTraefik,
    },
    template: checkTemplate(get(Inputs.NameTemplate)?.trim() ?? DEFAULT_NAME_TEMPLATE),
    plan: {
      removeSuperseded: parseBoolean(get(Inputs.RemoveSuperseded), Inputs.RemoveSuperseded, true),
      keepSuperseded: parseInteger(get(Inputs.KeepSuperseded), Inputs.KeepSuperseded, {
        fallback: 0,
        min: 0,
        max: 100,
      }),
      rebind: parseBoolean(get(Inputs.Rebind), Inputs.Rebind, true),
    },
    concurrency: parseInteger(get(Inputs.Concurrency), Inputs.Concurrency, {
      fallback: DEFAULT_CONCURRENCY,
      min: 1,
      max: 100,
    }),
    timeoutSeconds: parseInteger(get(Inputs.TimeoutSeconds), Inputs.TimeoutSeconds, {
      fallback: 30,
      min: 1,
      max: 600,
    }),
  };
}

function parseInteger(
  value: string | undefined,
  name: InputName,
  bounds: { fallback: number; min: number; max: number },
): number {
  if (value === undefined) return bounds.fallback;
  const text = value.trim();
  const number = Number(text);
  if (!/^\d{1,6}$/.test(text) || number < bounds.min || number > bounds.max) {
    throw new InputError(
      `Invalid ${name} '${text}'. Expected a whole number from ${bounds.min} to ${bounds.max}.`,
    );
  }
  return number;
}

function parseDays(value: string | undefined, name: InputName, fallback: number): number {
  if (value === undefined) return fallback;
  const text = value.trim();
  if (!/^\d{1,5}$/.test(text)) {
    throw new InputError(`Invalid ${name} '${text}'. Expected a whole number of days, e.g. ${fallback}.`);
  }
  return Number(text);
}

/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts, with a message that names the input. */
export function parseBoolean(value: string | undefined, name: InputName, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  const text = value.trim();
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  throw new InputError(`Invalid ${name} '${text}'. Expected true or false.`);
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function parseDomains(value: string | undefined): string[] {
  if (value === undefined) return [];
  const out: string[] = [];
  for (const item of value.split(/[\s,]+/)) {
    const domain = item.trim().replace(/\.$/, '').toLowerCase();
    if (domain === '') continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(domain) || domain.includes('/')) {
      const bare = domain.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split('/')[0];
      throw new InputError(
        `Invalid domain '${item}' in ${Inputs.Domains}: it is a URL. Give the host name '${bare}'.`,
      );
    }
    const host = domain.startsWith('*.') ? domain.slice(2) : domain;
    const ascii = isIP(host) === 0 ? domainToASCII(host) : '';
    const valid =
      (isIP(host) !== 0 && host === domain) ||
      (ascii !== '' && ascii.split('.').every((label) => LABEL.test(label)));
    if (!valid) {
      throw new InputError(
        `Invalid domain '${item}' in ${Inputs.Domains}. Expected host names such as example.com or *.example.com, or IP addresses.`,
      );
    }
    if (!out.includes(domain)) out.push(domain);
  }
  return out;
}
