/**
 * A provider's words, fit to be quoted in a message. The HTTP layer already hides a reply that
 * echoes what was sent (http.ts, echoes.ts); this is for what it cannot know: another
 * certificate's key in a reply (Dokploy's rows carry theirs), a token it never sent. So only
 * short strings are quoted, with PEM blocks and anything that reads like base64 or a key cut out.
 */

const PEM_BLOCK = /-----BEGIN [^-]*-----[\s\S]*?(-----END [^-]*-----|$)/g;
/** Escapes left in a string that was itself JSON (a message quoting a request body). */
const LITERAL_ESCAPES = /\\u([0-9a-fA-F]{4})|\\([\\/"])|\\[rnt]/g;
/**
 * Base64 long enough to be part of a key (a PEM line is 64), with the lines that follow it, so a
 * key's short last line goes too.
 */
const BASE64_RUN = /[A-Za-z0-9+/=]{40,}(?:(?:\r|\n)+[A-Za-z0-9+/=]+)*/g;
/** Shorter runs: cut when they read like random base64 rather than words (see `random`). */
const SHORT_RUN = /[A-Za-z0-9+/=_-]{16,}/g;
/** A word, a camelCase or PascalCase identifier: what a message holds that mixes cases. */
const WORDLIKE = /^(?:[a-z]+(?:[A-Z][a-z]+)*|(?:[A-Z][a-z]+)+|[A-Z]+|[0-9]+|)$/;

/**
 * Capitals and small letters mixed the way no word or identifier mixes them: a piece of base64.
 * A request id (a UUID: no capitals), a path or a code (one case) is kept. Measured on random
 * base64: a piece of 16 characters passes for words about once in 600, of 20 once in 4,000, of 25
 * once in 50,000; of 40 and more (BASE64_RUN) never.
 */
function random(run: string): boolean {
  if (!/[A-Z]/.test(run) || !/[a-z]/.test(run)) return false;
  return /[+=]/.test(run) || run.split(/[/_-]/).some((part) => !WORDLIKE.test(part));
}
export const MAX_QUOTE = 200;

/** A string from the server, fit to be part of a message; undefined for anything else or nothing left. */
export function quoteReply(value: unknown, max = MAX_QUOTE): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value
    .slice(0, 64 * 1024)
    .replace(LITERAL_ESCAPES, (_all, u?: string, esc?: string) =>
      u !== undefined ? String.fromCharCode(Number.parseInt(u, 16)) : (esc ?? ' '),
    )
    .replace(PEM_BLOCK, '[PEM]')
    .replace(BASE64_RUN, '[…]')
    .replace(SHORT_RUN, (run) => (random(run) ? '[…]' : run))
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
