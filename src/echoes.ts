/**
 * Finding a secret that comes back in text we did not write: a provider's error reply that
 * echoes the request (a private key, the API token). Exact matching is not enough: the echo may
 * escape `/` as `\/` (PHP's JSON default) or every character as `\u00XX`, re-wrap the key at 76
 * columns, quote only a slice of it, split it into short pieces, or space a token out. So both
 * the secret and the text are first brought to one form (`normalise`: escapes undone, white
 * space dropped, one case, one base64 alphabet), and then every 16-character window of the
 * text is looked up among the windows of the secrets: any hit means part of a secret is there.
 *
 * Linear in the text: a rolling hash over the windows, a string compare only on a hash hit.
 */

/** The length of a run of a secret that counts as a leak: the key-leak canary's window. */
export const WINDOW = 16;
/** Secrets shorter than a window are looked for whole, but not below this: "abc" is in everything. */
const MIN_WHOLE = 8;
/** Escapes inside escapes (JSON quoted in a JSON message) are undone this many layers deep. */
const MAX_LAYERS = 3;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  plus: '+',
  equals: '=',
};
const ESCAPES: Record<string, string> = { b: '', f: '', n: '', r: '', t: '', '"': '"', '\\': '\\', '/': '/' };
const ENCODED =
  /\\u([0-9a-fA-F]{4})|\\(["\\/bfnrt])|%([0-9a-fA-F]{2})|&#[xX]([0-9a-fA-F]{1,6});|&#(\d{1,7});|&(amp|lt|gt|quot|apos|sol|plus|equals);|<br\s*\/?>|\s+/g;

/**
 * Text as a secret in it would read once its encodings are undone: JSON and URL escapes, HTML
 * entities and line breaks, white space squeezed out, lowercase, base64url read as base64.
 * Only for comparing: the result is never shown.
 */
export function normalise(text: string): string {
  let out = text;
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    const next = out.replace(
      ENCODED,
      (_all, u?: string, esc?: string, pct?: string, hex?: string, dec?: string, named?: string) => {
        let char = '';
        if (u !== undefined) char = String.fromCharCode(Number.parseInt(u, 16));
        else if (esc !== undefined) char = ESCAPES[esc] ?? '';
        else if (pct !== undefined) char = String.fromCharCode(Number.parseInt(pct, 16));
        else if (hex !== undefined) char = safeCodePoint(Number.parseInt(hex, 16));
        else if (dec !== undefined) char = safeCodePoint(Number(dec));
        else if (named !== undefined) char = ENTITIES[named] ?? '';
        return /\s/.test(char) ? '' : char;
      },
    );
    if (next === out) break;
    out = next;
  }
  return out.toLowerCase().replace(/-/g, '+').replace(/_/g, '/');
}

function safeCodePoint(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

const BASE = 31;
/** BASE ** (WINDOW - 1), modulo 2^32: what the character leaving the window weighed. */
const TOP = (() => {
  let p = 1;
  for (let i = 1; i < WINDOW; i++) p = Math.imul(p, BASE);
  return p;
})();

/** The windows of every secret added, and the short secrets whole. */
export class SecretWindows {
  private readonly windows = new Set<string>();
  private readonly hashes = new Set<number>();
  private readonly whole = new Set<string>();

  /** A secret, already in the form it would be seen in (see `secretForms`). */
  add(form: string): void {
    const text = normalise(form);
    if (text.length < WINDOW) {
      if (text.length >= MIN_WHOLE) this.whole.add(text);
      return;
    }
    for (let i = 0; i + WINDOW <= text.length; i++) {
      const window = text.slice(i, i + WINDOW);
      if (this.windows.has(window)) continue;
      this.windows.add(window);
      this.hashes.add(hashOf(window));
    }
  }

  get size(): number {
    return this.windows.size + this.whole.size;
  }

  /** Whether any window of a secret (or a short secret whole) is in `text`, however it is encoded. */
  foundIn(text: string): boolean {
    if (this.size === 0) return false;
    const plain = normalise(text);
    for (const secret of this.whole) if (plain.includes(secret)) return true;
    if (this.windows.size === 0 || plain.length < WINDOW) return false;
    let hash = hashOf(plain.slice(0, WINDOW));
    for (let i = 0; ; i++) {
      if (this.hashes.has(hash) && this.windows.has(plain.slice(i, i + WINDOW))) return true;
      if (i + WINDOW >= plain.length) return false;
      hash = (Math.imul(hash - Math.imul(plain.charCodeAt(i), TOP), BASE) + plain.charCodeAt(i + WINDOW)) | 0;
    }
  }
}

function hashOf(window: string): number {
  let hash = 0;
  for (let i = 0; i < window.length; i++) hash = (Math.imul(hash, BASE) + window.charCodeAt(i)) | 0;
  return hash;
}

const PEM_MARKER = /-----(?:BEGIN|END) [A-Z0-9 ]+-----/g;

/**
 * The forms in which a secret's content would be recognised: a PEM text by its base64 body
 * (without markers and headers, whatever its line breaks) and the hex of the bytes it encodes;
 * anything else (a token, a passphrase) as it is.
 */
export function secretForms(value: string): string[] {
  const text = value.replace(/\\r\\n|\\n/g, '\n');
  if (!/-----(?:BEGIN|END) /.test(text)) return [value.trim()];
  const body = text
    .replace(PEM_MARKER, '\n')
    .split(/\r?\n/)
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/\s+/g, '');
  const forms = [body];
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(body)) forms.push(Buffer.from(body, 'base64').toString('hex'));
  return forms;
}
