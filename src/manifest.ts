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
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument, type YAMLMap } from 'yaml';
import type { Role } from './certs/decode.ts';
import { InputError } from './errors.ts';
import {
  checkKeys,
  isNodeLike,
  type LineOf,
  messageOf,
  type Problem,
  type Report,
} from './manifest/nodes.ts';
import { readSource, type SourceRef } from './manifest/sources.ts';
import {
  checkTargetsUsed,
  type DefaultTarget,
  type ManifestTarget,
  readEntryTargets,
  readTargets,
} from './manifest/targets.ts';
import { checkLineageName } from './rotation/names.ts';
import { parseDomains } from './settings.ts';
import { ACTION_WORDS, type Vocabulary } from './vocabulary.ts';
import { type Endpoint, parseEndpoints } from './verification/endpoints.ts';

export type { Problem } from './manifest/nodes.ts';
export type { SourceRef } from './manifest/sources.ts';
export type { ManifestTarget } from './manifest/targets.ts';

export interface ManifestEntry {
  /** The lineage name; undefined only where names are not required (validate mode). */
  name: string | undefined;
  /** Where it goes: the names of its `targets:`, or `default` (the run's own provider settings). */
  targets: string[];
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
const ENTRY_KEYS = ['name', 'targets', 'domains', 'endpoints', ...Object.keys(PART_KEYS), ...PASSWORD_KEYS];
const TOP_KEYS = ['version', 'targets', 'certificates'];
/** More would be a mistake (and a very long run): a manifest is a list someone maintains by hand. */
export const MAX_ENTRIES = 500;

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
  /** Whether the run's provider settings make the default target (see DefaultTarget). */
  defaultTarget?: DefaultTarget;
  /** How messages name the run's settings; the action's inputs unless said. */
  words?: Vocabulary;
}

/** A manifest whole: its certificates, and the targets they go to. */
export interface Manifest {
  entries: ManifestEntry[];
  targets: ManifestTarget[];
}

/** The certificates alone, where targets do not matter (check mode, and callers before targets). */
export function parseManifest(text: string, file: string, options: ManifestOptions): ManifestEntry[] {
  return parseManifestDocument(text, file, options).entries;
}

export function parseManifestDocument(text: string, file: string, options: ManifestOptions): Manifest {
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

  const targets = readTargets(
    root.get('targets', true) as Node | undefined,
    options.defaultTarget,
    options.words ?? ACTION_WORDS,
    report,
    lineOf,
  );
  const list = root.get('certificates', true);
  const entries: ManifestEntry[] = [];
  const lists: (string[] | undefined)[] = [];
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
      const named = readEntryTargets(item as YAMLMap, where, targets, report);
      entry.targets = named ?? [];
      lists.push(named);
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
  checkTargetsUsed(targets, lists, report);
  if (problems.length > 0) throw new ManifestError(file, byLine(problems));
  return { entries, targets: targets.targets };
}

function readEntry(
  map: YAMLMap,
  index: number,
  where: string,
  options: ManifestOptions,
  report: Report,
  lineOf: LineOf,
): ManifestEntry {
  checkKeys(map, ENTRY_KEYS, where, report);
  const entry: ManifestEntry = {
    name: undefined,
    targets: [],
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

/** In the order a reader goes through the file; problems without a line last. */
function byLine(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
