/**
 * PEM as it really arrives in secrets: CRLF line ends, indentation from YAML, literal `\n`
 * escapes from JSON or .env files, a whole block squeezed onto one line, `Bag Attributes`
 * text from `openssl pkcs12`, several blocks at once. This file turns such text into clean
 * blocks (label, DER, the line they start on) and says precisely what it could not read.
 */

export interface PemBlock {
  label: string;
  /** The bytes between the markers, base64-decoded. */
  der: Buffer;
  /** `Proc-Type` / `DEK-Info` of an old-style encrypted key, when present. */
  encryptionHeaders?: { procType: string; dekInfo: string };
  /** 1-based line of the BEGIN marker in the normalised text. */
  line: number;
}

export type PemProblem =
  | { kind: 'truncated'; label: string; line: number }
  | { kind: 'mismatched'; label: string; endLabel: string; line: number }
  | { kind: 'bad-base64'; label: string; line: number }
  /** An END line no BEGIN line opened: the BEGIN line is damaged (`line` is the END line's). */
  | { kind: 'no-begin'; label: string; line: number };

export interface PemScan {
  blocks: PemBlock[];
  problems: PemProblem[];
  /** More BEGIN (or END) lines than MAX_PEM_BLOCKS: how many. Then nothing was read. */
  tooMany?: number;
}

/**
 * A bundle is a leaf, a few intermediates and a key; even a CA's whole chain collection is a few
 * dozen. More blocks is some other file, or text made to be slow: one finding each would print
 * megabytes (a 1.7 MB value of BEGIN lines made 60,000 findings and a 14.7 MB summary).
 */
export const MAX_PEM_BLOCKS = 64;

const BEGIN = /-----BEGIN ([A-Z0-9][A-Z0-9 #]*?)-----/g;
const END = /-----END ([A-Z0-9][A-Z0-9 #]*?)-----/y;
const ANY_END = /-----END ([A-Z0-9][A-Z0-9 #]*?)-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const ENCRYPTION_HEADERS = /^\s*Proc-Type:\s*(\S+)\s+DEK-Info:\s*(\S+)\s+/;

/**
 * The text of a file, or undefined for binary data (DER, PKCS#7, PKCS#12). UTF-8, with or without
 * a byte-order mark, and UTF-16 with one: Windows PowerShell 5.1's `>` and `Out-File` write
 * UTF-16 LE with a BOM, so `Get-Content cert.pem > copy.pem` makes one. Linear in the size, which
 * the file reader bounds.
 */
export function textOf(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), false);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), true);
  // DER always starts with a SEQUENCE; text never holds a NUL.
  if (bytes.length > 0 && bytes[0] === 0x30 && bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function utf16(bytes: Uint8Array, bigEndian: boolean): string | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const little = Buffer.from(bytes);
  if (bigEndian) little.swap16();
  try {
    const text = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(little);
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * Undo what storage did to the text. Literal `\n` escapes are only expanded when the text holds a
 * PEM marker and no real line breaks around it, so a base64 value that happens to contain `\n`
 * characters is never rewritten.
 */
export function normaliseText(text: string): string {
  let out = text.replace(/^\uFEFF/, '');
  if (out.includes('-----BEGIN') && /\\[rn]/.test(out)) {
    out = out.replace(/\\r\\n|\\n|\\r/g, '\n');
  }
  return out.replace(/\r\n?/g, '\n');
}

export function containsPemMarker(text: string): boolean {
  return text.includes('-----BEGIN ');
}

/** The 1-based line of an offset, found by halving over the line breaks (counted once). */
function lineCounter(text: string): (index: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (index) => {
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (breaks[middle]! < index) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}

/**
 * Find every PEM block in already-normalised text. Text outside blocks is ignored. Linear in the
 * text: markers and line breaks are found once, not searched for again per block.
 */
export function scanPem(text: string): PemScan {
  const blocks: PemBlock[] = [];
  const problems: PemProblem[] = [];
  const markers = Math.max(occurrences(text, '-----BEGIN '), occurrences(text, '-----END '));
  if (markers > MAX_PEM_BLOCKS) return { blocks, problems, tooMany: markers };
  const lineAt = lineCounter(text);
  const begins = [...text.matchAll(BEGIN)];
  const endMarkers = [...text.matchAll(/-----END /g)].map((m) => m.index);
  let nextEnd = 0;
  const ended = new Set<number>();
  for (let i = 0; i < begins.length; i++) {
    const begin = begins[i]!;
    const label = begin[1]!;
    const line = lineAt(begin.index);
    const bodyStart = begin.index + begin[0].length;
    const nextBegin = begins[i + 1]?.index ?? text.length;
    while (nextEnd < endMarkers.length && endMarkers[nextEnd]! < bodyStart) nextEnd++;
    const endAt = endMarkers[nextEnd] ?? -1;
    if (endAt === -1 || endAt > nextBegin) {
      problems.push({ kind: 'truncated', label, line });
      continue;
    }
    END.lastIndex = endAt;
    const end = END.exec(text);
    if (!end) {
      problems.push({ kind: 'truncated', label, line });
      continue;
    }
    ended.add(endAt);
    if (end[1] !== label) {
      problems.push({ kind: 'mismatched', label, endLabel: end[1]!, line });
      continue;
    }
    let body = text.slice(bodyStart, endAt);
    const block: PemBlock = { label, der: Buffer.alloc(0), line };
    const headers = ENCRYPTION_HEADERS.exec(body);
    if (headers) {
      block.encryptionHeaders = { procType: headers[1]!, dekInfo: headers[2]! };
      body = body.slice(headers[0].length);
    }
    const compact = body.replace(/\s+/g, '');
    if (!BASE64.test(compact) || compact.length % 4 === 1) {
      problems.push({ kind: 'bad-base64', label, line });
      continue;
    }
    block.der = Buffer.from(compact, 'base64');
    if (block.der.length === 0) {
      problems.push({ kind: 'bad-base64', label, line });
      continue;
    }
    blocks.push(block);
  }
  for (const end of text.matchAll(ANY_END)) {
    if (!ended.has(end.index)) problems.push({ kind: 'no-begin', label: end[1]!, line: lineAt(end.index) });
  }
  return { blocks, problems };
}

/** How often `word` occurs in `text`: a count, with nothing kept per occurrence. */
function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) count++;
  return count;
}

/** The canonical text of a block: what OpenSSL (and so Node) reads without complaint. */
export function toPem(label: string, der: Uint8Array, block?: Pick<PemBlock, 'encryptionHeaders'>): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  const headers = block?.encryptionHeaders
    ? `Proc-Type: ${block.encryptionHeaders.procType}\nDEK-Info: ${block.encryptionHeaders.dekInfo}\n\n`
    : '';
  return `-----BEGIN ${label}-----\n${headers}${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Decode a value that may be base64 (standard or URL-safe, wrapped or not). Returns undefined
 * when the text is not plausibly base64, so callers can say "not PEM, not base64".
 */
export function decodeBase64(text: string): Buffer | undefined {
  const pieces = text.split(/\s+/).filter(Boolean);
  // Encoders break lines between 4-character groups only; words of prose break anywhere.
  if (pieces.slice(0, -1).some((piece) => piece.length % 4 !== 0)) return undefined;
  const compact = pieces.join('');
  if (compact.length < 8 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
    return undefined;
  }
  const bytes = Buffer.from(compact, 'base64');
  return bytes.length > 0 ? bytes : undefined;
}
