/**
 * A manifest's targets: `targets:` at the top names provider settings (the keys of the action's
 * provider inputs, read by the same rules, targets/rules.ts), and each certificate's `targets:`
 * says where it goes. An entry without one goes to `default`: the run's own provider settings.
 * Tokens are named here (`{ env: NAME }`), never written; they are read where the environment is
 * (load-certificates.ts).
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { Inputs } from '../constants.ts';
import type { ProviderKind } from '../providers/provider.ts';
import { looksLikeToken, quoteValue } from '../secrets.ts';
import {
  readProviderKind,
  readTargetFields,
  TARGET_SETTINGS,
  type TargetFields,
  type TargetSetting,
} from '../targets/rules.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { DEFAULT_TARGET } from '../targets/pairs.ts';
import { checkKeys, closest, type LineOf, messageOf, type Report } from './nodes.ts';
import { type EnvRef, readEnvSource } from './sources.ts';

export { DEFAULT_TARGET };
/** Each target has its own client and listing, all at once: more is a mistake, or many jobs' work. */
export const MAX_TARGETS = 50;
/** Names appear in shards (`target/i/n`) and concurrency groups: no '/', no spaces, no dots. */
const TARGET_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;
/** A target's keys, in the order the README lists them. */
export const TARGET_KEYS: readonly string[] = [
  Inputs.Provider,
  Inputs.ApiUrl,
  Inputs.ApiToken,
  ...TARGET_SETTINGS.filter((s) => s !== Inputs.Provider && s !== Inputs.ApiUrl),
];
const EXAMPLE = '{ provider: digitalocean, api-token: { env: DO_PROD_TOKEN } }';

/** One target of `targets:` as written: its settings read, its token named, not yet read. */
export interface ManifestTarget extends TargetFields {
  name: string;
  /** The line of its name. */
  line: number;
  kind: ProviderKind;
  token: EnvRef;
}

/**
 * Whether the run's own provider settings make the default target: plan and apply know
 * ('given' or 'absent'); undefined where nothing is sent (validate, check), and then the targets
 * are checked among themselves only.
 */
export type DefaultTarget = 'given' | 'absent' | undefined;

/** What the entries are checked against. */
export interface TargetContext {
  targets: ManifestTarget[];
  /** Every name under targets:, read or refused: an entry naming a refused one is not "unknown" too. */
  defined: Map<string, Pair>;
  /** Names that may be used: valid ones, and default unless it is absent. */
  known: string[];
  /** Names an unknown one was taken for (did you mean): not called unused as well, it is one mistake. */
  suggested: Set<string>;
  /** targets: itself could not be read: its names are unknown, so none is called unknown. */
  unreadable: boolean;
  defaultTarget: DefaultTarget;
  words: Vocabulary;
}

export function readTargets(
  node: Node | undefined,
  defaultTarget: DefaultTarget,
  words: Vocabulary,
  report: Report,
  lineOf: LineOf,
): TargetContext {
  const context: TargetContext = {
    targets: [],
    defined: new Map(),
    known: [],
    suggested: new Set(),
    unreadable: false,
    defaultTarget,
    words,
  };
  const withDefault = () => {
    if (defaultTarget !== 'absent') context.known.push(DEFAULT_TARGET);
    return context;
  };
  if (node === undefined) return withDefault();
  if (!isMap(node) || node.items.length === 0) {
    report(
      node,
      'targets',
      `expected a mapping of target names to their settings, e.g. do-prod: ${EXAMPLE}.`,
    );
    context.unreadable = true;
    return withDefault();
  }
  if (node.items.length > MAX_TARGETS) {
    report(node, 'targets', `${node.items.length} targets; at most ${MAX_TARGETS} in one manifest.`);
    context.unreadable = true;
    return withDefault();
  }
  const tokens = new Map<string, { name: string; line: number }>();
  for (const pair of (node as YAMLMap).items) {
    if (isAlias(pair.key) || isAlias(pair.value)) {
      report(pair, 'targets', 'anchors and aliases (&, *) are not supported: write each value out.');
      continue;
    }
    const name = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof name === 'string') context.defined.set(name, pair);
    if (name === DEFAULT_TARGET) {
      report(
        pair,
        'targets',
        `'${DEFAULT_TARGET}' is the name of the target the run's own provider settings give (${words.name(Inputs.Provider)}, ${words.name(Inputs.ApiToken)} …): call this one otherwise, e.g. do-prod.`,
      );
      continue;
    }
    if (typeof name !== 'string' || !TARGET_NAME.test(name) || looksLikeToken(name)) {
      // Its settings are not read: its name, which every message about them would carry, comes first.
      report(
        pair,
        'targets',
        `${quoteValue(String(name ?? '?'))} is not a plain name for a target: use letters, digits, '-' and '_' (at most 63, starting with a letter), e.g. do-prod.`,
      );
      continue;
    }
    context.known.push(name);
    const { target, token } = readTarget(pair, name, report, lineOf);
    if (token !== undefined) {
      const first = tokens.get(token.variable);
      if (first !== undefined) {
        report(
          (pair.value as YAMLMap).get(Inputs.ApiToken, true) as Node,
          `targets.${name}.${Inputs.ApiToken}`,
          `${token.variable} is already the ${Inputs.ApiToken} of target ${first.name} (line ${first.line}): give each target its own token, as each has its own rate limit and its own listing.`,
        );
        continue;
      }
      tokens.set(token.variable, { name, line: lineOf(pair) ?? 0 });
    }
    if (target !== undefined) context.targets.push(target);
  }
  return withDefault();
}

/** A target's settings; its token named even when something else in it is refused, to compare it with the others'. */
function readTarget(
  pair: Pair,
  name: string,
  report: Report,
  lineOf: LineOf,
): { target?: ManifestTarget; token?: EnvRef } {
  const where = `targets.${name}`;
  const map = pair.value;
  if (!isMap(map)) {
    report(pair, where, `expected the target's settings, e.g. ${EXAMPLE}.`);
    return {};
  }
  checkKeys(map as YAMLMap, TARGET_KEYS, where, report);
  let refused = false;
  const refuse = (node: Node | Pair, at: string, message: string) => {
    refused = true;
    report(node, at, message);
  };
  const nodeOf = (key: string) => (map as YAMLMap).get(key, true) as Node | undefined;
  const values = new Map<TargetSetting, string>();
  const unreadable = new Set<TargetSetting>();
  for (const setting of TARGET_SETTINGS) {
    const node = nodeOf(setting);
    if (node === undefined) continue;
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      // Blank is left out, as an empty input is.
      if (String(value).trim() !== '') values.set(setting, String(value));
    } else if (!(isScalar(node) && value === null)) {
      unreadable.add(setting);
      refuse(node, `${where}.${setting}`, 'expected a value (a text, a number, true or false).');
    }
  }

  let kind: ProviderKind | undefined;
  const provider = values.get(Inputs.Provider);
  if (provider === undefined) {
    if (!unreadable.has(Inputs.Provider))
      refuse(pair, where, 'has no provider: set provider: digitalocean or dokploy.');
  } else {
    try {
      kind = readProviderKind(provider, Inputs.Provider);
    } catch (thrown) {
      refuse(nodeOf(Inputs.Provider) ?? pair, `${where}.${Inputs.Provider}`, messageOf(thrown));
    }
  }
  const token = readEnvSource(map as YAMLMap, Inputs.ApiToken, where, report, lineOf);
  if (!map.has(Inputs.ApiToken)) {
    refuse(
      pair,
      where,
      `has no ${Inputs.ApiToken}: give ${Inputs.ApiToken}: { env: NAME }, the environment variable that holds the token (from a secret).`,
    );
  }
  // A manifest names each setting by its key; the rules word it as they word the inputs.
  const fields = readTargetFields(
    kind,
    (setting) => values.get(setting),
    (setting) => setting,
    (setting, error) => refuse(nodeOf(setting) ?? pair, `${where}.${setting}`, messageOf(error)),
  );
  if (refused || kind === undefined || token === undefined) return token === undefined ? {} : { token };
  return { target: { name, line: lineOf(pair) ?? 0, kind, token, ...fields }, token };
}

/** An entry's `targets:`; without one, the default target. */
export function readEntryTargets(
  map: YAMLMap,
  where: string,
  context: TargetContext,
  report: Report,
): string[] | undefined {
  const { name: named } = context.words;
  const provider = named(Inputs.Provider);
  const token = named(Inputs.ApiToken);
  const node = map.get('targets', true) as Node | undefined;
  if (node === undefined) {
    // Without any targets: it is said once for the manifest (checkTargetsUsed), not for each entry.
    if (context.defaultTarget === 'absent' && context.defined.size > 0) {
      const example = context.known.find((n) => n !== DEFAULT_TARGET) ?? 'do-prod';
      report(
        map,
        where,
        `has no targets:, so it goes to the default target, and ${provider} is not set: name its targets (e.g. targets: [${example}]), or set ${provider} and ${token}.`,
      );
    }
    return [DEFAULT_TARGET];
  }
  const at = `${where}.targets`;
  const items = isSeq(node) ? node.items : undefined;
  const names = items?.map((item) =>
    isScalar(item) && typeof item.value === 'string' ? item.value : undefined,
  );
  if (items === undefined || names === undefined || names.some((n) => n === undefined)) {
    report(node, at, 'expected a list of target names, e.g. targets: [do-prod, do-staging].');
    return undefined;
  }
  if (names.length === 0) {
    report(
      node,
      at,
      'an empty list sends the certificate nowhere: name at least one target, or leave targets: out for the default target.',
    );
    return undefined;
  }
  if (names.length > MAX_TARGETS) {
    report(node, at, `${names.length} targets; at most ${MAX_TARGETS}.`);
    return undefined;
  }
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const item = items[i] as Node;
    if (name === undefined) return;
    if (seen.has(name)) {
      report(item, at, `names ${quoteValue(name)} twice.`);
      return;
    }
    seen.add(name);
    if (name === DEFAULT_TARGET) {
      if (context.defaultTarget === 'absent') {
        report(
          item,
          at,
          `'${DEFAULT_TARGET}' is the target of the run's own provider settings, and ${provider} is not set: set ${provider} and ${token}, or name a target from targets:.`,
        );
      }
      return;
    }
    if (context.defined.has(name) || context.unreadable) return;
    const near = closest(name, context.known);
    if (near !== undefined) context.suggested.add(near);
    report(
      item,
      at,
      `unknown target ${quoteValue(name)}${near ? ` (did you mean '${near}'?)` : ''}. ${
        context.known.length > 0
          ? `Expected: ${context.known.join(', ')}.`
          : 'The manifest has no targets: (name them under targets: at the top).'
      }`,
    );
  });
  return names as string[];
}

/**
 * Every target is used: one nothing goes to is a mistake (a typo in an entry, or a leftover), and
 * so are provider settings of the run that no entry goes to. `lists` holds each entry's targets,
 * undefined where its list could not be read (then nothing is called unused).
 */
export function checkTargetsUsed(
  context: TargetContext,
  lists: readonly (readonly string[] | undefined)[],
  report: Report,
): void {
  const { name: named } = context.words;
  if (context.defaultTarget === 'absent' && context.defined.size === 0 && !context.unreadable) {
    if (lists.some((l) => l?.includes(DEFAULT_TARGET) && l.length === 1)) {
      report(
        undefined,
        '',
        `${named(Inputs.Provider)} is not set, and the manifest has no targets:, so its certificates have nowhere to go: set ${named(Inputs.Provider)} and ${named(Inputs.ApiToken)}, or add targets: (see the README, Targets).`,
      );
    }
    return;
  }
  if (lists.length === 0 || lists.some((l) => l === undefined)) return;
  const used = new Set(lists.flat());
  for (const [name, pair] of context.defined) {
    if (
      !context.known.includes(name) ||
      name === DEFAULT_TARGET ||
      used.has(name) ||
      context.suggested.has(name)
    )
      continue;
    report(
      pair,
      `targets.${name}`,
      'no certificate names it in its targets: name it there, or remove the target.',
    );
  }
  if (context.defaultTarget === 'given' && !used.has(DEFAULT_TARGET)) {
    report(
      undefined,
      '',
      `${named(Inputs.Provider)} is set, which makes the default target, but no certificate goes to it (each names its targets): remove ${named(Inputs.Provider)} and ${named(Inputs.ApiToken)}, or add default to a certificate’s targets.`,
    );
  }
}
