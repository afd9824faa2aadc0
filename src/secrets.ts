/**
 * Masking. GitHub masks a registered secret wherever it appears in the log, but only as the exact
 * string: a multi-line PEM key printed one line at a time, or its base64 body without line breaks,
 * would slip through. So each secret is registered whole, line by line, and as its compact body.
 */

import { SecretWindows, secretForms } from './echoes.ts';
import { plural } from './plural.ts';

export type SecretSink = (secret: string) => void;

/** Lines shorter than this are not registered on their own: masking "MII" would blank half the log. */
const MIN_PART = 8;
const MARKER = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;

export function maskSecret(value: string | undefined, sink: SecretSink): void {
  if (value === undefined || value === '') return;
  const parts = new Set<string>([value]);
  const trimmed = value.trim();
  if (trimmed !== '') parts.add(trimmed);
  const lines = trimmed.split(/\r?\n|\\r\\n|\\n/).map((line) => line.trim());
  for (const line of lines) {
    if (line.length >= MIN_PART && !MARKER.test(line)) parts.add(line);
  }
  if (lines.length > 1) {
    const body = lines.filter((line) => !MARKER.test(line) && !line.includes(':')).join('');
    if (body.length >= MIN_PART) parts.add(body);
  }
  for (const part of parts) sink(part);
}

/** A sink that passes each secret on once: the same key read twice is registered once, not logged twice. */
export function onceEach(sink: SecretSink): SecretSink {
  const seen = new Set<string>();
  return (secret) => {
    if (seen.has(secret)) return;
    seen.add(secret);
    sink(secret);
  };
}

/** Mask binary secrets (a PKCS#12 file) in the form they would be printed: base64. */
export function maskBytes(value: Uint8Array, sink: SecretSink): void {
  if (value.length > 0) maskSecret(Buffer.from(value).toString('base64'), sink);
}

/** What stands for a reply that echoed a secret: not a piece of it is shown. */
export const ECHO_NOTICE = 'the reply echoed part of what was sent and is not shown';

/**
 * Keeps secrets out of text that did not come from us (a provider's error reply may echo the
 * request). `echoes` finds any 16-character run of a registered secret however the text has
 * escaped, wrapped, sliced or spaced it (echoes.ts); `redact` then gives up the whole text, as
 * cutting out exactly the echoed parts is what escapes and re-wrapping defeat. `scrub` replaces
 * the exact forms only, for data that is read and never shown (a listing that holds keys).
 */
export class Redactor {
  private readonly parts = new Set<string>();
  private readonly windows = new SecretWindows();

  add(value: string | undefined): void {
    maskSecret(value, (part) => {
      this.parts.add(part);
      // As it appears inside JSON text (quotes, backslashes and line breaks escaped).
      this.parts.add(JSON.stringify(part).slice(1, -1));
    });
    if (value !== undefined && value !== '') for (const form of secretForms(value)) this.windows.add(form);
  }

  /** Binary secrets (a PKCS#12 file): as their base64. */
  addBytes(value: Uint8Array): void {
    if (value.length > 0) this.add(Buffer.from(value).toString('base64'));
  }

  /** Whether any part of a registered secret is in `text`, in any encoding `normalise` undoes. */
  echoes(text: string): boolean {
    return this.windows.foundIn(text);
  }

  /** `text`, or the notice in its place when it echoes a secret. */
  redact(text: string): string {
    return this.echoes(text) ? ECHO_NOTICE : this.scrub(text);
  }

  /** Every exact form of a registered secret replaced by `***`: the rest of the text kept. */
  scrub(text: string): string {
    let out = text;
    for (const part of [...this.parts].sort((a, b) => b.length - a.length)) out = out.split(part).join('***');
    return out;
  }
}

/**
 * Prefixes of the tokens this action is given or may be mistaken for: DigitalOcean's personal,
 * OAuth and refresh tokens, GitHub's. A value that starts with one is never quoted back.
 */
const TOKEN = /(?:^|[^A-Za-z0-9])(?:do[por]_v1_|gh[pousr]_|github_pat_)[A-Za-z0-9_]{16,}/;

/**
 * Whether text given where a short value belongs (a path, an option) looks like secret material:
 * several lines, a PEM marker, a long run of base64 or hex, a known token. Such text is never
 * quoted back: a key pasted into private-key-file would otherwise be printed whole in the "no
 * such file" error, a token pasted into name in "Invalid name".
 */
export function looksSecret(text: string): boolean {
  return (
    /[\r\n]|-----BEGIN|-----END/.test(text) ||
    /[A-Za-z0-9+/=_-]{48,}/.test(text) ||
    looksLikeToken(text) ||
    text.length > 400
  );
}

/**
 * Whether a value that may be a short identifier (a name, a server id, a variable name) holds a
 * token: a known prefix, a long hex run, or a long run of letters and digits mixing capitals,
 * small letters and digits the way random base64 does. Narrower than `looksSecret`: a long
 * lowercase name is not refused, nor a path whose parts are short (a temporary folder's suffix).
 */
export function looksLikeToken(text: string): boolean {
  if (TOKEN.test(text) || /[0-9a-fA-F]{32,}/.test(text)) return true;
  for (const [run] of text.matchAll(/[A-Za-z0-9]{24,}/g)) {
    if (/[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run)) return true;
  }
  return false;
}

/** Text to quote in a message: as given, or a description when it looks like secret material. */
export function quotable(text: string): string {
  return looksSecret(text)
    ? `<${plural(text.length, 'character')} that look like a key, certificate or token, not shown>`
    : text;
}

/** The longest value a message quotes: a setting's value is a word or a path, not a paragraph. */
export const MAX_QUOTED = 64;

/**
 * A value the user gave, quoted for a message about it: in quotes and cut at `MAX_QUOTED`
 * characters, or described when it looks like a key or token. Every message that quotes a
 * setting's value goes through here.
 */
export function quoteValue(text: string): string {
  if (looksSecret(text)) return quotable(text);
  if (text.length <= MAX_QUOTED) return `'${text}'`;
  return `'${text.slice(0, MAX_QUOTED - 1)}…' (${plural(text.length, 'character')})`;
}
