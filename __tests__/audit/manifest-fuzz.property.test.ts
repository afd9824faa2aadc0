/**
 * Property-based robustness tests for the manifest parser: whatever YAML (or not-YAML) a user,
 * an editor or a bad merge writes, `parseManifest` either returns entries or throws a
 * `ManifestError` whose every problem has a message and a line, never anything else, and no call
 * takes over FUZZ_CALL_LIMIT_MS of CPU (default 1000) or FUZZ_WALL_LIMIT_MS of wall time (5000).
 *
 * Generators:
 * 1. Structured YAML built from the manifest's own keys and wrong ones (typos, `_` for `-`, other
 *    case, random text), random scalars (huge numbers, booleans, nulls, special characters, long
 *    text), flow and block style, anchors and aliases, tags, comments, indentation by 1–4 spaces
 *    or tabs, lines shifted out of place.
 * 2. Valid manifests damaged by text edits: YAML punctuation inserted, lines deleted, duplicated,
 *    swapped, indented, tabs, truncation.
 * 3. YAML fragments, random text and random bytes.
 * 4. Huge input: deep nesting (flow and block), very long lines, keys and names, hundreds of entries
 *    (past MAX_ENTRIES), alias bombs, huge numbers, thousands of problems or domains.
 * 5. Endless and oversized manifest files, read as a run reads them, each in a process of its own
 *    (test/support/oversize.ts): /dev/zero and a FIFO no one writes to as the manifest, and
 *    manifests of entries from 10 kB to 5 MB (just under the 128 KiB bound they are parsed whole).
 *    The worst CPU, wall time and peak RSS are printed at the end.
 *
 * Reproducible: FUZZ_SEED, FUZZ_RUNS, FUZZ_CALL_LIMIT_MS and FUZZ_WALL_LIMIT_MS as in
 * __tests__/certs/fuzz.property.test.ts; together the two make over 10,000 generated inputs a
 * default run. The counts and the slowest call of each generator are printed at the end.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { ManifestError, type ManifestEntry, MAX_ENTRIES, parseManifest } from '../../src/manifest.ts';
import { CallLimitError, FuzzMeter, readFuzzConfig } from './support.ts';
import { applyPlainEdit } from '../../test/support/text-edits.ts';
import {
  checkOversize,
  MANIFEST_CASES,
  type OversizeCase,
  oversizeManifestCase,
  OversizeWorst,
} from '../../test/support/oversize.ts';
import { Pki } from '../../test/support/pki.ts';

const CONFIG = readFuzzConfig(process.env, 0x3a_f157);
const meter = new FuzzMeter('fuzz (manifests)', CONFIG);
/** The oversized and endless manifests' worst time and peak memory, each measured in its own process. */
const oversized = new OversizeWorst();
/** A property stops after this long (a very slow machine runs fewer inputs, and says so). */
const PROPERTY_TIME_LIMIT_MS = 20_000;
const FILE = 'certificates.yml';
const ROLES = new Set(['certificate', 'chain', 'private-key', 'pkcs12']);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function params(numRuns: number): fc.Parameters<unknown> {
  return {
    seed: CONFIG.seed,
    numRuns: Math.max(1, Math.round(numRuns * CONFIG.runFactor)),
    plugins: [fc.interruptAfterTimeLimit(PROPERTY_TIME_LIMIT_MS * CONFIG.runFactor)],
  };
}

// ---------------------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------------------

/** Lines a position in `text` can be on (YAML breaks lines at \n, \r\n and \r). */
function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function assertLine(line: unknown, text: string, what: string): void {
  assert.ok(
    typeof line === 'number' && Number.isInteger(line) && line >= 1 && line <= lineCount(text),
    `${what}: line ${String(line)} is not a line of the ${lineCount(text)}-line text`,
  );
}

function assertEntries(entries: ManifestEntry[], text: string, requireNames: boolean): void {
  assert.ok(Array.isArray(entries) && entries.length >= 1 && entries.length <= MAX_ENTRIES, 'entries');
  const names = new Set<string>();
  entries.forEach((entry, index) => {
    const what = `entry ${index}`;
    assert.equal(entry.index, index, what);
    assertLine(entry.line, text, what);
    if (requireNames) assert.equal(typeof entry.name, 'string', `${what} has a name`);
    if (entry.name !== undefined) {
      assert.match(entry.name, /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, `${what} name`);
      assert.ok(!names.has(entry.name), `${what}: duplicate name ${entry.name} accepted`);
      names.add(entry.name);
    }
    assert.ok(Array.isArray(entry.domains) && entry.domains.every((d) => typeof d === 'string' && d !== ''));
    assert.ok(
      entry.parts.some((p) => p.role === 'certificate' || p.role === 'pkcs12'),
      `${what}: accepted without a certificate`,
    );
    const refs = [...entry.parts.map((p) => p.ref), entry.keyPassphrase, entry.pkcs12Password];
    for (const part of entry.parts) assert.ok(ROLES.has(part.role), `${what}: role ${part.role}`);
    for (const ref of refs) {
      if (ref === undefined) continue;
      assertLine(ref.line, text, `${what} source`);
      if (ref.kind === 'env') assert.match(ref.variable, ENV_NAME);
      else {
        assert.equal(ref.kind, 'file');
        assert.ok(ref.path.trim() !== '' && ref.path === ref.path.trim(), `${what}: path ${ref.path}`);
      }
    }
  });
}

function assertManifestError(error: ManifestError, text: string): void {
  assert.ok(Array.isArray(error.problems) && error.problems.length > 0, 'a ManifestError without problems');
  for (const [i, problem] of error.problems.entries()) {
    assert.equal(typeof problem.message, 'string');
    assert.ok(problem.message.trim() !== '', `problem ${i} has no message`);
    assert.equal(typeof problem.where, 'string');
    assertLine(problem.line, text, `problem ${i} (${problem.where}: ${problem.message.slice(0, 200)})`);
  }
  assert.ok(error.message.startsWith(`The manifest ${FILE} has`), error.message.slice(0, 200));
  assert.ok(typeof error.fix === 'string' && error.fix !== '', 'the error says how to fix it');
  assert.equal(error.code, 'INPUT');
}

/** What each generator's inputs came to: so a generator that never gets past the YAML parser shows. */
const outcomes = new Map<string, { entries: number; yamlErrors: number; problems: number }>();

function tally(generator: string, outcome: 'entries' | 'yamlErrors' | 'problems'): void {
  const counts = outcomes.get(generator) ?? { entries: 0, yamlErrors: 0, problems: 0 };
  counts[outcome]++;
  outcomes.set(generator, counts);
}

/** One call: entries or a ManifestError, within the limits; anything else fails. */
function parse(generator: string, text: string, requireNames: boolean): void {
  let entries: ManifestEntry[];
  try {
    entries = meter.measure('parseManifest', () => parseManifest(text, FILE, { requireNames }));
  } catch (thrown) {
    if (thrown instanceof CallLimitError)
      assert.fail(`${thrown.message}; input of ${text.length} characters`);
    if (!(thrown instanceof ManifestError)) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      assert.fail(`parseManifest threw ${error.name}: ${error.message}\n${error.stack ?? ''}`);
    }
    assertManifestError(thrown, text);
    const yaml = thrown.problems.some((p) => p.message.startsWith('not valid YAML'));
    tally(generator, yaml ? 'yamlErrors' : 'problems');
    return;
  }
  assertEntries(entries, text, requireNames);
  tally(generator, 'entries');
}

// ---------------------------------------------------------------------------------------------
// Scalars and keys
// ---------------------------------------------------------------------------------------------

const ENTRY_KEYS = [
  'name',
  'domains',
  'certificate',
  'certificate-chain',
  'private-key',
  'pkcs12',
  'pkcs12-password',
  'key-passphrase',
];
const TOP_KEYS = ['version', 'targets', 'certificates'];
const SOURCE_KEYS = ['env', 'file'];
const WRONG_KEYS = [
  'privat-key',
  'private_key',
  'privateKey',
  'Name',
  'NAME',
  'domain',
  'certificate_chain',
  'chain',
  'cert',
  'key',
  'pfx',
  'p12',
  'password',
  'enviroment',
  'environment',
  'path',
  'files',
  'certificate ',
  ' name',
  'name:',
  '<<',
  '?',
  '-',
  '',
  'null',
  '~',
  'true',
  '1',
  'version2',
  'certificates ',
];

const SPECIAL_SCALARS = [
  'example-com',
  'api',
  'a',
  'x'.repeat(63),
  'x'.repeat(64),
  '-leading',
  'a/b',
  'EXAMPLE_COM_KEY',
  '1VAR',
  'VAR-WITH-DASH',
  'certs/example.com/fullchain.pem',
  '../../etc/passwd',
  '/abs/path.pem',
  ' ',
  'example.com, www.example.com',
  '*.example.com',
  '*.*.example.com',
  'https://example.com/x',
  'xn--',
  'ëxample.com',
  '[::1]',
  '127.0.0.1',
  '1.2.3.4.5',
  '🙂',
  '\u0000',
  '\u202e',
  '\uFEFF',
];

const NUMBERS = [
  '1',
  '1.0',
  '01',
  '0x1',
  '0o1',
  '+1',
  '-0',
  '1e400',
  '-1e400',
  '99999999999999999999999999999999999999',
  '0x7fffffffffffffffffff',
  '.inf',
  '-.inf',
  '.nan',
  '1_000',
  '0b101',
  '2001-12-14t21:59:43.10-05:00',
];

const LITERALS = ['true', 'false', 'yes', 'no', 'on', 'null', '~', 'Null', 'NULL', ''];

/** Text YAML reads as one plain scalar in block and flow context alike. */
const SAFE_PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./-]*( [A-Za-z0-9_./-]+)*$/;

type YNode =
  | { kind: 'scalar'; text: string }
  | { kind: 'map'; entries: [string, YNode][]; flow: boolean }
  | { kind: 'seq'; items: YNode[]; flow: boolean }
  | { kind: 'alias'; name: string }
  | { kind: 'anchor'; name: string; node: YNode }
  | { kind: 'comment'; text: string; node: YNode };

interface Style {
  /** Spaces per level, or a tab. */
  indent: string;
  /** Lines moved left or right by a few spaces (or given a tab). */
  jitter: { line: number; by: number }[];
  /** Before the document: nothing, a BOM, a directive, a marker, a comment. */
  prologue: string;
  /** After it: nothing, a marker, a second document, a comment. */
  epilogue: string;
  eol: string;
}

type Weighted<T> = { weight: number; arbitrary: fc.Arbitrary<T> };

/** `fc.oneof` of the options, and of the wild ones too when `wild`. */
function pick<T>(wild: boolean, tame: Weighted<T>[], wildOnly: Weighted<T>[]): fc.Arbitrary<T> {
  return fc.oneof(...tame, ...(wild ? wildOnly : []));
}

/**
 * The YAML the structured generators write. `wild: false`: well-formed YAML (scalars plain only
 * where that reads as one scalar, distinct keys, even indentation), so that documents get past the
 * YAML parser into the manifest's own checks; `wild: true`: anything goes (raw scalars and keys,
 * tags, anchors on keys, duplicate keys, tabs, lines out of place, several documents).
 */
function grammar(wild: boolean): { document: fc.Arbitrary<YNode>; style: fc.Arbitrary<Style> } {
  const quoteUnlessSafe = (text: string) => (SAFE_PLAIN.test(text) ? text : JSON.stringify(text));

  const scalarText: fc.Arbitrary<string> = fc
    .tuple(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_SCALARS, ...ENTRY_KEYS, ...SOURCE_KEYS) },
        { weight: 2, arbitrary: fc.constantFrom(...NUMBERS, ...LITERALS) },
        { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
        { weight: 1, arbitrary: fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,20}$/) },
        { weight: 1, arbitrary: fc.domain() },
        { weight: 1, arbitrary: fc.nat({ max: 5000 }).map((n) => 'long-'.repeat(n)) },
      ),
      pick(
        wild,
        [
          {
            weight: 8,
            arbitrary: fc.constantFrom('plain', 'plain', 'double', 'single', 'literal', 'folded'),
          },
        ],
        [{ weight: 2, arbitrary: fc.constant('raw') }],
      ),
      pick(
        wild,
        [{ weight: 12, arbitrary: fc.constant('') }],
        [
          {
            weight: 2,
            arbitrary: fc.constantFrom('!!str ', '!!int ', '!!binary ', '!custom ', '!!map ', '!<tag:x> '),
          },
        ],
      ),
    )
    .map(([text, style, tag]) => {
      switch (style) {
        case 'plain':
          return `${tag}${quoteUnlessSafe(text)}`;
        case 'double':
          return `${tag}${JSON.stringify(text)}`;
        case 'single':
          return `${tag}'${text.replace(/'/g, "''")}'`;
        case 'literal':
        case 'folded':
          // The renderer indents the block's lines; tame blocks hold text that needs no indicator.
          if (!wild && !SAFE_PLAIN.test(text)) return JSON.stringify(text);
          return `${tag}${style === 'literal' ? '|' : '>'}\n${text}`;
        default:
          return `${tag}${text}`;
      }
    });

  const keyText: fc.Arbitrary<string> = pick(
    wild,
    [
      { weight: 6, arbitrary: fc.constantFrom(...ENTRY_KEYS, ...TOP_KEYS, ...SOURCE_KEYS) },
      { weight: 3, arbitrary: fc.constantFrom(...WRONG_KEYS).map(quoteUnlessSafe) },
      { weight: 1, arbitrary: fc.string({ maxLength: 16 }).map((k) => JSON.stringify(k)) },
      { weight: 1, arbitrary: fc.constantFrom(...NUMBERS, ...LITERALS).map(quoteUnlessSafe) },
    ],
    [
      { weight: 2, arbitrary: fc.constantFrom(...WRONG_KEYS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(...ENTRY_KEYS, ...WRONG_KEYS)
          .chain((k) => fc.constantFrom(`'${k}'`, `? ${k}\n`, `*${k || 'a'}`, `&k ${k}`)),
      },
    ],
  );

  /** Map entries with distinct keys; in the wild, now and then not. */
  const pairs = <V>(key: fc.Arbitrary<string>, value: fc.Arbitrary<V>, maxLength: number) =>
    pick<[string, V][]>(
      wild,
      [{ weight: 9, arbitrary: fc.uniqueArray(fc.tuple(key, value), { maxLength, selector: ([k]) => k }) }],
      [{ weight: 2, arbitrary: fc.array(fc.tuple(key, value), { maxLength }) }],
    );

  const anchorName = wild
    ? fc.constantFrom('a', 'b', 'key', 'x1', 'certificates', '*', '&')
    : fc.constantFrom('a', 'b', 'key', 'x1');
  const commentText = fc
    .string({ maxLength: 12 })
    .map((t) => (wild ? t : t.replace(/[\r\n\u2028\u2029\u0085]/g, ' ')));

  const tree = fc.letrec<{ node: YNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 6, arbitrary: scalarText.map((text): YNode => ({ kind: 'scalar', text })) },
      {
        weight: 2,
        arbitrary: fc
          .record({ entries: pairs(keyText, tie('node'), 6), flow: fc.boolean() })
          .map(({ entries, flow }): YNode => ({ kind: 'map', entries, flow })),
      },
      {
        weight: 2,
        arbitrary: fc
          .record({ items: fc.array(tie('node'), { maxLength: 5 }), flow: fc.boolean() })
          .map(({ items, flow }): YNode => ({ kind: 'seq', items, flow })),
      },
      { weight: wild ? 2 : 1, arbitrary: anchorName.map((name): YNode => ({ kind: 'alias', name })) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(anchorName, tie('node'))
          .map(([name, node]): YNode => ({ kind: 'anchor', name, node })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(commentText, tie('node'))
          .map(([text, node]): YNode => ({ kind: 'comment', text, node })),
      },
    ),
  })).node;

  /** `{ env: X }`, `{ file: Y }`, both, neither, a typo: the parts' shape. */
  /** `{ env: X }` or `{ file: Y }` as they should be, mostly. */
  const rightSource: fc.Arbitrary<YNode> = fc
    .tuple(
      fc.constantFrom('env', 'file'),
      fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: scalarText }),
      fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,20}$/),
      fc.constantFrom(
        'certs/a.pem',
        'x.p12',
        'a b/c.pem',
        '../up.pem',
        '/abs.pem',
        'certs/example.com/fullchain.pem',
      ),
      fc.boolean(),
    )
    .map(
      ([key, odd, variable, path, flow]): YNode => ({
        kind: 'map',
        flow,
        entries: [[key, { kind: 'scalar', text: odd ?? quoteUnlessSafe(key === 'env' ? variable : path) }]],
      }),
    );

  /** `{ env: X }`, `{ file: Y }`, both, neither, a typo: the parts' shape. */
  const sourceNode: fc.Arbitrary<YNode> = fc.oneof(
    { weight: 4, arbitrary: rightSource },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          pairs(
            fc.oneof(
              { weight: 12, arbitrary: fc.constantFrom(...SOURCE_KEYS) },
              { weight: 1, arbitrary: keyText },
            ),
            fc.oneof(
              {
                weight: 12,
                arbitrary: fc.constantFrom('EXAMPLE_COM_KEY', 'API_PFX', 'certs/a.pem', 'x.p12'),
              },
              { weight: 2, arbitrary: scalarText.map((text): YNode => ({ kind: 'scalar', text })) },
              { weight: 1, arbitrary: tree },
            ),
            2,
          ),
          fc.boolean(),
        )
        .map(
          ([entries, flow]): YNode => ({
            kind: 'map',
            flow,
            entries: entries.map(([k, v]): [string, YNode] => [
              k,
              typeof v === 'string' ? { kind: 'scalar', text: v } : v,
            ]),
          }),
        ),
    },
  );

  const entryValue = (key: string): fc.Arbitrary<YNode> => {
    if (key === 'name') {
      return fc
        .oneof(
          { weight: 8, arbitrary: fc.constantFrom('example-com', 'api', 'a', 'b.c_d-e', 'x'.repeat(63)) },
          { weight: 1, arbitrary: scalarText },
        )
        .map((text): YNode => ({ kind: 'scalar', text }));
    }
    if (key === 'domains') {
      return fc.oneof(
        scalarText.map((text): YNode => ({ kind: 'scalar', text })),
        fc.array(fc.oneof(fc.domain(), fc.constantFrom(...SPECIAL_SCALARS)), { maxLength: 5 }).map(
          (items): YNode => ({
            kind: 'seq',
            flow: true,
            items: items.map((text): YNode => ({ kind: 'scalar', text: JSON.stringify(text) })),
          }),
        ),
        tree,
      );
    }
    if (ENTRY_KEYS.includes(key))
      return fc.oneof({ weight: 8, arbitrary: sourceNode }, { weight: 1, arbitrary: tree });
    return tree;
  };

  /** Nearly right: a name, a certificate, a key, then perhaps more keys (right or wrong). */
  const plausibleKeys = fc
    .tuple(
      fc.constantFrom(
        ['name', 'certificate', 'private-key'],
        ['name', 'pkcs12', 'pkcs12-password'],
        ['certificate'],
      ),
      fc.uniqueArray(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ENTRY_KEYS) }, { weight: 1, arbitrary: keyText }),
        { maxLength: 3 },
      ),
    )
    .map(([base, more]) => [...new Set([...base, ...more])]);

  const anyKeys = (wild ? fc.array : fc.uniqueArray)(
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ENTRY_KEYS) }, { weight: 1, arbitrary: keyText }),
    { maxLength: 8 },
  );

  const entry: fc.Arbitrary<YNode> = fc
    .tuple(fc.oneof({ weight: 3, arbitrary: plausibleKeys }, { weight: 1, arbitrary: anyKeys }), fc.boolean())
    .chain(([keys, flow]) =>
      fc
        .tuple(...keys.map((key) => entryValue(key).map((value): [string, YNode] => [key, value])))
        .map((entries): YNode => ({ kind: 'map', flow, entries })),
    );

  const document: fc.Arbitrary<YNode> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record({
          version: fc.option(
            fc.oneof(
              { weight: 6, arbitrary: fc.constant('1') },
              { weight: 1, arbitrary: fc.constantFrom(...NUMBERS, ...LITERALS) },
              { weight: 1, arbitrary: scalarText },
            ),
            {
              nil: undefined,
            },
          ),
          entries: fc.array(entry, { maxLength: 5 }),
          extra: fc.oneof(
            { weight: 3, arbitrary: fc.constant([]) },
            {
              weight: 1,
              arbitrary: pairs(
                keyText.filter((k) => !TOP_KEYS.includes(k)),
                tree,
                2,
              ),
            },
          ),
          flow: fc.boolean(),
        })
        .map(
          ({ version, entries, extra, flow }): YNode => ({
            kind: 'map',
            flow: false,
            entries: [
              ...(version === undefined
                ? []
                : [['version', { kind: 'scalar', text: version }] as [string, YNode]]),
              ['certificates', { kind: 'seq', flow, items: entries }],
              ...extra,
            ],
          }),
        ),
    },
    { weight: 1, arbitrary: tree },
  );

  const style: fc.Arbitrary<Style> = fc.record({
    indent: pick(
      wild,
      [{ weight: 6, arbitrary: fc.constantFrom('  ', '    ', ' ', '   ') }],
      [{ weight: 2, arbitrary: fc.constantFrom('\t', ' \t', '\t ') }],
    ),
    jitter: pick<{ line: number; by: number }[]>(
      wild,
      [{ weight: 3, arbitrary: fc.constant([]) }],
      [
        {
          weight: 2,
          arbitrary: fc.array(fc.record({ line: fc.nat({ max: 60 }), by: fc.integer({ min: -3, max: 3 }) }), {
            minLength: 1,
            maxLength: 2,
          }),
        },
      ],
    ),
    prologue: pick(
      wild,
      [
        {
          weight: 6,
          arbitrary: fc.constantFrom('', '', '', '', '\uFEFF', '---\n', '%YAML 1.2\n---\n', '# c\n'),
        },
      ],
      [
        {
          weight: 2,
          arbitrary: fc.constantFrom('%YAML 1.1\n---\n', '--- ', '%TAG ! tag:x,2000:\n---\n', '...\n'),
        },
      ],
    ),
    epilogue: pick(
      wild,
      [{ weight: 6, arbitrary: fc.constantFrom('', '', '', '...\n', '# end', '\n\n\n') }],
      [{ weight: 2, arbitrary: fc.constantFrom('---\n', '---\nx: 1\n', '\u0000') }],
    ),
    eol: pick(
      wild,
      [{ weight: 6, arbitrary: fc.constantFrom('\n', '\n', '\n', '\r\n') }],
      [{ weight: 1, arbitrary: fc.constant('\r') }],
    ),
  });

  return { document, style };
}

const TAME = grammar(false);
const WILD = grammar(true);

function inline(node: YNode): string {
  switch (node.kind) {
    case 'scalar': {
      // A block scalar cannot stand inside flow: write its text quoted.
      const blockScalar = /^(!\S+ )?[|>]\n/.exec(node.text);
      return blockScalar
        ? JSON.stringify(node.text.slice(blockScalar[0].length))
        : node.text.replace(/\n/g, ' ');
    }
    case 'alias':
      return `*${node.name}`;
    case 'anchor':
      return `&${node.name} ${inline(node.node)}`;
    case 'comment':
      return inline(node.node);
    case 'map':
      return `{${node.entries.map(([k, v]) => `${k.replace(/\n/g, ' ')}: ${inline(v)}`).join(', ')}}`;
    case 'seq':
      return `[${node.items.map(inline).join(', ')}]`;
  }
}

/** Block style where asked for; what follows a key or a dash goes on the same line or below. */
function block(node: YNode, depth: number, unit: string): string[] {
  const pad = unit.repeat(depth);
  const child = (prefix: string, value: YNode): string[] => {
    const inner = value.kind === 'anchor' ? value.node : value;
    const anchor = value.kind === 'anchor' ? ` &${value.name}` : '';
    if (
      (inner.kind === 'map' || inner.kind === 'seq') &&
      !inner.flow &&
      (inner.kind === 'map' ? inner.entries.length : inner.items.length) > 0
    ) {
      return [`${pad}${prefix}${anchor}`, ...block(inner, depth + 1, unit)];
    }
    if (inner.kind === 'scalar' && /^(!\S+ )?[|>]\n/.test(inner.text)) {
      const [head, ...rest] = inner.text.split('\n');
      return [`${pad}${prefix}${anchor} ${head}`, ...rest.map((line) => `${pad}${unit}${line}`)];
    }
    if (inner.kind === 'comment')
      return [`${pad}# ${inner.text.replace(/[\r\n]/g, ' ')}`, ...child(prefix, inner.node)];
    return [`${pad}${prefix}${anchor} ${inline(inner)}`];
  };
  switch (node.kind) {
    case 'map':
      if (node.flow || node.entries.length === 0) return [`${pad}${inline(node)}`];
      return node.entries.flatMap(([key, value]) => child(`${key}:`, value));
    case 'seq':
      if (node.flow || node.items.length === 0) return [`${pad}${inline(node)}`];
      return node.items.flatMap((item) => child('-', item));
    case 'comment':
      return [`${pad}# ${node.text.replace(/[\r\n]/g, ' ')}`, ...block(node.node, depth, unit)];
    default:
      return [`${pad}${inline(node)}`];
  }
}

function render(tree: YNode, s: Style): string {
  const lines = block(tree, 0, s.indent);
  for (const { line, by } of s.jitter) {
    const i = line % lines.length;
    const text = lines[i] ?? '';
    lines[i] =
      by >= 0 ? `${by === 0 ? '\t' : ' '.repeat(by)}${text}` : text.replace(new RegExp(`^ {0,${-by}}`), '');
  }
  return `${s.prologue}${lines.join(s.eol)}${s.eol}${s.epilogue}`;
}

// ---------------------------------------------------------------------------------------------
// Valid manifests and edits
// ---------------------------------------------------------------------------------------------

const VALID = [
  `version: 1
targets:
  do-prod:    { provider: digitalocean, api-token: { env: DO_PROD_TOKEN } }
  dokploy-eu:
    provider: dokploy
    api-url: https://dokploy.eu.example.com
    api-token: { env: DOKPLOY_EU_KEY }
    reload-traefik: true
    keep-superseded: 2
certificates:
  - name: wildcard-example-com
    targets: [do-prod, dokploy-eu]
    certificate: { file: certs/wildcard/fullchain.pem }
    private-key: { env: WILDCARD_KEY }
  - name: b
    targets: [default, do-prod]
    certificate: { env: B_CERT }
`,
  `# yaml-language-server: $schema=./manifest.schema.json
version: 1
certificates:
  - name: example-com
    domains: [example.com, www.example.com]
    certificate: { file: certs/example.com/fullchain.pem }
    private-key: { env: EXAMPLE_COM_KEY }
  - name: api
    domains: api.example.com
    pkcs12: { env: API_PFX }               # base64 of the .p12 in a secret
    pkcs12-password: { env: API_PFX_PASSWORD }
`,
  `certificates:
- name: a
  domains:
  - a.example.com
  - "*.a.example.com"
  certificate:
    file: a/fullchain.pem
  certificate-chain:
    file: a/chain.pem
  private-key:
    env: A_KEY
  key-passphrase:
    env: A_PASSPHRASE
`,
  `{"version": 1, "certificates": [{"name": "j", "certificate": {"env": "J_CERT"}, "private-key": {"file": "j.key"}}]}`,
  `version: 1
certificates:
  - certificate: {file: only-cert.pem}
  - name: "quoted"
    domains: 'x.example.com, y.example.com'
    pkcs12: {file: site.p12}
    pkcs12-password: {file: site.pass}
`,
];

const YAML_FRAGMENTS = [
  ':',
  ': ',
  '- ',
  '-',
  '\t',
  '  ',
  '\n',
  '\n  ',
  '\n- ',
  '\r',
  '#',
  ' # c',
  '&a ',
  '*a',
  '&a',
  '<<: *a',
  '? ',
  '!!str ',
  '!!binary ',
  '!tag ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '|',
  '|-\n',
  '>',
  '%YAML 1.2\n',
  '%TAG ! tag:x,2000:\n',
  '---\n',
  '...\n',
  '@',
  '`',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '\\',
  'name: ',
  'certificates:',
  'env: X',
  'file: y',
  '{ env: A }',
  '1e400',
  '~',
  'null',
];

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; from: number; length: number; to: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'indentLine'; line: number; by: string }
  | { kind: 'dropLine'; line: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'replaceChar'; at: number; char: string };

const position = fc.nat({ max: 1 << 16 });

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert'),
      at: position,
      text: fc.oneof(fc.constantFrom(...YAML_FRAGMENTS), fc.string({ maxLength: 8 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete'),
      at: position,
      length: fc.integer({ min: 1, max: 40 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('duplicate'),
      from: position,
      length: fc.integer({ min: 1, max: 200 }),
      to: position,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines'), a: position, b: position }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('indentLine'),
      line: position,
      by: fc.constantFrom(' ', '  ', '\t', '   ', '-'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropLine'), line: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate'), at: position }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('replaceChar'),
      at: position,
      char: fc.oneof(
        fc.constantFrom(...':-#&*!|>{}[],"\'\t %@`?'),
        fc.string({ minLength: 1, maxLength: 1 }),
      ),
    }),
  },
);

function applyEdits(input: string, edits: readonly Edit[]): string {
  let t = input;
  for (const e of edits) {
    if (e.kind === 'replaceChar') {
      if (t.length === 0) continue;
      const i = e.at % t.length;
      t = t.slice(0, i) + e.char + t.slice(i + 1);
    } else if (e.kind === 'indentLine' || e.kind === 'dropLine') {
      const lines = t.split('\n');
      if (e.kind === 'indentLine') {
        const i = e.line % lines.length;
        lines[i] = e.by + lines[i];
      } else lines.splice(e.line % lines.length, 1);
      t = lines.join('\n');
    } else t = applyPlainEdit(t, e);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Huge input
// ---------------------------------------------------------------------------------------------

const entryLine = (i: number) =>
  `  - { name: n${i}, certificate: { env: CERT_${i} }, private-key: { file: k${i}.pem } }`;

const huge: fc.Arbitrary<{ kind: string; text: string }> = fc.oneof(
  fc.integer({ min: 50, max: 20_000 }).map((n) => ({
    kind: 'deep flow nesting',
    text: `certificates: ${'['.repeat(n)}${']'.repeat(n)}\n`,
  })),
  fc.integer({ min: 50, max: 20_000 }).map((n) => ({
    kind: 'deep flow nesting, unclosed',
    text: `certificates: ${'[{a: '.repeat(n)}\n`,
  })),
  fc.integer({ min: 50, max: 3_000 }).map((n) => ({
    kind: 'deep block nesting',
    text: `certificates:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 2)}- `).join('\n')}x\n`,
  })),
  fc.integer({ min: 50, max: 3_000 }).map((n) => ({
    kind: 'deep mapping nesting',
    text: `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}certificates:`).join('\n')} x\n`,
  })),
  fc.integer({ min: 1_000, max: 400_000 }).map((n) => ({
    kind: 'a very long name',
    text: `certificates:\n  - name: ${'a'.repeat(n)}\n    certificate: { env: A }\n`,
  })),
  fc.integer({ min: 1_000, max: 400_000 }).map((n) => ({
    kind: 'a very long key',
    text: `certificates:\n  - ${'k'.repeat(n)}: 1\n`,
  })),
  fc.integer({ min: 1_000, max: 400_000 }).map((n) => ({
    kind: 'a very long quoted key',
    text: `certificates:\n  - "${'privat-key'.repeat(n / 10)}": 1\n    name: a\n`,
  })),
  fc.integer({ min: 1_000, max: 400_000 }).map((n) => ({
    kind: 'a very long env name',
    text: `certificates:\n  - name: a\n    certificate: { env: ${'E'.repeat(n)} }\n`,
  })),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => ({
    kind: 'a very long comment and domains line',
    text: `# ${'#'.repeat(n)}\ncertificates:\n  - name: a\n    domains: ${'a.example.com, '.repeat(n / 15)}\n    certificate: { env: A }\n`,
  })),
  fc.integer({ min: 100, max: 5_000 }).map((n) => ({
    kind: 'many domains',
    text: `certificates:\n  - name: a\n    domains: [${Array.from({ length: n }, (_, i) => `d${i}.example.com`).join(', ')}]\n    certificate: { env: A }\n`,
  })),
  fc.integer({ min: MAX_ENTRIES - 5, max: MAX_ENTRIES * 3 }).map((n) => ({
    kind: 'many entries',
    text: `certificates:\n${Array.from({ length: n }, (_, i) => entryLine(i)).join('\n')}\n`,
  })),
  fc.integer({ min: 100, max: 3_000 }).map((n) => ({
    kind: 'many problems',
    text: `certificates:\n${Array.from({ length: n }, (_, i) => `  - { nme: n${i % 7}, certifcate: x }`).join('\n')}\n`,
  })),
  fc.integer({ min: 100, max: 3_000 }).map((n) => ({
    kind: 'many duplicate names',
    text: `certificates:\n${Array.from({ length: Math.min(n, MAX_ENTRIES) }, () => '  - { name: same, certificate: { env: A } }').join('\n')}\n`,
  })),
  fc.tuple(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 2, max: 10 })).map(([levels, fan]) => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < levels; i++)
      lines.push(
        `a${i}: &a${i} [${Array(fan)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push(`certificates: *a${levels - 1}`);
    lines.push(`version: *a${levels - 1}`);
    return { kind: 'alias bomb', text: `${lines.join('\n')}\n` };
  }),
  fc.tuple(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 2, max: 10 })).map(([levels, fan]) => {
    const lines = ['certificates:', '  - &e0 { name: a, certificate: { env: A } }'];
    for (let i = 1; i < levels; i++)
      lines.push(
        `  - &e${i} [${Array(fan)
          .fill(`*e${i - 1}`)
          .join(', ')}]`,
      );
    return { kind: 'alias bomb in the list', text: `${lines.join('\n')}\n` };
  }),
  fc.integer({ min: 100, max: 100_000 }).map((n) => ({
    kind: 'huge numbers',
    text: `version: ${'9'.repeat(n)}\ncertificates:\n  - name: ${'1'.repeat(Math.min(n, 60))}\n    certificate: { env: ${'7'.repeat(n)} }\n    domains: 1e${n}\n`,
  })),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => ({
    kind: 'one line of flow',
    text: `{certificates: [${Array.from({ length: n / 40 }, (_, i) => `{name: n${i}, certificate: {env: A}}`).join(', ')}]}`,
  })),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => ({ kind: 'tabs and spaces', text: ' \t'.repeat(n) })),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => ({ kind: 'many documents', text: '---\n'.repeat(n) })),
  fc
    .integer({ min: 1_000, max: 100_000 })
    .map((n) => ({ kind: 'many blank lines', text: `${'\n'.repeat(n)}certificates: x` })),
);

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

describe('manifest: fuzzing parseManifest with generated YAML', () => {
  after(() => {
    process.stdout.write(`${meter.report()}\n${oversized.report('oversized and endless manifests')}\n`);
  });

  it('the limits catch a call that spins and a call that sleeps', () => {
    const strict = new FuzzMeter('self-check', { ...CONFIG, cpuLimitMs: 20, wallLimitMs: 40 });
    strict.use('self-check', { generated: false });
    assert.throws(
      () =>
        strict.measure('spin', () => {
          const end = performance.now() + 60;
          while (performance.now() < end) {
            // busy
          }
        }),
      CallLimitError,
    );
    assert.throws(
      () => strict.measure('sleep', () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 80)),
      CallLimitError,
    );
    // A call's own error comes through: measured with the run's limits, not the strict ones, so a
    // busy machine (a cold parser, another process on the cores) cannot turn it into a time-out.
    const roomy = new FuzzMeter('self-check', CONFIG);
    roomy.use('self-check', { generated: false });
    assert.throws(
      () => roomy.measure('throw', () => parseManifest('certificates: 1', FILE, { requireNames: true })),
      ManifestError,
    );
    // And the contract checks do fail on what they must catch.
    assert.throws(() => assertLine(undefined, 'a\nb', 'x'));
    assert.throws(() => assertLine(3, 'a\nb', 'x'));
    assert.throws(() =>
      assertManifestError(new ManifestError(FILE, [{ line: 1, where: '', message: ' ' }]), 'x'),
    );
  });

  it('reads the valid manifests it damages', () => {
    meter.use('valid manifests', { generated: false });
    for (const text of VALID) {
      const entries = meter.measure('parseManifest', () =>
        parseManifest(text, FILE, { requireNames: false }),
      );
      assertEntries(entries, text, false);
    }
  });

  it('well-formed YAML from the manifest keys and wrong ones: entries or a ManifestError', () => {
    fc.assert(
      fc.property(
        TAME.document,
        TAME.style,
        fc.boolean(),
        meter.property('well-formed YAML', (tree, s, requireNames) =>
          parse('well-formed YAML', render(tree, s), requireNames),
        ),
      ),
      params(1500),
    );
  });

  it('wild YAML (raw scalars and keys, tags, tabs, lines out of place): entries or a ManifestError', () => {
    fc.assert(
      fc.property(
        WILD.document,
        WILD.style,
        fc.boolean(),
        meter.property('wild YAML', (tree, s, requireNames) =>
          parse('wild YAML', render(tree, s), requireNames),
        ),
      ),
      params(1000),
    );
  });

  it('valid manifests damaged by text edits: entries or a ManifestError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        meter.property('damaged valid manifests', (text, edits, requireNames) =>
          parse('damaged valid manifests', applyEdits(text, edits), requireNames),
        ),
      ),
      params(1500),
    );
  });

  it('YAML fragments, random text and random bytes: entries or a ManifestError', () => {
    const soup = fc.oneof(
      fc
        .array(
          fc.oneof(
            fc.constantFrom(...YAML_FRAGMENTS, ...ENTRY_KEYS, ...WRONG_KEYS),
            fc.string({ maxLength: 6 }),
          ),
          {
            maxLength: 60,
            size: 'max',
          },
        )
        .map((parts) => parts.join('')),
      fc.string({ maxLength: 300, size: 'max' }),
      fc.string({ unit: 'binary', maxLength: 300, size: 'max' }),
      fc.uint8Array({ maxLength: 600, size: 'max' }).map((b) => Buffer.from(b).toString('utf8')),
      fc.uint8Array({ maxLength: 600, size: 'max' }).map((b) => Buffer.from(b).toString('latin1')),
    );
    fc.assert(
      fc.property(
        soup,
        fc.boolean(),
        meter.property('fragments, text and bytes', (text, requireNames) =>
          parse('fragments, text and bytes', text, requireNames),
        ),
      ),
      params(1000),
    );
  });

  it('huge input (nesting, long lines, many entries, alias bombs): entries or a ManifestError, in time', () => {
    fc.assert(
      fc.property(
        huge,
        fc.boolean(),
        meter.property('huge input', ({ text }, requireNames) => parse('huge input', text, requireNames)),
      ),
      params(80),
    );
  });

  it('refuses endless and oversized manifests (/dev/zero, a FIFO, megabytes of entries) in bounded time and memory', async () => {
    const pki = await Pki.create();
    const folder = await mkdtemp(join(tmpdir(), 'cert-rotate-fuzz-manifest-'));
    try {
      const { leaf } = await pki.chain(0);
      const certificate = join(folder, 'leaf.pem');
      await writeFile(certificate, leaf.certPem);
      const one = (c: OversizeCase) =>
        checkOversize(c, certificate, { worst: oversized, meter, limits: CONFIG });
      meter.use('oversized and endless manifests (named)', { generated: false });
      for (const c of MANIFEST_CASES) await one(c);
      await fc.assert(
        fc.asyncProperty(oversizeManifestCase, async (c) => {
          meter.use('oversized and endless manifests');
          await one(c);
        }),
        params(8),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
      await pki.cleanup();
    }
  });

  it('ran every generated input, and says how many and how slow the slowest were', (t) => {
    const runs: [string, number][] = [
      ['well-formed YAML', 1500],
      ['wild YAML', 1000],
      ['damaged valid manifests', 1500],
      ['fragments, text and bytes', 1000],
      ['huge input', 80],
      ['oversized and endless manifests', 8],
    ];
    for (const [generator, numRuns] of runs) {
      const expected = Math.max(1, Math.round(numRuns * CONFIG.runFactor));
      if (meter.calls(generator) < expected) {
        t.diagnostic(`${generator}: ${meter.calls(generator)} of ${expected} (stopped by the time limit)`);
      }
      assert.ok(meter.calls(generator) > 0, `${generator} ran`);
    }
    for (const line of meter.report().split('\n')) t.diagnostic(line);
    for (const line of oversized.report('oversized and endless manifests').split('\n')) t.diagnostic(line);
    for (const [generator, o] of outcomes) {
      t.diagnostic(
        `  ${generator}: ${o.entries} read, ${o.problems} refused with checked problems, ${o.yamlErrors} not valid YAML`,
      );
    }
    // The structured and damaged documents get past the YAML parser into the checks, and some are read.
    for (const generator of ['well-formed YAML', 'damaged valid manifests']) {
      const o = outcomes.get(generator);
      assert.ok(o && o.entries > 0 && o.problems > 0, `${generator}: ${JSON.stringify(o)}`);
    }
  });
});
