/**
 * Lineages and their names. A lineage is one logical certificate a user manages (`example-com`);
 * each uploaded version gets a name from a template, by default `{name}-{sha1:12}`: unique per
 * content (DigitalOcean refuses a second certificate with the same name), and identifiable by
 * its name alone where a provider lists no certificate data. A remote certificate belongs to the
 * lineage only if its name matches the template for that lineage, or is the lineage name itself:
 * everything else is foreign and never touched.
 */
import { InputError } from '../errors.ts';
import { looksLikeToken, quotable, quoteValue } from '../secrets.ts';

export const DEFAULT_NAME_TEMPLATE = '{name}-{sha1:12}';

export interface VersionFacts {
  sha1: string;
  sha256: string;
  /** ISO date-time of the leaf's not-after. */
  notAfter: string;
}

const PLACEHOLDER = /\{(name|sha1|sha256|not-after)(?::(\d+))?\}/g;
const LINEAGE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** A lineage name: what users type as `name`, safe in every provider's certificate names. */
/** `label`: how the message names the setting (`name`, `--name`). */
export function checkLineageName(name: string, label = 'name'): string {
  // A token fits the pattern: it is refused too, or it would name every version and be printed.
  if (!LINEAGE.test(name) || looksLikeToken(name)) {
    throw new InputError(
      `Invalid ${label} ${quoteValue(name)}. Expected 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit.`,
      'Use a short identifier for the certificate, e.g. example-com.',
    );
  }
  return name;
}

/** Check a template: it must name the lineage and carry a fingerprint (at least 8 hex digits). */
export function checkTemplate(template: string, label = 'name-template'): string {
  const parts = [...template.matchAll(PLACEHOLDER)];
  const unknown = template.replace(PLACEHOLDER, '').match(/\{[^}]*\}/);
  if (unknown) {
    throw new InputError(
      `Invalid ${label} ${quoteValue(template)}: unknown placeholder ${quotable(unknown[0])}.`,
      'Use {name}, {sha1}, {sha1:N}, {sha256}, {sha256:N} or {not-after}.',
    );
  }
  if (!parts.some((p) => p[1] === 'name')) {
    throw new InputError(
      `Invalid ${label} ${quoteValue(template)}: it has no {name}.`,
      'Include {name}, e.g. {name}-{sha1:12}.',
    );
  }
  // Every fingerprint, not only the one read back: a longer one renders short and never matches.
  for (const [placeholder, key, digits] of parts) {
    const length = key === 'sha1' ? 40 : key === 'sha256' ? 64 : undefined;
    if (length !== undefined && digits !== undefined && Number(digits) > length) {
      throw new InputError(
        `Invalid ${label} ${quoteValue(template)}: ${placeholder} asks for more hex digits than ${key} has (${length}).`,
        `Use at most {${key}:${length}}, or {${key}} for the whole fingerprint.`,
      );
    }
  }
  const fingerprint = parts.find((p) => p[1] === 'sha1' || p[1] === 'sha256');
  const digits = fingerprint ? Number(fingerprint[2] ?? (fingerprint[1] === 'sha1' ? 40 : 64)) : 0;
  if (!fingerprint || digits < 8) {
    throw new InputError(
      `Invalid ${label} ${quoteValue(template)}: it needs a fingerprint of at least 8 hex digits ({sha1:N} or {sha256:N}).`,
      'Each version needs a name of its own (DigitalOcean refuses duplicates) that says which content it holds: e.g. {name}-{sha1:12}.',
    );
  }
  return template;
}

export function renderName(template: string, lineage: string, version: VersionFacts): string {
  return template.replace(PLACEHOLDER, (_all, key: string, digits: string | undefined) => {
    if (key === 'name') return lineage;
    if (key === 'not-after') return version.notAfter.slice(0, 10).replace(/-/g, '');
    const hex = key === 'sha1' ? version.sha1 : version.sha256;
    return digits === undefined ? hex : hex.slice(0, Number(digits));
  });
}

/** A fingerprint a version's name carries: which hash, and the hex digits the template kept. */
export interface NamedFingerprint {
  kind: 'sha1' | 'sha256';
  prefix: string;
}

/** What a listing says a certificate holds (RemoteCertificate has these fields). */
export interface ListedFingerprints {
  name: string;
  sha1: string | undefined;
  sha256?: string | undefined;
}

export interface NameMatcher {
  /** Whether a remote name fits the lineage (its template, or the lineage name itself). */
  belongs(name: string): boolean;
  /** The fingerprint prefix a member's name carries, or undefined for the bare lineage name. */
  fingerprintOf(name: string): NamedFingerprint | undefined;
  /**
   * Why a certificate whose name fits is still not a version of the lineage: a fingerprint in its
   * name that its listed fingerprint contradicts (`web-202601151200` holding another site's
   * certificate). Undefined when nothing listed contradicts the name.
   */
  contradiction(remote: ListedFingerprints): string | undefined;
  /**
   * Whether the listing lets the name be checked at all: false when it lists no fingerprint of a
   * kind the name carries (Dokploy's documented dialect lists no certificate data; DigitalOcean
   * lists SHA-1 only, so a `{sha256:N}` name cannot be checked there). Then the certificate is
   * recognised by its name alone, and the report says so.
   */
  checkable(remote: ListedFingerprints): boolean;
}

export function lineageMatcher(template: string, lineage: string): NameMatcher {
  const kinds: ('sha1' | 'sha256')[] = [];
  let source = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(template.slice(last, match.index));
    const [, key, digits] = match;
    if (key === 'name') source += escapeRegExp(lineage);
    else if (key === 'not-after') source += '\\d{8}';
    else {
      // Every fingerprint is captured: any of them can contradict what the listing shows.
      kinds.push(key as 'sha1' | 'sha256');
      source += `([0-9a-f]{${digits ?? (key === 'sha1' ? '40' : '64')}})`;
    }
    last = match.index + match[0].length;
  }
  source += escapeRegExp(template.slice(last));
  const pattern = new RegExp(`^${source}$`);
  const fingerprintsOf = (name: string): NamedFingerprint[] => {
    const found = pattern.exec(name);
    if (!found) return [];
    return kinds.map((kind, i) => ({ kind, prefix: found[i + 1] ?? '' }));
  };
  const listed = (remote: ListedFingerprints, kind: 'sha1' | 'sha256') =>
    kind === 'sha1' ? remote.sha1 : remote.sha256;
  return {
    belongs: (name) => name === lineage || pattern.test(name),
    // The first fingerprint is the one read back where nothing is listed.
    fingerprintOf: (name) => fingerprintsOf(name)[0],
    contradiction: (remote) => {
      for (const { kind, prefix } of fingerprintsOf(remote.name)) {
        const value = listed(remote, kind)?.toLowerCase();
        if (value !== undefined && !value.startsWith(prefix)) {
          const label = kind === 'sha1' ? 'SHA-1' : 'SHA-256';
          return `its name says ${label} ${prefix}…, but it is listed with ${label} ${value}`;
        }
      }
      return undefined;
    },
    checkable: (remote) => fingerprintsOf(remote.name).some(({ kind }) => listed(remote, kind) !== undefined),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Which of many lineages a remote name belongs to, without trying every lineage's matcher on
 * every name (a run of 100 lineages on an account of 5,000 certificates would try half a million).
 * Every placeholder but `{name}` has a fixed length, so the lineage name starts at a known offset
 * in any member's name: the few substrings there of the lengths lineage names have are looked up,
 * and only those lineages' matchers are asked. Lineages come back in the order given.
 */
export function lineageIndex(template: string, lineages: readonly string[]): (name: string) => string[] {
  const matchers = new Map(lineages.map((lineage) => [lineage, lineageMatcher(template, lineage)]));
  const order = new Map(lineages.map((lineage, i) => [lineage, i]));
  const lengths = [...new Set(lineages.map((lineage) => lineage.length))];
  const offset = nameOffset(template);
  return (name) => {
    const candidates = new Set<string>();
    if (matchers.has(name)) candidates.add(name);
    for (const length of lengths) {
      const piece = name.slice(offset, offset + length);
      if (piece.length === length && matchers.has(piece)) candidates.add(piece);
    }
    return [...candidates]
      .filter((lineage) => matchers.get(lineage)?.belongs(name))
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  };
}

/** Where `{name}` starts in a rendered name: the literal text and fixed-length placeholders before it. */
function nameOffset(template: string): number {
  let offset = 0;
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    offset += (match.index ?? 0) - last;
    const [, key, digits] = match;
    if (key === 'name') return offset;
    offset += key === 'not-after' ? 8 : Number(digits ?? (key === 'sha1' ? 40 : 64));
    last = (match.index ?? 0) + match[0].length;
  }
  return offset;
}
