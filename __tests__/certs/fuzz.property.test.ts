/**
 * Property-based robustness tests for the certificate engine: hostile and damaged input must never
 * make it throw, hang or quote a secret.
 *
 * 1. Random bytes and strings, and text assembled from PEM fragments, in every role: `checkBundle`
 *    never throws, fails with at least one error, and every finding is coded and explained.
 * 2. Real bundles made at test time (PEM chain + key, encrypted keys, PKCS#12 default and legacy),
 *    damaged by random edits of the text, of the DER inside PEM blocks and of the PKCS#12
 *    structure (iteration counts, chunked OCTET STRINGs, dropped MAC, repeated bags, re-computed
 *    MAC): no throw, no call over the limits, every finding coded, and nothing in the result
 *    (but `upload.privateKey`, when ok) holds a WINDOW-character piece of a secret.
 * 3. `openPkcs12` on damaged PKCS#12 bytes: a result object, never a throw, within the limits.
 * 4. Oversized and endless inputs, each run through settings, the loader, the checks and the
 *    outputs in a process of its own (test/support/oversize.ts): /dev/zero, /dev/urandom and a
 *    FIFO no one writes to as parts, files and values of BEGIN lines, PEM values and environment
 *    variables up to 60 MB, random files, names up to 10 MB long and lists of 300,000 names. Each
 *    is refused or reported within the call limits, with memory that does not grow with the input
 *    and a log, summary and `report` output of a few kilobytes; the worst CPU, wall time and peak
 *    RSS are printed at the end.
 *
 * Every call is timed: over FUZZ_CALL_LIMIT_MS of CPU time (default 1000: the "no call over 1 s"
 * target, measured with `process.cpuUsage()`, which a loaded machine does not inflate) or over
 * FUZZ_WALL_LIMIT_MS of wall time (default 5000: a call that sleeps or waits) fails. The number of
 * generated inputs and, per generator, the slowest call in CPU and in wall time are printed at the
 * end (with __tests__/audit/manifest-fuzz.property.test.ts: over 10,000 inputs a default run).
 *
 * Reproducible by default: a fixed seed, or FUZZ_SEED=<int> to explore; FUZZ_RUNS=<factor> scales the
 * number of runs (e.g. FUZZ_RUNS=10 for a long local session). fast-check prints the seed and path of
 * any counterexample; replay it with FUZZ_SEED and the `path` printed.
 *
 * Key-derivation work written into files is bounded to what the parsers would actually run: at most
 * 1.5 million rounds for PKCS#12 (forge, in JavaScript), 8 million PBKDF2 rounds or scrypt
 * N·r·p = 2^23 for encrypted keys (OpenSSL). forge and OpenSSL truncate longer INTEGERs to 32 bits,
 * and the generator only makes long INTEGERs whose low 32 bits are small. So a missing or bypassed
 * guard shows up as a call that fails the budget after seconds, not as a run that hangs for hours.
 * Structural tricks that hide such work from a guard (BER-chunked OCTET STRINGs, a dropped MAC,
 * repeated bags) are generated on purpose, not left to chance.
 */
import assert from 'node:assert/strict';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  pbkdf2Sync,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { BundleInput, CheckedBundle, CheckOptions } from '../../src/certs/bundle.ts';
import type { Role, SourceInput } from '../../src/certs/decode.ts';
import { MAX_PEM_BLOCKS } from '../../src/certs/pem.ts';
import { openPkcs12, type Pkcs12Result } from '../../src/certs/pkcs12.ts';
import { checkBundle } from '../../src/certs/validate.ts';
import { assertWellFormed } from '../../test/support/findings.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { pemBegin } from '../../test/support/pem-markers.ts';
import { loadPkcs12Support } from '../../src/certs/pkcs12-support.ts';
import { CallLimitError, FuzzMeter, readFuzzConfig } from '../audit/support.ts';
import { applyPlainEdit } from '../../test/support/text-edits.ts';
import {
  checkOversize,
  NAMED_CASES,
  type OversizeCase,
  oversizeCase,
  OversizeWorst,
} from '../../test/support/oversize.ts';

// Checking is synchronous; node-forge loads on demand (run() does this for the action).
await loadPkcs12Support();

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

const DEFAULT_SEED = 0x5eed_c3a7;
/**
 * FUZZ_SEED, FUZZ_RUNS, FUZZ_CALL_LIMIT_MS (CPU) and FUZZ_WALL_LIMIT_MS. The limits detect hangs;
 * they are no speed target (those live in the benchmarks): the work guards keep every call far
 * below a second of CPU, and an unguarded derivation of 2^31 iterations runs for minutes.
 */
const CONFIG = readFuzzConfig(process.env, DEFAULT_SEED);
const SEED = CONFIG.seed;
const RUN_FACTOR = CONFIG.runFactor;
/** Counts the generated inputs and keeps the slowest call of each generator: the figures to report. */
const meter = new FuzzMeter('fuzz (certificates: PEM, base64, DER, PKCS#12)', CONFIG);
/** The oversized and endless inputs' worst time and peak memory, each measured in its own process. */
const oversized = new OversizeWorst();

/** Length of the secret pieces looked for in results. */
const WINDOW = 16;
/**
 * A property stops after this long. Passing properties take a few seconds; the limit cuts short the
 * shrinking of slow counterexamples (each shrink step re-runs a call that takes seconds).
 */
const PROPERTY_TIME_LIMIT_MS = 20_000;

function params(numRuns: number): fc.Parameters<unknown> {
  return {
    seed: SEED,
    numRuns: Math.max(1, Math.round(numRuns * RUN_FACTOR)),
    plugins: [fc.interruptAfterTimeLimit(PROPERTY_TIME_LIMIT_MS * RUN_FACTOR)],
  };
}

const ROLES: readonly Role[] = ['certificate', 'private-key', 'chain', 'bundle', 'pkcs12'];

// ---------------------------------------------------------------------------------------------
// Assertions shared by the properties
// ---------------------------------------------------------------------------------------------

/** Run `fn`, turning a throw into a failure that says so, and fail when it takes too long (CPU or wall). */
function timed<T>(what: string, fn: () => T): T {
  try {
    return meter.measure(what, fn);
  } catch (thrown) {
    if (thrown instanceof CallLimitError) assert.fail(thrown.message);
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    assert.fail(`${what} threw ${error.name}: ${error.message}\n${error.stack ?? ''}`);
  }
}

/** Run checkBundle with a recording onSecret; check its contract whatever the input. */
function check(input: BundleInput, options: CheckOptions = {}): CheckedBundle {
  const secrets: string[] = [];
  const result = timed('checkBundle', () =>
    checkBundle(input, { ...options, onSecret: (secret) => secrets.push(secret) }),
  );
  assert.equal(typeof result.ok, 'boolean');
  assert.ok(Array.isArray(result.findings), 'findings is an array');
  assert.ok(Array.isArray(result.chain), 'chain is an array');
  assert.ok(Array.isArray(result.orderFound), 'orderFound is an array');
  for (const f of result.findings) assertWellFormed(f);
  const hasError = result.findings.some((f) => f.level === 'error');
  assert.equal(result.ok, !hasError, `ok is ${result.ok} but error findings: ${hasError}`);
  if (result.upload) {
    assert.ok(result.ok, 'upload texts on a failed check');
    assert.deepEqual(secrets, [result.upload.privateKey], 'the uploaded key was handed to onSecret');
  } else {
    assert.deepEqual(secrets, [], 'onSecret called without an upload');
  }
  return result;
}

/** Every WINDOW-character piece of the secrets, minus pieces that also occur in public material. */
class SecretWindows {
  readonly #windows = new Map<string, string>();
  /** Secrets no longer than a window: looked for whole. */
  readonly #short: [string, string][] = [];

  add(name: string, secret: string): void {
    if (secret.length <= WINDOW) {
      this.#short.push([secret, name]);
      return;
    }
    for (let i = 0; i + WINDOW <= secret.length; i++) this.#windows.set(secret.slice(i, i + WINDOW), name);
  }

  /**
   * What a public certificate holds is no secret: a key and a certificate share algorithm
   * identifiers (and an EC key holds its public point), and once an edit shifts a certificate's
   * bytes their base64 can line up with the key's. So: the certificate at all three alignments.
   */
  excludeDer(der: Buffer): void {
    for (let shift = 0; shift < 3; shift++) {
      const text = Buffer.concat([Buffer.alloc(shift), der]).toString('base64');
      for (let i = 0; i + WINDOW <= text.length; i++) this.#windows.delete(text.slice(i, i + WINDOW));
    }
  }

  /** The first secret piece found in `text`, if any. */
  find(text: string): { secret: string; at: number } | undefined {
    for (const [whole, secret] of this.#short) {
      const at = text.indexOf(whole);
      if (at !== -1) return { secret, at };
    }
    for (let i = 0; i + WINDOW <= text.length; i++) {
      const secret = this.#windows.get(text.slice(i, i + WINDOW));
      if (secret !== undefined) return { secret, at: i };
    }
    return undefined;
  }
}

/** Every string in a value, with its path (JSON-ish: `findings[2].message`). */
function* stringsIn(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* stringsIn(value[i], `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) yield* stringsIn(inner, path ? `${path}.${key}` : key);
  }
}

function assertNoSecrets(
  value: unknown,
  secrets: SecretWindows,
  allowed: ReadonlySet<string> = new Set(),
): void {
  for (const [path, text] of stringsIn(value, '')) {
    if (allowed.has(path)) continue;
    const leak = secrets.find(text);
    assert.equal(leak, undefined, `${path} quotes part of the ${leak?.secret} (at ${leak?.at}): ${text}`);
  }
}

// ---------------------------------------------------------------------------------------------
// DER: just enough to edit real structures and write them back with consistent lengths
// ---------------------------------------------------------------------------------------------

interface DerNode {
  tag: number;
  /** A constructed node's children. */
  children?: DerNode[];
  /** A primitive node's content. */
  content?: Buffer;
  /** A primitive OCTET STRING whose content is DER itself (PKCS#12 safes, X.509 extensions). */
  inner?: DerNode[];
}

function parseDer(bytes: Buffer, depth = 0): DerNode[] {
  const out: DerNode[] = [];
  let at = 0;
  while (at < bytes.length) {
    const tag = bytes[at]!;
    if ((tag & 0x1f) === 0x1f) throw new Error('high tag numbers are not handled');
    let length = bytes[at + 1];
    if (length === undefined) throw new Error('cut short');
    let start = at + 2;
    if (length & 0x80) {
      const octets = length & 0x7f;
      if (octets === 0 || octets > 4 || start + octets > bytes.length) throw new Error('bad length');
      length = 0;
      for (let i = 0; i < octets; i++) length = length * 256 + bytes[start + i]!;
      start += octets;
    }
    const end = start + length;
    if (end > bytes.length) throw new Error('overrun');
    const body = bytes.subarray(start, end);
    if (tag & 0x20) out.push({ tag, children: parseDer(body, depth + 1) });
    else {
      const node: DerNode = { tag, content: Buffer.from(body) };
      if (tag === 0x04 && body[0] === 0x30 && depth < 12) {
        try {
          node.inner = parseDer(body, depth + 1);
        } catch {
          // opaque content that happens to start like a SEQUENCE
        }
      }
      out.push(node);
    }
    at = end;
  }
  return out;
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let v = length; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function nodeBody(node: DerNode): Buffer {
  if (node.children) return encodeDer(node.children);
  if (node.inner) return encodeDer(node.inner);
  return node.content ?? Buffer.alloc(0);
}

function encodeDer(nodes: readonly DerNode[]): Buffer {
  return Buffer.concat(
    nodes.map((node) => {
      const body = nodeBody(node);
      return Buffer.concat([Buffer.from([node.tag & 0xff]), encodeLength(body.length), body]);
    }),
  );
}

function cloneNode(node: DerNode): DerNode {
  const copy: DerNode = { tag: node.tag };
  if (node.children) copy.children = node.children.map(cloneNode);
  if (node.content) copy.content = Buffer.from(node.content);
  if (node.inner) copy.inner = node.inner.map(cloneNode);
  return copy;
}

interface Located {
  node: DerNode;
  siblings: DerNode[];
}

/** Every node, depth first, with the array that holds it. */
function locate(nodes: DerNode[], out: Located[] = []): Located[] {
  for (const node of nodes) {
    out.push({ node, siblings: nodes });
    if (node.children) locate(node.children, out);
    if (node.inner) locate(node.inner, out);
  }
  return out;
}

const PBKDF2_OID = Buffer.from('2a864886f70d01050c', 'hex');

/**
 * Key-derivation iteration counts: an INTEGER right after an OCTET STRING salt (PBKDF2, PKCS#12
 * PBE, MacData), and whether it is PBKDF2's (inside an AlgorithmIdentifier for id-PBKDF2).
 */
function kdfSlots(
  nodes: readonly DerNode[],
  pbkdf2 = false,
  out: { node: DerNode; pbkdf2: boolean }[] = [],
): { node: DerNode; pbkdf2: boolean }[] {
  nodes.forEach((node, i) => {
    if (node.tag === 0x04 && nodes[i + 1]?.tag === 0x02) out.push({ node: nodes[i + 1]!, pbkdf2 });
    const first = node.children?.[0];
    const isPbkdf2 = pbkdf2 || (first?.tag === 0x06 && first.content?.equals(PBKDF2_OID) === true);
    if (node.children) kdfSlots(node.children, isPbkdf2, out);
    if (node.inner) kdfSlots(node.inner, false, out);
  });
  return out;
}

function iterationSlots(nodes: readonly DerNode[]): DerNode[] {
  return kdfSlots(nodes).map((slot) => slot.node);
}

/** Minimal two's-complement INTEGER content. */
function integerContent(value: bigint): Buffer {
  let bytes = 1;
  while (value >= 1n << BigInt(8 * bytes - 1) || value < -(1n << BigInt(8 * bytes - 1))) bytes++;
  const unsigned = value < 0n ? (1n << BigInt(8 * bytes)) + value : value;
  return Buffer.from(unsigned.toString(16).padStart(2 * bytes, '0'), 'hex');
}

/** PKCS#12 SafeBags: SEQUENCE { OBJECT IDENTIFIER 1.2.840.113549.1.12.10.1.x, … }. */
const SAFE_BAG_OID_PREFIX = Buffer.from('2a864886f70d010c0a01', 'hex');

function safeBags(nodes: DerNode[]): Located[] {
  return locate(nodes).filter(({ node }) => {
    const first = node.children?.[0];
    return (
      node.tag === 0x30 && first?.tag === 0x06 && first.content?.subarray(0, 10).equals(SAFE_BAG_OID_PREFIX)
    );
  });
}

// ---------------------------------------------------------------------------------------------
// PKCS#12 MAC: recomputed after an edit so that damage reaches the parsers behind the MAC check
// ---------------------------------------------------------------------------------------------

/** RFC 7292 appendix B.2 key derivation (the MAC key: id 3). */
function pkcs12Kdf(
  password: string,
  salt: Buffer,
  id: number,
  rounds: number,
  size: number,
  hash: string,
): Buffer {
  const u = createHash(hash).digest().length;
  const v = hash === 'sha384' || hash === 'sha512' ? 128 : 64;
  const pw = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) pw.writeUInt16BE(password.charCodeAt(i), i * 2);
  const fill = (data: Buffer): Buffer => {
    const out = Buffer.alloc(v * Math.ceil(data.length / v));
    for (let i = 0; i < out.length; i++) out[i] = data[i % data.length]!;
    return out;
  };
  const I = Buffer.concat([salt.length ? fill(salt) : Buffer.alloc(0), fill(pw)]);
  const D = Buffer.alloc(v, id);
  const chunks: Buffer[] = [];
  for (let produced = 0; produced < size; produced += u) {
    let A = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < rounds; r++) A = createHash(hash).update(A).digest();
    chunks.push(A);
    const B = fill(A.subarray(0, Math.min(A.length, v)));
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(chunks).subarray(0, size);
}

const MAC_HASHES: Record<string, string> = {
  '2b0e03021a': 'sha1',
  '608648016503040201': 'sha256',
  '608648016503040202': 'sha384',
  '608648016503040203': 'sha512',
};

/** Recompute PFX.macData for `password` (best effort: a structure the edits broke is left alone). */
function remac(tree: DerNode[], password: string): void {
  try {
    const pfx = tree[0]!.children!;
    const macData = pfx[2]?.children;
    if (!macData) return;
    const octet = pfx[1]!.children![1]!.children![0]!;
    const data = octet.children ? Buffer.concat(octet.children.map(nodeBody)) : nodeBody(octet);
    const [digestInfo, salt, count] = macData;
    const hash = MAC_HASHES[digestInfo!.children![0]!.children![0]!.content!.toString('hex')];
    const rounds = count ? Number.parseInt(count.content!.toString('hex') || '0', 16) : 1;
    if (!hash || !(rounds >= 1 && rounds <= 100_000)) return;
    const size = createHash(hash).digest().length;
    const key = pkcs12Kdf(password, salt!.content!, 3, rounds, size, hash);
    digestInfo!.children![1]!.content = createHmac(hash, key).update(data).digest();
  } catch {
    // the edits broke the structure the MAC lives in: leave it as it is
  }
}

// ---------------------------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------------------------

type ByteEdit =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'duplicate'; from: number; length: number; to: number }
  | { kind: 'truncate'; at: number };

type NodeAction =
  | 'flipTag'
  | 'setTag'
  | 'flipContent'
  | 'cutContent'
  | 'replaceContent'
  | 'delete'
  | 'duplicate'
  | 'empty'
  | 'swap';

type DerEdit =
  | { kind: 'node'; index: number; action: NodeAction; at: number; value: number; bytes: Uint8Array }
  /** A field of the first inner SEQUENCE (a certificate's TBSCertificate: names, validity, key), or its child. */
  | {
      kind: 'field';
      field: number;
      child: number | undefined;
      action: NodeAction;
      at: number;
      value: number;
      bytes: Uint8Array;
    }
  /** Set a KDF iteration count; `native` instead when the slot is a PBKDF2 one (a cheaper round). */
  | { kind: 'iterations'; slot: number; count: bigint; native?: bigint }
  | { kind: 'chunk'; index: number; cut: number }
  | { kind: 'dropMac' }
  | { kind: 'repeatBag'; index: number; times: number };

type TextEdit =
  | { kind: 'bodyChar'; nth: number; char: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; from: number; length: number; to: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'der'; block: number; der: DerEdit[]; bytes: ByteEdit[] };

function applyBytes(input: Buffer, edits: readonly ByteEdit[]): Buffer {
  let b = input;
  for (const e of edits) {
    const at = (n: number) => (b.length === 0 ? 0 : n % (b.length + 1));
    switch (e.kind) {
      case 'flip':
        if (b.length > 0) {
          b = Buffer.from(b);
          const i = e.at % b.length;
          b[i] = b[i]! ^ e.xor;
        }
        break;
      case 'delete': {
        const i = at(e.at);
        b = Buffer.concat([b.subarray(0, i), b.subarray(i + e.length)]);
        break;
      }
      case 'insert': {
        const i = at(e.at);
        b = Buffer.concat([b.subarray(0, i), e.bytes, b.subarray(i)]);
        break;
      }
      case 'duplicate': {
        const from = at(e.from);
        const piece = b.subarray(from, from + e.length);
        const to = at(e.to);
        b = Buffer.concat([b.subarray(0, to), piece, b.subarray(to)]);
        break;
      }
      case 'truncate':
        b = b.subarray(0, at(e.at));
        break;
    }
  }
  return b;
}

function applyDer(tree: DerNode[], edits: readonly DerEdit[]): void {
  for (const e of edits) {
    switch (e.kind) {
      case 'node': {
        const all = locate(tree);
        if (all.length === 0) break;
        const { node, siblings } = all[e.index % all.length]!;
        applyNodeAction(node, siblings, e);
        break;
      }
      case 'field': {
        let siblings = tree[0]?.children?.[0]?.children;
        if (!siblings || siblings.length === 0) break;
        let node = siblings[e.field % siblings.length]!;
        if (e.child !== undefined && node.children && node.children.length > 0) {
          siblings = node.children;
          node = siblings[e.child % siblings.length]!;
        }
        applyNodeAction(node, siblings, e);
        break;
      }
      case 'iterations': {
        const slots = kdfSlots(tree);
        if (slots.length === 0) break;
        const { node, pbkdf2 } = slots[e.slot % slots.length]!;
        node.content = integerContent(pbkdf2 && e.native !== undefined ? e.native : e.count);
        break;
      }
      case 'chunk': {
        // An OCTET STRING as BER chunks: what some encoders write, and what hides DER from a naive look.
        const octets = locate(tree).filter(({ node }) => node.tag === 0x04);
        if (octets.length === 0) break;
        chunkOctets(octets[e.index % octets.length]!.node, e.cut);
        break;
      }
      case 'dropMac': {
        const top = tree[0]?.children;
        if (top && top.length > 2) top.splice(2, 1);
        break;
      }
      case 'repeatBag': {
        const bags = safeBags(tree);
        if (bags.length === 0) break;
        const { node, siblings } = bags[e.index % bags.length]!;
        const copies = Array.from({ length: e.times }, () => cloneNode(node));
        siblings.splice(siblings.indexOf(node) + 1, 0, ...copies);
        break;
      }
    }
  }
}

function applyNodeAction(
  node: DerNode,
  siblings: DerNode[],
  e: { action: NodeAction; at: number; value: number; bytes: Uint8Array },
): void {
  const flatten = () => {
    if (node.inner) {
      node.content = encodeDer(node.inner);
      delete node.inner;
    }
  };
  switch (e.action) {
    case 'flipTag':
      node.tag ^= e.value % 0x1f || 1;
      break;
    case 'setTag':
      node.tag = e.value & 0xff;
      if ((node.tag & 0x1f) === 0x1f) node.tag ^= 0x01;
      break;
    case 'flipContent':
      flatten();
      if (node.content && node.content.length > 0) {
        node.content = Buffer.from(node.content);
        const i = e.at % node.content.length;
        node.content[i] = node.content[i]! ^ (e.value || 1);
      }
      break;
    case 'cutContent':
      flatten();
      if (node.content) node.content = node.content.subarray(0, e.at % (node.content.length + 1));
      else if (node.children) node.children = node.children.slice(0, e.at % (node.children.length + 1));
      break;
    case 'replaceContent':
      delete node.children;
      delete node.inner;
      node.tag &= ~0x20;
      node.content = Buffer.from(e.bytes);
      break;
    case 'delete':
      siblings.splice(siblings.indexOf(node), 1);
      break;
    case 'duplicate':
      siblings.splice(siblings.indexOf(node), 0, cloneNode(node));
      break;
    case 'empty':
      if (node.children) node.children = [];
      else {
        delete node.inner;
        node.content = Buffer.alloc(0);
      }
      break;
    case 'swap': {
      const i = siblings.indexOf(node);
      const j = (i + 1 + (e.at % Math.max(1, siblings.length - 1))) % siblings.length;
      siblings[i] = siblings[j]!;
      siblings[j] = node;
      break;
    }
  }
}

/** Positions of base64 characters outside BEGIN/END and header lines. */
function bodyPositions(text: string): number[] {
  const out: number[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (!line.includes('-----') && !line.includes(':')) {
      for (let i = 0; i < line.length; i++) if (/[A-Za-z0-9+/=_-]/.test(line[i]!)) out.push(lineStart + i);
    }
    lineStart += line.length + 1;
  }
  return out;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\n([\s\S]*?)-----END \1-----\n?/g;

function pemBlock(label: string, der: Buffer, headers: string): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${headers}${lines.map((l) => `${l}\n`).join('')}-----END ${label}-----\n`;
}

/** Decode one PEM block, edit its DER (structure, then bytes), encode it again. */
function editBlockDer(text: string, e: Extract<TextEdit, { kind: 'der' }>): string {
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) return text;
  const match = blocks[e.block % blocks.length]!;
  const [whole, label, body] = match as unknown as [string, string, string];
  const headerEnd = body.indexOf('\n\n');
  const headers = body.includes(':') && headerEnd !== -1 ? body.slice(0, headerEnd + 2) : '';
  let der: Buffer = Buffer.from(body.slice(headers.length).replace(/\s+/g, ''), 'base64');
  if (e.der.length > 0) {
    try {
      const tree = parseDer(der);
      applyDer(tree, e.der);
      der = encodeDer(tree);
    } catch {
      // not DER we can edit (an encrypted traditional key's ciphertext): bytes only
    }
  }
  der = applyBytes(der, e.bytes);
  return text.slice(0, match.index) + pemBlock(label, der, headers) + text.slice(match.index + whole.length);
}

function applyText(input: string, edits: readonly TextEdit[]): string {
  let t = input;
  for (const e of edits) {
    if (e.kind === 'bodyChar') {
      const positions = bodyPositions(t);
      if (positions.length === 0) continue;
      const i = positions[e.nth % positions.length]!;
      t = t.slice(0, i) + e.char + t.slice(i + 1);
    } else if (e.kind === 'der') t = editBlockDer(t, e);
    else t = applyPlainEdit(t, e);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const LABELS = [
  'CERTIFICATE',
  'X509 CERTIFICATE',
  'TRUSTED CERTIFICATE',
  'PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'DSA PRIVATE KEY',
  'EC PARAMETERS',
  'CERTIFICATE REQUEST',
  'NEW CERTIFICATE REQUEST',
  'PKCS7',
  'OPENSSH PRIVATE KEY',
  'PUBLIC KEY',
  'RSA PUBLIC KEY',
  'X509 CRL',
];

const label = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z0-9][A-Z0-9 #]{0,12}$/) },
);

const hex = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFabcdef'), maxLength: 40 });

const encryptionHeaders = fc
  .tuple(
    fc.constantFrom('4,ENCRYPTED', '4,ENCRYPTED ', 'ENCRYPTED', '4,', ''),
    fc.constantFrom('AES-256-CBC', 'AES-128-CBC', 'DES-EDE3-CBC', 'DES-CBC', 'RC2-40-CBC', 'NOPE', ''),
    hex,
  )
  .map(([proc, cipher, iv]) => `Proc-Type: ${proc}\nDEK-Info: ${cipher},${iv}\n\n`);

const base64Chunk = fc
  .uint8Array({ minLength: 1, maxLength: 64 })
  .map((b) => Buffer.from(b).toString('base64'));

/** Pieces PEM is made of (and secrets mangle it into). */
const fragment = fc.oneof(
  label.map((l) => `-----BEGIN ${l}-----`),
  label.map((l) => `-----END ${l}-----`),
  fc.constantFrom(
    '-----BEGIN ',
    '-----END ',
    '-----',
    '----',
    'BEGIN',
    '\n',
    '\n',
    '\\n',
    '\\r\\n',
    '\r\n',
    '\r',
    ' ',
    '\t',
    '    ',
    '\uFEFF',
    '=',
    '==',
    'Proc-Type: 4,ENCRYPTED\n',
    'DEK-Info: AES-256-CBC,',
    'Bag Attributes\n',
    '    friendlyName: leaf\n',
    'subject=CN=leaf.example.test\n',
    'MII',
    'MIIB',
  ),
  encryptionHeaders,
  base64Chunk,
  fc.base64String({ maxLength: 80 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
  hex,
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

const pemish = fc.array(fragment, { maxLength: 40, size: 'medium' }).map((parts) => parts.join(''));

/** A block that looks right: markers, optional headers, wrapped base64 of random bytes. */
const lookalikeBlock = fc
  .record({
    label,
    endLabel: fc.option(label, { nil: undefined }),
    headers: fc.option(encryptionHeaders, { nil: undefined }),
    body: fc.uint8Array({ maxLength: 400, size: 'max' }),
    width: fc.integer({ min: 1, max: 100 }),
    eol: fc.constantFrom('\n', '\r\n', '\\n', ' ', ''),
  })
  .map(({ label: l, endLabel, headers, body, width, eol }) => {
    const lines =
      Buffer.from(body)
        .toString('base64')
        .match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
    return [
      `-----BEGIN ${l}-----`,
      ...(headers ? [headers] : []),
      ...lines,
      `-----END ${endLabel ?? l}-----`,
      '',
    ].join(eol);
  });

/** Random but well-formed ASN.1: gets past "is it DER at all" into the X.509, key and PKCS#12 readers. */
const derTree: fc.Arbitrary<DerNode> = fc.letrec<{ node: DerNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .record({
        tag: fc.constantFrom(0x02, 0x04, 0x05, 0x06, 0x03, 0x0c, 0x13, 0x17, 0x18, 0x80, 0x81),
        content: fc.uint8Array({ maxLength: 40 }),
      })
      .map(({ tag, content }) => ({ tag, content: Buffer.from(content) })),
    fc
      .record({
        tag: fc.constantFrom(0x30, 0x31, 0xa0, 0xa1, 0xa3, 0x24),
        children: fc.array(tie('node'), { maxLength: 5 }),
      })
      .map(({ tag, children }) => ({ tag, children })),
  ),
})).node;

/** fast-check's default size keeps arrays and strings to ~10 items whatever maxLength says. */
const FULL = { size: 'max' } as const;

const hostileData: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 1024, ...FULL }),
  fc.uint8Array({ maxLength: 1024, ...FULL }).map((b) => Buffer.from(b).toString('base64')),
  fc.uint8Array({ maxLength: 512, ...FULL }).map((b) => Buffer.from(b).toString('latin1')),
  fc.uint8Array({ maxLength: 512, ...FULL }).map((b) => Buffer.from(b).toString('utf8')),
  fc.string({ maxLength: 200, ...FULL }),
  fc.string({ unit: 'binary', maxLength: 200, ...FULL }),
  pemish,
  pemish.map((s) => Buffer.from(s).toString('base64')),
  pemish.map((s): Uint8Array => Buffer.from(s)),
  fc.array(fc.oneof(lookalikeBlock, pemish), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('\n')),
  lookalikeBlock.map((s) => Buffer.from(s).toString('base64')),
  derTree.map((node): Uint8Array => encodeDer([node])),
  derTree.map((node) => encodeDer([node]).toString('base64')),
);

const hostileSource: fc.Arbitrary<SourceInput> = fc
  .record({
    role: fc.constantFrom(...ROLES),
    name: fc.constantFrom(
      'certificate',
      'private-key',
      'certificate-chain',
      'pkcs12',
      './certs/fullchain.pem',
    ),
    file: fc.option(fc.constantFrom('certs/fullchain.pem', 'x.p12'), { nil: undefined }),
    data: hostileData,
  })
  .map(({ file, ...rest }) => (file === undefined ? rest : { ...rest, file }));

const anyPassword = fc.option(fc.oneof(fc.string({ maxLength: 24 }), fc.constant('')), { nil: undefined });

const checkOptions: fc.Arbitrary<CheckOptions> = fc.record(
  {
    repairChain: fc.boolean(),
    requireKey: fc.boolean(),
    domains: fc.array(
      fc.oneof(
        fc.constant('leaf.example.test'),
        fc.constant('*.example.test'),
        fc.domain(),
        fc.ipV4(),
        fc.ipV6(),
        fc.string({ maxLength: 20 }),
      ),
      { maxLength: 2 },
    ),
    warnDays: fc.integer({ min: -5, max: 400 }),
    failDays: fc.integer({ min: -5, max: 60 }),
  },
  { requiredKeys: [] },
);

const position = fc.nat({ max: 1 << 20 });

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at: position, xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('delete'), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    kind: fc.constant('insert'),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 32 }),
  }),
  fc.record({
    kind: fc.constant('duplicate'),
    from: position,
    length: fc.integer({ min: 1, max: 256 }),
    to: position,
  }),
  fc.record({ kind: fc.constant('truncate'), at: position }),
);

/** forge runs the PKCS#12 KDF (the MAC, legacy bags) in JavaScript, 2.5–6.6 µs a round: 1.5 million is up to ~10 s. */
const PFX_ROUNDS = 1_500_000n;
/** PBKDF2 in PKCS#12 files (PBES2 bags), run natively: ~0.15 µs a round, 20 million is ~3 s. */
const PBKDF2_ROUNDS = 20_000_000n;
/** OpenSSL runs the PBKDF2 of encrypted keys natively, 0.15–0.3 µs a round: 8 million is ~1–2.5 s. */
const KEY_ROUNDS = 8_000_000n;

/**
 * Iteration counts as the parsers will see them, at most `max` rounds. Long INTEGERs keep their low
 * 32 bits small (and negative ones stay within 32 bits): forge and OpenSSL truncate counts to 32
 * bits, and the point is to check that the guards read them, not to hang CI. Unbiased: fast-check
 * would otherwise mostly pick small values.
 */
function iterationCount(max: bigint): fc.Arbitrary<bigint> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.bigInt({ min: 1n, max: 4096n }) },
    { weight: 3, arbitrary: fc.noBias(fc.bigInt({ min: 4097n, max: 1_000_000n })) },
    { weight: 2, arbitrary: fc.noBias(fc.bigInt({ min: 1_000_001n, max })) },
    // Negative counts stay within 32 bits: a longer one truncates to an arbitrary positive count.
    { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 31n), max: 0n }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.bigInt({ min: 1n, max: 2n ** 40n }), fc.noBias(fc.bigInt({ min: 0n, max })))
        .map(([high, low]) => (high << 32n) | low),
    },
  );
}

/** `arbitrary` `percent`% of the time, else undefined. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: 100 - percent, arbitrary: fc.constant(undefined) },
    { weight: percent, arbitrary },
  );
}

const nodeAction = fc.constantFrom<NodeAction>(
  'flipTag',
  'setTag',
  'flipContent',
  'flipContent',
  'cutContent',
  'replaceContent',
  'delete',
  'duplicate',
  'empty',
  'swap',
);

const nodeEdit: fc.Arbitrary<DerEdit> = fc.record({
  kind: fc.constant('node'),
  index: position,
  action: nodeAction,
  at: position,
  value: fc.integer({ min: 0, max: 255 }),
  bytes: fc.uint8Array({ maxLength: 24 }),
});

const fieldEdit: fc.Arbitrary<DerEdit> = fc.record({
  kind: fc.constant('field'),
  field: fc.nat({ max: 9 }),
  child: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
  action: nodeAction,
  at: position,
  value: fc.integer({ min: 0, max: 255 }),
  bytes: fc.uint8Array({ maxLength: 24 }),
});

/** Edits that make sense for any DER (certificates, keys). */
const derEdit: fc.Arbitrary<DerEdit> = fc.oneof(
  { weight: 4, arbitrary: nodeEdit },
  { weight: 3, arbitrary: fieldEdit },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('iterations'),
      slot: position,
      count: iterationCount(KEY_ROUNDS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('chunk'), index: position, cut: position }) },
);

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('bodyChar'),
      nth: position,
      char: fc.oneof(
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/='),
        fc.constantFrom('-', '_', '.', '*', ' ', '\n', '\\', '"', '\u00e9', ''),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete'),
      at: position,
      length: fc.integer({ min: 1, max: 80 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert'), at: position, text: fragment }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('duplicate'),
      from: position,
      length: fc.integer({ min: 1, max: 400 }),
      to: position,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate'), at: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines'), a: position, b: position }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('der'),
      block: position,
      der: fc.array(derEdit, { maxLength: 3 }),
      bytes: fc.array(byteEdit, { maxLength: 2 }),
    }),
  },
);

/** Cheap scrypt parameters for the key as made; the fuzzing raises them. */
const SCRYPT = { N: 1024, r: 8, p: 1 };

/**
 * A private key as PKCS#8 encrypted with PBES2 + scrypt + AES-256-CBC, as `openssl pkcs8 -topk8
 * -scrypt` writes it (Node can read these but not write them).
 */
function scryptEncrypted(keyPem: string, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = scryptSync(Buffer.from(passphrase), salt, 32, SCRYPT);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const plain = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'der' });
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  const oid = (hex: string): DerNode => ({ tag: 0x06, content: Buffer.from(hex, 'hex') });
  const int = (n: number): DerNode => ({ tag: 0x02, content: integerContent(BigInt(n)) });
  const seq = (...children: DerNode[]): DerNode => ({ tag: 0x30, children });
  const der = encodeDer([
    seq(
      seq(
        oid('2a864886f70d01050d'), // PBES2
        seq(
          seq(
            oid('2b06010401da47040b'), // id-scrypt
            seq({ tag: 0x04, content: salt }, int(SCRYPT.N), int(SCRYPT.r), int(SCRYPT.p), int(32)),
          ),
          seq(oid('60864801650304012a'), { tag: 0x04, content: iv }), // aes256-CBC
        ),
      ),
      { tag: 0x04, content: encrypted },
    ),
  ]);
  return pemBlock('ENCRYPTED PRIVATE KEY', der, '');
}

interface KdfCost {
  /** PBKDF2 iteration count. */
  count: bigint;
  /** scrypt cost (N), block size (r) and parallelisation (p). */
  scrypt: { N: bigint; r: bigint; p: bigint };
  /** Write the KDF salt as BER chunks, cut at this byte: OpenSSL reads it all the same. */
  berSalt: number | undefined;
}

/**
 * scrypt parameters up to N·r·p = 2^23 (OpenSSL: ~0.5 µs a unit, so at most ~4 s), plus some the
 * standard forbids (N not a power of two, zero, negative).
 */
const scryptCost = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 16 }))
      .chain(([logN, r]) =>
        fc
          .noBias(fc.integer({ min: 1, max: Math.max(1, Math.floor(2 ** 23 / (2 ** logN * r))) }))
          .map((p) => ({ N: 2n ** BigInt(logN), r: BigInt(r), p: BigInt(p) })),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      N: fc.bigInt({ min: -2n, max: 5000n }),
      r: fc.bigInt({ min: -1n, max: 64n }),
      p: fc.bigInt({ min: -1n, max: 64n }),
    }),
  },
);

const kdfCost: fc.Arbitrary<KdfCost> = fc.record({
  count: iterationCount(KEY_ROUNDS),
  scrypt: scryptCost,
  berSalt: sometimes(position, 30),
});

/** A primitive OCTET STRING as a constructed one of two chunks (BER), cut at `cut`. */
function chunkOctets(node: DerNode, cut: number): void {
  const body = nodeBody(node);
  const at = body.length === 0 ? 0 : cut % body.length;
  node.tag = 0x24;
  node.children = [
    { tag: 0x04, content: body.subarray(0, at) },
    { tag: 0x04, content: body.subarray(at) },
  ];
  delete node.content;
  delete node.inner;
}

/** Set the KDF parameters of an encrypted PKCS#8 key (PEM, or base64 DER): scrypt's, else PBKDF2's count. */
function setKeyKdf(text: string, cost: KdfCost): string {
  const edit = (der: Buffer): Buffer => {
    const tree = parseDer(der);
    const scrypt = locate(tree).find(
      ({ node }) =>
        node.children?.[0]?.tag === 0x04 &&
        node.children.slice(1, 4).filter((c) => c.tag === 0x02).length === 3,
    );
    if (scrypt) {
      const [, n, r, p] = scrypt.node.children!;
      n!.content = integerContent(cost.scrypt.N);
      r!.content = integerContent(cost.scrypt.r);
      p!.content = integerContent(cost.scrypt.p);
    } else applyDer(tree, [{ kind: 'iterations', slot: 0, count: cost.count }]);
    const salt = locate(tree).find(({ node, siblings }) => {
      return node.tag === 0x04 && siblings[siblings.indexOf(node) + 1]?.tag === 0x02;
    });
    if (salt && cost.berSalt !== undefined) chunkOctets(salt.node, cost.berSalt);
    return encodeDer(tree);
  };
  const block = [...text.matchAll(PEM_BLOCK)].find((b) => b[1] === 'ENCRYPTED PRIVATE KEY');
  if (!block) return edit(Buffer.from(text, 'base64')).toString('base64');
  const der = Buffer.from(block[2]!.replace(/\s+/g, ''), 'base64');
  return text.replace(block[0], pemBlock('ENCRYPTED PRIVATE KEY', edit(der), ''));
}

// ---------------------------------------------------------------------------------------------
// The real material, made at test time
// ---------------------------------------------------------------------------------------------

interface Material {
  root: Issued;
  inter: Issued;
  leaf: Issued;
  rsaLeaf: Issued;
  passphrase: string;
  pkcs8Encrypted: string;
  scryptEncrypted: string;
  traditionalEncrypted: string;
  p12Password: string;
  p12: { default: Buffer; legacy: Buffer };
  secrets: SecretWindows;
}

type PassChoice = 'right' | 'wrong' | 'none' | 'empty';

/** Wrong passwords that contain the right one: an echo of the given password would show. */
function password(right: string, choice: PassChoice): string | undefined {
  if (choice === 'none') return undefined;
  if (choice === 'empty') return '';
  if (choice === 'wrong') return `${right}\n`;
  return right;
}

const base64Body = (pem: string): string =>
  pem
    .split('\n')
    .filter((line) => !line.startsWith('-----') && !line.includes(':'))
    .join('');

/** Bases for the PEM edits: which text is edited, and the inputs around it. */
const PEM_BASES = [
  'fullchain',
  'key',
  'bundle',
  'pkcs8-encrypted',
  'pkcs8-encrypted-der',
  'scrypt-encrypted',
  'traditional-encrypted',
  'rsa-bundle',
] as const;
type PemBase = (typeof PEM_BASES)[number];

function pemBase(
  m: Material,
  base: PemBase,
): { text: string; build: (text: string, pass: PassChoice) => BundleInput } {
  const fullchain = m.leaf.certPem + m.inter.certPem;
  const src = (role: Role, data: string, name: string = role): SourceInput => ({ role, name, data });
  switch (base) {
    case 'fullchain':
      return {
        text: fullchain,
        build: (t) => ({ sources: [src('certificate', t), src('private-key', m.leaf.keyPem)] }),
      };
    case 'key':
      return {
        text: m.leaf.keyPem,
        build: (t) => ({ sources: [src('certificate', fullchain), src('private-key', t)] }),
      };
    case 'bundle':
      return { text: fullchain + m.leaf.keyPem, build: (t) => ({ sources: [src('bundle', t, 'bundle')] }) };
    case 'pkcs8-encrypted':
    case 'pkcs8-encrypted-der':
    case 'scrypt-encrypted':
    case 'traditional-encrypted': {
      const text =
        base === 'pkcs8-encrypted'
          ? m.pkcs8Encrypted
          : base === 'pkcs8-encrypted-der'
            ? Buffer.from(base64Body(m.pkcs8Encrypted), 'base64').toString('base64')
            : base === 'scrypt-encrypted'
              ? m.scryptEncrypted
              : m.traditionalEncrypted;
      return {
        text,
        build: (t, pass) => ({
          sources: [src('certificate', fullchain), src('private-key', t)],
          keyPassphrase: password(m.passphrase, pass),
        }),
      };
    }
    case 'rsa-bundle':
      return {
        text: m.rsaLeaf.certPem + m.inter.certPem + m.root.certPem + m.rsaLeaf.keyPem,
        build: (t) => ({ sources: [src('bundle', t, './certs/bundle.pem')] }),
      };
  }
}

interface PfxCase {
  flavour: 'default' | 'legacy';
  /** Set one key-derivation iteration count (a PBES2/PBE parameter or the MAC's). */
  iterations: { slot: number; count: bigint; native: bigint } | undefined;
  /** Move the key bag, with this PBKDF2 count, into the encrypted safe (default flavour only). */
  hideKeyBag: { count: bigint; under: 'password' | 'empty' } | undefined;
  /** Repeat a SafeBag (the shrouded key bag: one key derivation each). */
  repeatBag: { index: number; times: number } | undefined;
  /** Write the authSafe content as BER chunks, cut at this byte (Windows and Java write such files). */
  chunkAuthSafe: number | undefined;
  /** Drop MacData: forge then checks no integrity at all. */
  dropMac: boolean;
  der: DerEdit[];
  /** Recompute the MAC with the right password after the structural edits. */
  remac: boolean;
  bytes: ByteEdit[];
}

function damagedPfx(m: Material, c: PfxCase): Buffer {
  const tree = parseDer(m.p12[c.flavour]);
  if (c.hideKeyBag) hideKeyBag(tree, m.p12Password, c.hideKeyBag);
  const edits: DerEdit[] = [];
  if (c.iterations) edits.push({ kind: 'iterations', ...c.iterations });
  if (c.repeatBag) edits.push({ kind: 'repeatBag', ...c.repeatBag });
  edits.push(...c.der);
  if (c.dropMac) edits.push({ kind: 'dropMac' });
  applyDer(tree, edits);
  if (c.chunkAuthSafe !== undefined) chunkAuthSafe(tree, c.chunkAuthSafe);
  if (c.remac) remac(tree, m.p12Password);
  return applyBytes(encodeDer(tree), c.bytes);
}

const OID_DATA = '2a864886f70d010701';
const OID_ENCRYPTED_DATA = '2a864886f70d010706';

/**
 * Move the shrouded key bag out of the plaintext safe into the encrypted one (re-encrypted with that
 * safe's own PBES2 parameters), where no look at the file can see its KDF parameters before it is
 * decrypted: under the right password, or under the empty one with the MAC dropped, so that no
 * password at all is needed to reach the key bag's key derivation.
 */
function hideKeyBag(tree: DerNode[], password: string, hide: NonNullable<PfxCase['hideKeyBag']>): void {
  const safes = tree[0]?.children?.[1]?.children?.[1]?.children?.[0]?.inner?.[0]?.children;
  if (!safes) return;
  const oidOf = (ci: DerNode) => ci.children?.[0]?.content?.toString('hex');
  const encrypted = safes.find((ci) => oidOf(ci) === OID_ENCRYPTED_DATA);
  const data = safes.find((ci) => oidOf(ci) === OID_DATA);
  const bag = safeBags(data?.children?.[1]?.children?.[0]?.inner ?? [])[0]?.node;
  const safe = encrypted?.children?.[1]?.children?.[0]?.children?.[1]; // EncryptedContentInfo
  // EncryptedContentInfo { data, PBES2 AlgorithmIdentifier, [0] ciphertext }
  const safeCipher = pbes2Cipher(safe?.children?.[1], safe?.children?.[2]);
  // SafeBag { pkcs8ShroudedKeyBag, [0] EncryptedPrivateKeyInfo { PBES2 AlgorithmIdentifier, ciphertext } }
  const info = bag?.children?.[1]?.children?.[0];
  const bagCipher = pbes2Cipher(info?.children?.[0], info?.children?.[1]);
  if (!data || !bag || !safeCipher || !bagCipher) return;
  const under = hide.under === 'empty' ? '' : password;
  bagCipher.reencrypt(password, under);
  bagCipher.count.content = integerContent(hide.count);
  safeCipher.reencrypt(password, under, (contents) => contents[0]?.children?.push(bag));
  safes.splice(safes.indexOf(data), 1);
  if (hide.under === 'empty') tree[0]!.children!.splice(2, 1);
}

/** PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) as OpenSSL 3 writes it: re-encrypt under another password. */
function pbes2Cipher(algorithm: DerNode | undefined, ciphertext: DerNode | undefined) {
  const params = algorithm?.children?.[1];
  const [salt, count] = params?.children?.[0]?.children?.[1]?.children ?? [];
  const iv = params?.children?.[1]?.children?.[1]?.content;
  if (!salt?.content || !count?.content || !iv || !ciphertext?.content) return undefined;
  const rounds = Number.parseInt(count.content.toString('hex'), 16);
  const key = (pass: string) => pbkdf2Sync(pass, salt.content!, rounds, 32, 'sha256');
  return {
    count,
    reencrypt(from: string, to: string, edit?: (contents: DerNode[]) => void): void {
      const decipher = createDecipheriv('aes-256-cbc', key(from), iv);
      let plain: Buffer = Buffer.concat([decipher.update(ciphertext.content!), decipher.final()]);
      if (edit) {
        const contents = parseDer(plain);
        edit(contents);
        plain = encodeDer(contents);
      }
      const cipher = createCipheriv('aes-256-cbc', key(to), iv);
      ciphertext.content = Buffer.concat([cipher.update(plain), cipher.final()]);
    },
  };
}

/** PFX { version, authSafe ContentInfo { data, [0] { OCTET STRING } }, … }: that OCTET STRING as chunks. */
function chunkAuthSafe(tree: DerNode[], cut: number): void {
  const octet = tree[0]?.children?.[1]?.children?.[1]?.children?.[0];
  if (octet?.tag === 0x04) chunkOctets(octet, cut);
}

const pfxCase: fc.Arbitrary<PfxCase> = fc
  .record({
    flavour: fc.constantFrom('default', 'legacy'),
    iterations: sometimes(
      fc.record({ slot: position, count: iterationCount(PFX_ROUNDS), native: iterationCount(PBKDF2_ROUNDS) }),
      50,
    ),
    hideKeyBag: sometimes(
      fc.record({
        count: iterationCount(PBKDF2_ROUNDS),
        under: fc.constantFrom<'password' | 'empty'>('password', 'empty'),
      }),
      20,
    ),
    repeatBag: sometimes(
      fc.record({ index: position, times: fc.noBias(fc.integer({ min: 1, max: 120 })) }),
      20,
    ),
    chunkAuthSafe: sometimes(position, 30),
    dropMac: fc.oneof(
      { weight: 4, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    der: fc.array(nodeEdit, { maxLength: 2 }),
    remac: fc.oneof(
      { weight: 2, arbitrary: fc.constant(false) },
      { weight: 3, arbitrary: fc.constant(true) },
    ),
    bytes: fc.oneof(
      { weight: 7, arbitrary: fc.constant<ByteEdit[]>([]) },
      { weight: 3, arbitrary: fc.array(byteEdit, { minLength: 1, maxLength: 3 }) },
    ),
  })
  .filter(
    (c) =>
      c.iterations !== undefined ||
      c.hideKeyBag !== undefined ||
      c.repeatBag !== undefined ||
      c.chunkAuthSafe !== undefined ||
      c.dropMac ||
      c.der.length + c.bytes.length > 0,
  );

const passChoice = fc.constantFrom<PassChoice>('right', 'right', 'wrong', 'none', 'empty');

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

describe('certs: fuzzing the engine with hostile and damaged input', () => {
  let pki: Pki;
  let m: Material;

  before(async () => {
    pki = await Pki.create();
    const { root, intermediates, leaf } = await pki.chain(1);
    const inter = intermediates[0]!;
    const rsaLeaf = await pki.leaf(inter, { cn: 'rsa.example.test', key: { type: 'rsa', bits: 2048 } });
    const passphrase = randomBytes(18).toString('base64url');
    const p12Password = randomBytes(18).toString('base64url');
    const [pkcs8Encrypted, traditionalEncrypted, p12Default, p12Legacy] = await Promise.all([
      pki.encryptKey(leaf.keyPem, passphrase, 'pkcs8'),
      pki.encryptKey(leaf.keyPem, passphrase, 'traditional'),
      pki.pkcs12(leaf, { password: p12Password, chain: [inter] }),
      pki.pkcs12(leaf, { password: p12Password, chain: [inter], legacy: true }),
    ]);
    const scryptKey = scryptEncrypted(leaf.keyPem, passphrase);
    const secrets = new SecretWindows();
    secrets.add('leaf private key', base64Body(leaf.keyPem));
    secrets.add('RSA private key', base64Body(rsaLeaf.keyPem));
    secrets.add('encrypted PKCS#8 key', base64Body(pkcs8Encrypted));
    secrets.add('encrypted traditional key', base64Body(traditionalEncrypted));
    secrets.add('scrypt-encrypted key', base64Body(scryptKey));
    secrets.add('PKCS#12 file', p12Default.toString('base64'));
    secrets.add('legacy PKCS#12 file', p12Legacy.toString('base64'));
    secrets.add('key passphrase', passphrase);
    secrets.add('PKCS#12 password', p12Password);
    for (const cert of [root, inter, leaf, rsaLeaf]) secrets.excludeDer(cert.certDer);
    m = {
      root,
      inter,
      leaf,
      rsaLeaf,
      passphrase,
      pkcs8Encrypted,
      scryptEncrypted: scryptKey,
      traditionalEncrypted,
      p12Password,
      p12: { default: p12Default, legacy: p12Legacy },
      secrets,
    };
  });

  after(() => {
    process.stdout.write(`${meter.report()}\n${oversized.report('oversized and endless inputs')}\n`);
  });
  after(async () => {
    await pki?.cleanup();
  });

  it('reads every undamaged base (the edits start from valid bundles)', () => {
    meter.use('undamaged bases', { generated: false });
    for (const base of PEM_BASES) {
      const { text, build } = pemBase(m, base);
      const result = check(build(text, 'right'));
      assert.ok(result.ok, `${base}: ${result.findings.map((f) => f.code).join(', ')}`);
      assertNoSecrets(result, m.secrets, new Set(['upload.privateKey']));
    }
    for (const flavour of ['default', 'legacy'] as const) {
      const data = m.p12[flavour].toString('base64');
      const result = check({
        sources: [{ role: 'pkcs12', name: 'pkcs12', data }],
        pkcs12Password: m.p12Password,
      });
      assert.ok(result.ok, `${flavour} PKCS#12: ${result.findings.map((f) => f.code).join(', ')}`);
      // The DER tooling round-trips the real files byte for byte, and the MAC recomputation is right.
      const tree = parseDer(m.p12[flavour]);
      assert.ok(encodeDer(tree).equals(m.p12[flavour]), `${flavour}: DER round trip`);
      remac(tree, m.p12Password);
      assert.ok(encodeDer(tree).equals(m.p12[flavour]), `${flavour}: recomputed MAC`);
      assert.ok(iterationSlots(tree).length >= 3, `${flavour}: iteration counts found`);
    }
    // Moving the key bag into the encrypted safe keeps the file readable (so the knob is no no-op).
    for (const under of ['password', 'empty'] as const) {
      const tree = parseDer(m.p12.default);
      hideKeyBag(tree, m.p12Password, { count: 2048n, under });
      remac(tree, m.p12Password);
      const opened = openPkcs12(encodeDer(tree), under === 'empty' ? undefined : m.p12Password);
      assert.ok(
        opened.ok && opened.keys.length === 1,
        `key bag hidden under ${under}: ${JSON.stringify(opened)}`,
      );
    }
  });

  it('never throws on random input in any role, and fails it with coded, explained errors', () => {
    fc.assert(
      fc.property(
        fc.array(hostileSource, { minLength: 1, maxLength: 3 }),
        anyPassword,
        anyPassword,
        checkOptions,
        meter.property('hostile input in any role', (sources, keyPassphrase, pkcs12Password, options) => {
          const result = check({ sources, keyPassphrase, pkcs12Password }, options);
          assert.equal(result.ok, false, 'random input passed the check');
          assert.ok(
            result.findings.some((f) => f.level === 'error'),
            'no error-level finding',
          );
          assert.equal(result.upload, undefined);
        }),
      ),
      params(4000),
    );
  });

  it('reads many PEM blocks up to the bound, and refuses more at once with one finding', () => {
    const pieces = fc.constantFrom(
      '-----BEGIN A-----\n',
      '-----BEGIN CERTIFICATE-----\n',
      '-----BEGIN A-----\nAAAA\n-----END A-----\n',
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      `${pemBegin('PRIVATE KEY')}\nAAAA\n-----END CERTIFICATE-----\n`,
      'Bag Attributes\n',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { minLength: 1, maxLength: 4 }),
        // Under the bound (each piece one or two markers), and far over it (0.3–0.6 MB).
        fc.oneof(fc.integer({ min: 1, max: 40 }), fc.noBias(fc.integer({ min: 15_000, max: 20_000 }))),
        fc.constantFrom<Role>('bundle', 'certificate'),
        meter.property('large inputs of many PEM blocks', (cycle, count, role) => {
          const data = Array.from({ length: count }, (_, i) => cycle[i % cycle.length]).join('');
          const result = check({ sources: [{ role, name: 'bundle.pem', data }] });
          assert.equal(result.ok, false);
          const markers = Math.max(data.split('-----BEGIN ').length, data.split('-----END ').length) - 1;
          if (markers > MAX_PEM_BLOCKS) {
            assert.equal(result.findings.length, 1, JSON.stringify(result.findings.slice(0, 2)));
            assert.match(result.findings[0]!.message, new RegExp(`holds ${markers} PEM BEGIN or END lines`));
          } else {
            // One finding a block at most, repeats grouped: never more than the blocks.
            assert.ok(result.findings.length <= MAX_PEM_BLOCKS + 1, `${result.findings.length} findings`);
          }
        }),
      ),
      params(40),
    );
  });

  it('survives damaged PEM bundles and keys without throwing, hanging or quoting secrets', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PEM_BASES),
        sometimes(kdfCost, 30),
        fc.array(textEdit, { maxLength: 4 }),
        passChoice,
        checkOptions,
        meter.property('damaged PEM bundles and keys', (base, cost, edits, pass, options) => {
          const { text, build } = pemBase(m, base);
          const pkcs8 =
            base === 'pkcs8-encrypted' || base === 'pkcs8-encrypted-der' || base === 'scrypt-encrypted';
          fc.pre(edits.length > 0 || (pkcs8 && cost !== undefined));
          const start = pkcs8 && cost !== undefined ? setKeyKdf(text, cost) : text;
          const result = check(build(applyText(start, edits), pass), options);
          assertNoSecrets(result, m.secrets, result.ok ? new Set(['upload.privateKey']) : new Set());
        }),
      ),
      params(2000),
    );
  });

  it('survives damaged PKCS#12 files (bytes, structure, iteration counts) in checkBundle', () => {
    fc.assert(
      fc.property(
        pfxCase,
        fc.constantFrom('base64', 'base64-wrapped', 'base64-text-edits', 'bytes'),
        fc.array(textEdit, { minLength: 1, maxLength: 2 }),
        fc.constantFrom<Role>('pkcs12', 'pkcs12', 'bundle', 'certificate'),
        passChoice,
        meter.property('damaged PKCS#12 in checkBundle', (c, encoding, textEdits, role, pass) => {
          const bytes = damagedPfx(m, c);
          const data =
            encoding === 'bytes'
              ? new Uint8Array(bytes)
              : encoding === 'base64-wrapped'
                ? (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\n')
                : encoding === 'base64-text-edits'
                  ? applyText(bytes.toString('base64'), textEdits)
                  : bytes.toString('base64');
          const result = check({
            sources: [{ role, name: role === 'pkcs12' ? 'pkcs12' : 'certificate', data }],
            pkcs12Password: password(m.p12Password, pass),
          });
          assertNoSecrets(result, m.secrets, result.ok ? new Set(['upload.privateKey']) : new Set());
        }),
      ),
      params(1000),
    );
  });

  it('openPkcs12 returns a result for damaged PKCS#12 bytes, never a throw or a hang', () => {
    fc.assert(
      fc.property(
        pfxCase,
        passChoice,
        meter.property('damaged PKCS#12 in openPkcs12', (c, pass) => {
          const bytes = damagedPfx(m, c);
          const result: Pkcs12Result = timed('openPkcs12', () =>
            openPkcs12(bytes, password(m.p12Password, pass)),
          );
          assert.equal(typeof result, 'object');
          if (result.ok) {
            assert.ok(Array.isArray(result.certificates) && result.certificates.every(Buffer.isBuffer));
            assert.ok(Array.isArray(result.keys) && result.keys.every(Buffer.isBuffer));
          } else {
            assert.ok(
              ['invalid', 'password-needed', 'password-wrong', 'unsupported'].includes(result.failure),
            );
            assert.equal(typeof result.detail, 'string');
            assertNoSecrets(result.detail, m.secrets);
          }
        }),
      ),
      params(800),
    );
  });

  it('refuses oversized and endless inputs (devices, pipes, huge values, files and names) in bounded time and memory', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cert-rotate-fuzz-oversize-'));
    const certificate = join(folder, 'leaf.pem');
    await writeFile(certificate, m.leaf.certPem);
    const one = (c: OversizeCase) =>
      checkOversize(c, certificate, { worst: oversized, meter, limits: CONFIG });
    try {
      meter.use('oversized and endless inputs (named)', { generated: false });
      for (const c of NAMED_CASES) await one(c);
      await fc.assert(
        fc.asyncProperty(oversizeCase, async (c) => {
          meter.use('oversized and endless inputs');
          await one(c);
        }),
        params(12),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('ran every generated input, and says how many and how slow the slowest were', (t) => {
    const runs: [string, number][] = [
      ['hostile input in any role', 4000],
      ['oversized and endless inputs', 12],
      ['large inputs of many PEM blocks', 40],
      ['damaged PEM bundles and keys', 2000],
      ['damaged PKCS#12 in checkBundle', 1000],
      ['damaged PKCS#12 in openPkcs12', 800],
    ];
    for (const [generator, numRuns] of runs) {
      const expected = Math.max(1, Math.round(numRuns * RUN_FACTOR));
      // Fewer only when a property hit PROPERTY_TIME_LIMIT_MS (a very slow machine): said, not failed.
      if (meter.calls(generator) < expected) {
        t.diagnostic(`${generator}: ${meter.calls(generator)} of ${expected} (stopped by the time limit)`);
      }
      assert.ok(meter.calls(generator) > 0, `${generator} ran`);
    }
    for (const line of meter.report().split('\n')) t.diagnostic(line);
    for (const line of oversized.report('oversized and endless inputs').split('\n')) t.diagnostic(line);
  });
});
