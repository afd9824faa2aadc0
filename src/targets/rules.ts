/**
 * A target's provider settings, by one set of rules: the action's own inputs (the `default`
 * target) and each target of a manifest are read through here, so both refuse the same values
 * with the same words. Reading goes on past a refused value and `fail` decides what happens to
 * it: the inputs stop at the first, a manifest collects them all with their lines.
 */
import { DEFAULT_CONCURRENCY, type InputName, Inputs, PROVIDERS } from '../constants.ts';
import { InputError } from '../errors.ts';
import type { ProviderKind } from '../providers/provider.ts';
import { checkTemplate, DEFAULT_NAME_TEMPLATE } from '../rotation/names.ts';
import type { PlanOptions } from '../rotation/plan.ts';
import { looksLikeToken, quoteValue } from '../secrets.ts';
import { type IntegerBounds, parseBoolean, parseInteger } from '../setting-values.ts';

/** A target's settings besides its token: a manifest target's keys are these names, as the inputs'. */
export const TARGET_SETTINGS = [
  Inputs.Provider,
  Inputs.ApiUrl,
  Inputs.ServerId,
  Inputs.NameTemplate,
  Inputs.Rebind,
  Inputs.ReloadTraefik,
  Inputs.RemoveSuperseded,
  Inputs.KeepSuperseded,
  Inputs.Concurrency,
  Inputs.TimeoutSeconds,
] as const satisfies readonly InputName[];
export type TargetSetting = (typeof TARGET_SETTINGS)[number];

/** What a target says besides its provider and its token. */
export interface TargetFields {
  apiUrl: string | undefined;
  serverId: string | undefined;
  reloadTraefik: boolean;
  template: string;
  /** allow-dropped-names is the run's, not a target's: it is added where the run is known. */
  plan: Omit<PlanOptions, 'allowDroppedNames'>;
  concurrency: number;
  timeoutSeconds: number;
}

export const KEEP_SUPERSEDED: IntegerBounds = { fallback: 0, min: 0, max: 100 };
export const CONCURRENCY: IntegerBounds = { fallback: DEFAULT_CONCURRENCY, min: 1, max: 100 };
export const TIMEOUT_SECONDS: IntegerBounds = { fallback: 30, min: 1, max: 600 };

/** The provider named; undefined when none is (what that means is the caller's to say). */
export function readProviderKind(value: string | undefined, name: string): ProviderKind | undefined {
  const kind = value?.trim().toLowerCase();
  if (kind === undefined || kind === '') return undefined;
  if (!(PROVIDERS as readonly string[]).includes(kind)) {
    throw new InputError(`Invalid ${name} ${quoteValue(kind)}. Expected one of: ${PROVIDERS.join(', ')}.`);
  }
  return kind as ProviderKind;
}

/** A refused setting; the inputs throw it, a manifest reports it at the key's line. */
export type Refused = (setting: TargetSetting, error: InputError) => void;

/**
 * Everything but the provider and the token. `kind` undefined (not given, or refused already):
 * the checks that depend on it are left out, so one mistake is not reported twice.
 */
export function readTargetFields(
  kind: ProviderKind | undefined,
  get: (setting: TargetSetting) => string | undefined,
  named: (setting: TargetSetting) => string,
  refused: Refused,
): TargetFields {
  const read = <T>(setting: TargetSetting, fallback: T, rule: () => T): T => {
    try {
      return rule();
    } catch (thrown) {
      if (!(thrown instanceof InputError)) throw thrown;
      refused(setting, thrown);
      return fallback;
    }
  };
  const apiUrl = get(Inputs.ApiUrl)?.trim();
  if (kind === 'dokploy' && apiUrl === undefined) {
    refused(
      Inputs.ApiUrl,
      new InputError(
        `${named(Inputs.ApiUrl)} is required for Dokploy.`,
        'Set it to the dashboard address, e.g. https://dokploy.example.com.',
      ),
    );
  }
  const serverId = read(Inputs.ServerId, undefined, () =>
    checkServerId(get(Inputs.ServerId)?.trim(), named(Inputs.ServerId)),
  );
  const reloadTraefik = read(Inputs.ReloadTraefik, false, () =>
    parseBoolean(get(Inputs.ReloadTraefik), named(Inputs.ReloadTraefik), false),
  );
  if (kind !== undefined && kind !== 'dokploy') {
    const dokployOnly = (setting: TargetSetting) =>
      refused(
        setting,
        new InputError(
          `${named(setting)} applies to Dokploy only.`,
          `Remove it, or set ${named(Inputs.Provider)} to dokploy.`,
        ),
      );
    if (serverId !== undefined) dokployOnly(Inputs.ServerId);
    if (reloadTraefik) dokployOnly(Inputs.ReloadTraefik);
  }
  return {
    apiUrl,
    serverId,
    reloadTraefik,
    template: read(Inputs.NameTemplate, DEFAULT_NAME_TEMPLATE, () =>
      checkTemplate(get(Inputs.NameTemplate)?.trim() ?? DEFAULT_NAME_TEMPLATE, named(Inputs.NameTemplate)),
    ),
    plan: {
      removeSuperseded: read(Inputs.RemoveSuperseded, true, () =>
        parseBoolean(get(Inputs.RemoveSuperseded), named(Inputs.RemoveSuperseded), true),
      ),
      keepSuperseded: read(Inputs.KeepSuperseded, KEEP_SUPERSEDED.fallback, () =>
        parseInteger(get(Inputs.KeepSuperseded), named(Inputs.KeepSuperseded), KEEP_SUPERSEDED),
      ),
      rebind: read(Inputs.Rebind, true, () => parseBoolean(get(Inputs.Rebind), named(Inputs.Rebind), true)),
    },
    concurrency: read(Inputs.Concurrency, CONCURRENCY.fallback, () =>
      parseInteger(get(Inputs.Concurrency), named(Inputs.Concurrency), CONCURRENCY),
    ),
    timeoutSeconds: read(Inputs.TimeoutSeconds, TIMEOUT_SECONDS.fallback, () =>
      parseInteger(get(Inputs.TimeoutSeconds), named(Inputs.TimeoutSeconds), TIMEOUT_SECONDS),
    ),
  };
}

/**
 * Dokploy's server ids are short identifiers (nanoid). Anything else is refused before it is
 * sent, where the server could echo it back: a key or token pasted here would be.
 */
function checkServerId(value: string | undefined, name: string): string | undefined {
  if (value === undefined || (SERVER_ID.test(value) && !looksLikeToken(value))) return value;
  throw new InputError(
    `Invalid ${name} ${quoteValue(value)}. Expected the id of a Dokploy server (letters, digits, '_' and '-').`,
    'Copy it from the server in the Dokploy dashboard, or leave it empty for the Dokploy host itself.',
  );
}

const SERVER_ID = /^[A-Za-z0-9_-]{1,64}$/;
