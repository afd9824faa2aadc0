/**
 * Masking. GitHub masks a registered secret wherever it appears in the log, but only as the exact
 * string: a multi-line PEM key printed one line at a time, or its base64 body without line breaks,
 * would slip through. So each secret is registered whole, line by line, and as its compact body.
 */

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

/**
 * Scrubs secrets out of text that did not come from us (a provider's error message may echo a
 * request): every registered secret, line and body as `maskSecret` splits them, longest first.
 */
export class Redactor {
  private readonly parts = new Set<string>();

  add(value: string | undefined): void {
    maskSecret(value, (part) => {
      this.parts.add(part);
      // As it appears inside JSON text (quotes, backslashes and line breaks escaped).
      this.parts.add(JSON.stringify(part).slice(1, -1));
    });
  }

  redact(text: string): string {
    let out = text;
    for (const part of [...this.parts].sort((a, b) => b.length - a.length)) out = out.split(part).join('***');
    return out;
  }
}

/**
 * Whether text given where a short value belongs (a path, an option) looks like secret material:
 * several lines, a PEM marker, or a long run of base64. Such text is never quoted back: a key
 * pasted into private-key-file would otherwise be printed whole in the "no such file" error.
 */
export function looksSecret(text: string): boolean {
  return /[\r\n]|-----BEGIN|-----END/.test(text) || /[A-Za-z0-9+/=_-]{48,}/.test(text) || text.length > 400;
}

/** Text to quote in a message: as given, or a description when it looks like secret material. */
export function quotable(text: string): string {
  return looksSecret(text)
    ? `<${plural(text.length, 'character')} that look like a key or certificate, not shown>`
    : text;
}
