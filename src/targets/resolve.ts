/**
 * A manifest's targets made ready for a run, where the environment is read: each token from its
 * variable, masked the moment it is read. A variable that is not set is listed with the parts'
 * (one list, each with its line); one token under two names is refused, naming the targets and
 * never the token. Nothing here sends anything.
 */
import { Inputs } from '../constants.ts';
import { InputError } from '../errors.ts';
import type { ManifestTarget } from '../manifest/targets.ts';
import { plural } from '../plural.ts';
import { maskSecret, type SecretSink } from '../secrets.ts';
import type { RotationSettings } from '../settings.ts';
import { ACTION_WORDS, type Vocabulary } from '../vocabulary.ts';
import { DEFAULT_TARGET, type ResolvedTarget } from './pairs.ts';

/** Tokens and API keys are well under a kilobyte; a longer value is something else in the variable. */
export const MAX_TOKEN_CHARS = 4096;

export interface TargetEnvironment {
  /** The manifest as the user names it, for lines: `fleet.yml:3`. */
  file: string;
  env: Readonly<Record<string, string | undefined>>;
  mask: SecretSink;
  /** plan reads only: a refused token's fix asks for the read permissions alone. */
  mode: 'plan' | 'apply';
  /** The run's own provider settings: the `default` target, when given. */
  defaultTarget: RotationSettings | undefined;
  /** The run's allow-dropped-names: it holds for every target. */
  allowDroppedNames: boolean;
  /** A pull request may not see secrets: a target whose token is missing is left out and said. */
  optional: boolean;
  words?: Vocabulary;
}

export interface ResolvedTargets {
  /** The default target first (when given), then the manifest's in their order. */
  targets: ResolvedTarget[];
  /** Variables not set, as the loader lists them: `DO_PROD_TOKEN (fleet.yml:3, target do-prod api-token)`. */
  missing: string[];
  /** Targets left out on a pull request, said. */
  skipped: string[];
}

export function resolveTargets(
  written: readonly ManifestTarget[],
  place: TargetEnvironment,
): ResolvedTargets {
  const words = place.words ?? ACTION_WORDS;
  const resolved: ResolvedTargets = { targets: [], missing: [], skipped: [] };
  /** Where each token came from, for the refusal of one token under two names. */
  const origins: string[] = [];
  if (place.defaultTarget !== undefined) {
    resolved.targets.push({ name: DEFAULT_TARGET, ...place.defaultTarget });
    origins.push(`${DEFAULT_TARGET} (${words.name(Inputs.ApiToken)})`);
  }
  for (const target of written) {
    const { variable, line } = target.token;
    const at = `${place.file}:${line}`;
    const raw = place.env[variable];
    // Masked before anything else is done with it, untrimmed and trimmed (maskSecret registers both).
    maskSecret(raw, place.mask);
    const token = raw?.trim();
    if (token === undefined || token === '') {
      if (place.optional) {
        resolved.skipped.push(
          `target ${target.name}: not planned, its ${Inputs.ApiToken} (${variable}) comes from a secret this pull request cannot see.`,
        );
      } else {
        resolved.missing.push(`${variable} (${at}, target ${target.name} ${Inputs.ApiToken})`);
      }
      continue;
    }
    if (token.length > MAX_TOKEN_CHARS) {
      throw new InputError(
        `target ${target.name} ${Inputs.ApiToken}: ${variable} holds ${plural(token.length, 'character')}, not shown; a token is at most ${MAX_TOKEN_CHARS} (${at}).`,
        `Check what fills ${variable}: it holds something else than the ${target.kind === 'dokploy' ? 'Dokploy API key' : 'DigitalOcean token'} (the secret may be the wrong one).`,
      );
    }
    const { name, kind, apiUrl, serverId, reloadTraefik, template, plan, concurrency, timeoutSeconds } =
      target;
    resolved.targets.push({
      name,
      provider: {
        kind,
        token,
        apiUrl,
        serverId,
        reloadTraefik,
        tokenHelp: {
          access: place.mode === 'plan' ? 'read' : 'write',
          via: `in the environment variable ${variable} (target ${name}, ${at})`,
        },
      },
      template,
      plan: { ...plan, allowDroppedNames: place.allowDroppedNames },
      concurrency,
      timeoutSeconds,
    });
    origins.push(`${name} (${variable}, ${at})`);
  }
  if (resolved.missing.length === 0) refuseSharedTokens(resolved.targets, origins);
  return resolved;
}

/**
 * Two targets on one token are one account (or one Dokploy instance) with two rate limiters and
 * two listings: together over the limit, and each lineage planned twice. Compared in memory; the
 * message names the targets and their variables, never the token.
 */
function refuseSharedTokens(targets: readonly ResolvedTarget[], origins: readonly string[]): void {
  const first = new Map<string, number>();
  const shared: string[] = [];
  targets.forEach((target, i) => {
    const seen = first.get(target.provider.token);
    if (seen === undefined) first.set(target.provider.token, i);
    else shared.push(`The targets ${origins[seen]} and ${origins[i]} hold the same token (not shown).`);
  });
  if (shared.length === 0) return;
  throw new InputError(
    shared.join('\n'),
    'Give each target its own token (DigitalOcean: one token per account; Dokploy: one API key per target): each target has its own rate limiter and its own listing, so two on one account would go over its rate limit and plan each certificate twice.',
  );
}
