/**
 * The manifest: one YAML file listing many certificates, each naming where its parts come from
 * (an environment variable, usually filled from a secret, or a file). Parsing is pure: text in,
 * entries out, and every problem found at once with its line, so a user fixes the file in one go.
 * `manifest.schema.json` describes the same format for editors; a test keeps the two in step.
 *
 * ```yaml
 * version: 1
 * certificates:
 *   - name: example-com
 *     domains: [example.com, www.example.com]
 *     certificate: { file: certs/example.com/fullchain.pem }
 *     private-key: { env: EXAMPLE_COM_KEY }
 *     endpoints: [lb.example.com:8443]   # optional: checked live besides each domain on 443
 * ```
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
} from 'yaml';
import type { Role } from './certs/decode.ts';
import { CertRotateError, InputError, messageWithFix } from './errors.ts';
import { checkLineageName } from './rotation/names.ts';
import { looksLikeToken, quoteValue } from './secrets.ts';
import { parseDomains } from './settings.ts';
import { type Endpoint, parseEndpoints } from './verification/endpoints.ts';

/** Where one part's bytes come from. `line` is the manifest line that names it. */
export type SourceRef =
  | { kind: 'env'; variable: string; line: number }
  | { kind: 'file'; path: string; line: number };

export interface ManifestEntry {
  /** The lineage name; undefined only where names are not required (validate mode). */
  name: string | undefined;
  /** Index in the list, for labels: `certificates[2]`. */
  index: number;
  line: number;
  domains: string[];
  /** Endpoints the live check connects to for this certificate, besides its domains on 443. */
  endpoints: Endpoint[];
  parts: { role: Role; key: PartKey; ref: SourceRef }[];
  keyPassphrase: SourceRef | undefined;
  pkcs12Password: SourceRef | undefined;
}

export const PART_KEYS = {
  certificate: 'certificate',
  'certificate-chain': 'chain',
  'private-key': 'private-key',
  pkcs12: 'pkcs12',
} as const satisfies Record<string, Role>;
export type PartKey = keyof typeof PART_KEYS;

const PASSWORD_KEYS = ['key-passphrase', 'pkcs12-password'] as const;
const ENTRY_KEYS = ['name', 'domains', 'endpoints', ...Object.keys(PART_KEYS), ...PASSWORD_KEYS];
const TOP_KEYS = ['version', 'certificates'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** More would be a mistake (and a very long run): a manifest is a list someone maintains by hand. */
export const MAX_ENTRIES = 500;

export interface Problem {
  line: number | undefined;
  where: string;
  message: string;
}

export class ManifestError extends InputError {
  readonly problems: readonly Problem[];
  constructor(file: string, problems: readonly Problem[]) {
    const shown = problems.slice(0, 20).map((p) => {
      const at = p.line === undefined ? file : `${file}:${p.line}`;
      return `  ${at}${p.where ? ` ${p.where}` : ''}: ${p.message}`;
    });
    if (problems.length > shown.length) shown.push(`  … and ${problems.length - shown.length} more.`);
    super(
      `The manifest ${file} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${shown.join('\n')}`,
      'Fix the lines named above. The format is in the README (Manifest) and in manifest.schema.json.',
    );
    this.name = 'ManifestError';
    this.problems = problems;
  }
}

export interface ManifestOptions {
  /** plan and apply need a name per certificate: every uploaded version is named after it. */
  requireNames: boolean;
}

export function parseManifest(text: string, file: string, options: ManifestOptions): ManifestEntry[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const problems: Problem[] = [];
  // Nodes carry their offsets; a pair is placed by its key.
  const lineOf = (node: Node | Pair | null | undefined): number | undefined => {
    const located = isNodeLike(node)
      ? node
      : isNodeLike((node as Pair | undefined)?.key)
        ? (node as Pair).key
        : undefined;
    const start = (located as { range?: [number, number, number] } | undefined)?.range?.[0];
    return start === undefined ? undefined : counter.linePos(start).line;
  };
  const report = (node: Node | Pair | null | undefined, where: string, message: string) =>
    problems.push({ line: lineOf(node), where, message });

  for (const error of doc.errors) {
    problems.push({
      line: counter.linePos(error.pos[0]).line,
      where: '',
      message: `not valid YAML (${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}).`,
    });
  }
  if (problems.length > 0) throw new ManifestError(file, problems);

  const root = doc.contents;
  if (!isMap(root)) {
    throw new ManifestError(file, [
      {
        line: lineOf(root) ?? 1,
        where: '',
        message: 'expected a mapping with a certificates: list at the top.',
      },
    ]);
  }
  checkKeys(root, TOP_KEYS, '', report);
  const version = root.get('version', true) as Node | undefined;
  if (version !== undefined && !(isScalar(version) && version.value === 1)) {
    report(version as Node, 'version', 'expected 1, the only version there is (or leave it out).');
  }

  const list = root.get('certificates', true);
  const entries: ManifestEntry[] = [];
  if (list === undefined) {
    report(root, '', 'there is no certificates: list.');
  } else if (!isSeq(list) || list.items.length === 0) {
    report(list as Node, 'certificates', 'expected a list of certificates, each starting with "- name:".');
  } else if (list.items.length > MAX_ENTRIES) {
    report(
      list,
      'certificates',
      `${list.items.length} certificates; at most ${MAX_ENTRIES} in one manifest.`,
    );
  } else {
    const names = new Map<string, number | undefined>();
    list.items.forEach((item, index) => {
      const where = `certificates[${index}]`;
      if (!isMap(item)) {
        report(item as Node, where, 'expected a mapping (name:, certificate:, private-key: …).');
        return;
      }
      const entry = readEntry(item as YAMLMap, index, where, options, report, lineOf);
      if (entry.name !== undefined) {
        const first = names.get(entry.name);
        if (names.has(entry.name)) {
          report(
            item.get('name', true) as Node,
            `${where}.name`,
            `'${entry.name}' is already the name of the certificate on line ${first}: give each its own.`,
          );
        }
        names.set(entry.name, entry.line);
      }
      entries.push(entry);
    });
  }
  if (problems.length > 0) throw new ManifestError(file, byLine(problems));
  return entries;
}

type Report = (node: Node | Pair | null | undefined, where: string, message: string) => void;

function readEntry(
  map: YAMLMap,
  index: number,
  where: string,
  options: ManifestOptions,
  report: Report,
  lineOf: (node: Node | Pair | null | undefined) => number | undefined,
): ManifestEntry {
  checkKeys(map, ENTRY_KEYS, where, report);
  const entry: ManifestEntry = {
    name: undefined,
    index,
    line: lineOf(map) ?? 0,
    domains: [],
    endpoints: [],
    parts: [],
    keyPassphrase: undefined,
    pkcs12Password: undefined,
  };
  const nameNode = map.get('name', true) as Node | undefined;
  if (nameNode === undefined) {
    if (options.requireNames) {
      report(
        map,
        where,
        'has no name: plan and apply name every uploaded version after it (e.g. name: example-com).',
      );
    }
  } else if (!isScalar(nameNode) || typeof nameNode.value !== 'string') {
    report(nameNode, `${where}.name`, 'expected a text name, e.g. example-com.');
  } else {
    try {
      entry.name = checkLineageName(nameNode.value);
    } catch (thrown) {
      report(nameNode, `${where}.name`, messageOf(thrown));
    }
  }

  const domains = map.get('domains', true) as Node | undefined;
  if (domains !== undefined) {
    const texts = isSeq(domains)
      ? domains.items.map((d) => (isScalar(d) && typeof d.value === 'string' ? d.value : undefined))
      : [isScalar(domains) && typeof domains.value === 'string' ? domains.value : undefined];
    if (texts.some((t) => t === undefined)) {
      report(domains, `${where}.domains`, 'expected host names: a list, or one text separated by commas.');
    } else {
      try {
        entry.domains = parseDomains(texts.join(','));
      } catch (thrown) {
        report(domains, `${where}.domains`, messageOf(thrown));
      }
    }
  }

  const endpoints = map.get('endpoints', true) as Node | undefined;
  if (endpoints !== undefined) {
    const texts = isSeq(endpoints)
      ? endpoints.items.map((e) => (isScalar(e) && typeof e.value === 'string' ? e.value : undefined))
      : [isScalar(endpoints) && typeof endpoints.value === 'string' ? endpoints.value : undefined];
    if (texts.some((t) => t === undefined)) {
      report(
        endpoints,
        `${where}.endpoints`,
        'expected host or host:port entries: a list, or one text separated by commas.',
      );
    } else {
      try {
        entry.endpoints = parseEndpoints((texts as string[]).flatMap((t) => t.split(/[\s,]+/)));
      } catch (thrown) {
        report(endpoints, `${where}.endpoints`, messageOf(thrown));
      }
    }
  }

  for (const [key, role] of Object.entries(PART_KEYS) as [PartKey, Role][]) {
    const ref = readSource(map, key, where, report, lineOf);
    if (ref) entry.parts.push({ role, key, ref });
  }
  entry.keyPassphrase = readSource(map, 'key-passphrase', where, report, lineOf);
  entry.pkcs12Password = readSource(map, 'pkcs12-password', where, report, lineOf);
  // Said only when neither is there at all: a broken one has its own problem already.
  if (!map.has('certificate') && !map.has('pkcs12')) {
    report(
      map,
      where,
      'has no certificate: give certificate: (PEM) or pkcs12:, each as { env: NAME } or { file: PATH }.',
    );
  }
  return entry;
}

function readSource(
  map: YAMLMap,
  key: string,
  where: string,
  report: Report,
  lineOf: (node: Node | Pair | null | undefined) => number | undefined,
): SourceRef | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined) return undefined;
  const at = `${where}.${key}`;
  const shape = `expected { env: NAME } (an environment variable, e.g. from a secret) or { file: PATH }.`;
  if (!isMap(node)) {
    report(
      node,
      at,
      isScalar(node) && typeof node.value === 'string'
        ? `a value in the manifest itself is not read: ${shape}`
        : shape,
    );
    return undefined;
  }
  checkKeys(node, ['env', 'file'], at, report);
  const env = node.get('env', true) as Node | undefined;
  const file = node.get('file', true) as Node | undefined;
  const line = lineOf(node) ?? 0;
  if (env !== undefined && file !== undefined) {
    report(node, at, 'has both env and file: give one.');
    return undefined;
  }
  if (env !== undefined) {
    // A token is a valid variable name: refused too, or "not set" would print it.
    if (
      !isScalar(env) ||
      typeof env.value !== 'string' ||
      !ENV_NAME.test(env.value) ||
      looksLikeToken(env.value)
    ) {
      report(
        env,
        `${at}.env`,
        'expected an environment variable name (letters, digits and _, not starting with a digit).',
      );
      return undefined;
    }
    return { kind: 'env', variable: env.value, line };
  }
  if (file !== undefined) {
    if (!isScalar(file) || typeof file.value !== 'string' || file.value.trim() === '') {
      report(file, `${at}.file`, 'expected a path, relative to the workspace.');
      return undefined;
    }
    return { kind: 'file', path: file.value.trim(), line };
  }
  report(node, at, shape);
  return undefined;
}

function checkKeys(map: YAMLMap, allowed: readonly string[], where: string, report: Report): void {
  for (const pair of map.items) {
    if (isAlias(pair.value) || isAlias(pair.key)) {
      report(pair.key as Node, where, 'anchors and aliases (&, *) are not supported: write each value out.');
      continue;
    }
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined && allowed.includes(key)) continue;
    const near = key === undefined ? undefined : closest(key, allowed);
    report(
      pair.key as Node,
      where,
      `unknown key ${quoteValue(key ?? '?')}${near ? ` (did you mean '${near}'?)` : ''}. Expected: ${allowed.join(', ')}.`,
    );
  }
}

/** The allowed key a typo most likely meant: within two edits, or one written with _ for -. */
function closest(key: string, allowed: readonly string[]): string | undefined {
  const normal = key.toLowerCase().replace(/_/g, '-');
  let best: { word: string; distance: number } | undefined;
  for (const word of allowed) {
    const distance = word === normal ? 0 : editDistance(normal, word);
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function isNodeLike(value: unknown): value is { range?: [number, number, number] } {
  return typeof value === 'object' && value !== null && 'range' in value;
}

/** A value's problem, as the checks shared with the inputs word it; anything else is a bug. */
function messageOf(thrown: unknown): string {
  if (thrown instanceof CertRotateError) return messageWithFix(thrown);
  throw thrown;
}

/** In the order a reader goes through the file; problems without a line last. */
function byLine(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
