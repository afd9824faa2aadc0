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
import type { ProviderKind } from './providers/provider.ts';
import { checkLineageName, checkTemplate, DEFAULT_NAME_TEMPLATE } from './rotation/names.ts';
import type { PlanOptions } from './rotation/plan.ts';
import { InputError } from './errors.ts';

export type Mode = (typeof MODES)[number];

/** A certificate part given as a value (a secret) or as a path to a file. */
export type PartSource =
  | { kind: 'value'; input: InputName; text: string }
  | { kind: 'file'; input: InputName; path: string };

export interface CertificatePart {
  role: Role;
  source: PartSource;
}

export interface Settings {
  mode: Mode;
  /** The parts of the certificate in the order they should be read: certificate, chain, key, PKCS#12. */
  parts: CertificatePart[];
  keyPassphrase: string | undefined;
  pkcs12Password: string | undefined;
  /** What plan and apply need; undefined in validate mode (no network). */
  rotation: RotationSettings | undefined;
  /** Names the certificate must cover, lowercased. */
  domains: string[];
  warnDays: number;
  failDays: number;
  repairChain: boolean;
}

export interface RotationSettings {
  provider: ProviderSettings;
  /** The lineage: the certificate's name, which every uploaded version's name starts from. */
  lineage: string;
  template: string;
  plan: PlanOptions;
  concurrency: number;
  /** Per HTTP request: connect, headers and body each. */
  timeoutSeconds: number;
}

export type RawInputs = Partial<Record<InputName, string>>;

const PARTS: readonly { role: Role; value: InputName; file: InputName }[] = [
  { role: 'certificate', value: Inputs.Certificate, file: Inputs.CertificateFile },
  { role: 'chain', value: Inputs.CertificateChain, file: Inputs.CertificateChainFile },
  { role: 'private-key', value: Inputs.PrivateKey, file: Inputs.PrivateKeyFile },
  { role: 'pkcs12', value: Inputs.Pkcs12, file: Inputs.Pkcs12File },
];

export function parseSettings(raw: RawInputs): Settings {
  const get = (name: InputName) => {
    const value = raw[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const mode = (get(Inputs.Mode) ?? 'apply').trim().toLowerCase();
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new InputError(`Invalid mode '${mode}'. Expected one of: ${MODES.join(', ')}.`);
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
      parts.push({ role: part.role, source: { kind: 'value', input: part.value, text: value } });
    if (file !== undefined)
      parts.push({ role: part.role, source: { kind: 'file', input: part.file, path: file } });
  }
  if (!parts.some((p) => p.role === 'certificate' || p.role === 'pkcs12')) {
    throw new InputError(
      'No certificate was given.',
      `Set ${Inputs.Certificate} (or ${Inputs.CertificateFile}) to the PEM certificate, or ${Inputs.Pkcs12} (or ${Inputs.Pkcs12File}) to a PKCS#12 file. If it comes from a secret, check that the secret exists and is passed to this workflow.`,
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

  const rotation = mode === 'validate' ? undefined : parseRotation(get, raw, mode);
  return {
    mode: mode as Mode,
    rotation,
    parts,
    keyPassphrase: raw[Inputs.KeyPassphrase] || undefined,
    pkcs12Password: raw[Inputs.Pkcs12Password] ?? undefined,
    domains: parseDomains(get(Inputs.Domains)),
    warnDays,
    failDays,
    repairChain: parseBoolean(get(Inputs.RepairChain), Inputs.RepairChain, true),
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
  const name = get(Inputs.Name)?.trim();
  if (name === undefined) {
    throw new InputError(
      `${Inputs.Name} is required for mode '${mode}'.`,
      'Give the certificate a short name, e.g. example-com: every uploaded version is named after it.',
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
    lineage: checkLineageName(name),
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
    concurrency: parseInteger(get(Inputs.Concurrency), Inputs.Concurrency, { fallback: 4, min: 1, max: 16 }),
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
