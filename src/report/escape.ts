/**
 * Text from outside (a certificate's subject and names, a provider's names, ids and messages) as
 * the report shows it. Anyone can put anything in a certificate, and a pull request can add one,
 * so that text must stay inside its table cell or line: no line break, no Markdown, no HTML, no
 * terminal escape, and on GitHub no mention, reference or link may come out of it.
 *
 * The true value is kept where it is compared (a subjectAltName with a line break still matches
 * nothing but itself): only what is shown is escaped, here.
 */

/**
 * What a reader cannot see or what moves text about: line breaks and every other control
 * character (C0, DEL, C1), format characters (bidi controls, zero-width joiners and spaces, the
 * soft hyphen, tag characters), the line and paragraph separators U+2028/2029, and lone
 * surrogate halves.
 */
const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** `\u000a`, as Node spells such a character in a subjectAltName: seen, and harmless. */
function spelled(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** For a terminal or a log line: every unseen character spelled out, so none can move the cursor or recolour. */
export function printable(text: string): string {
  return text.replace(UNSEEN, spelled);
}

/** Text of several lines (an error with its fix, a manifest's problems): each line printable, the breaks kept. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/**
 * JSON for a terminal: what JSON.stringify leaves as it is (DEL, C1 controls, format characters,
 * U+2028/2029) as `\uXXXX` escapes too. They can only be inside strings, so the value is the
 * same; a raw line break is the indentation's.
 */
export function printableJson(json: string): string {
  return json.replace(UNSEEN, (char) =>
    char === '\n'
      ? char
      : char
          .split('')
          .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
          .join(''),
  );
}

/**
 * What Markdown or HTML would read as syntax, as numeric entities: `&` `<` `>` and quotes (HTML),
 * the backtick (code), `|` (a table cell's end), `\` (escapes), `[` `]` (links), `*` `_` (emphasis),
 * `~` (strikethrough), `$` (math), `#` (a heading at the start of a line).
 */
const SYNTAX = /[&<>"'`|\\[\]*_~$#]/g;

/**
 * An empty HTML comment renders as nothing but splits the text around it in two. GitHub finds
 * mentions and references in the rendered text, after entities are decoded (so `&#64;octocat`
 * still notifies: github/cmark-gfm#181, openjdk/skara#1548) and a backslash does not escape `@`
 * (github/markup#1168); its autolinks find `https://` and `www.` in the source. Split where each
 * would begin, they find nothing: this is how OpenJDK's Skara bots keep `@` from notifying.
 */
const BREAK = '<!-- -->';

/**
 * Where GitHub would otherwise make a link or a notification:
 * - `@`: mentions of a person or a team (`@octocat`, `@acme/admins`), email addresses, `user@sha`;
 * - `#` (an entity by now): issue and pull request references (`#26`, `owner/repo#26`); `GH-`
 *   before digits too;
 * - `:` before `//`: URLs (`https://…`); `www.`: the address without a scheme;
 * - runs of seven or more hex digits: commit SHAs (cut every six).
 */
const REFERENCE = /(@|&#35;|GH-(?=\d)|:(?=\/\/)|www(?=\.))|([0-9a-f]{7,})/gi;

/**
 * Outside text for a Markdown table cell or inline text (the job summary, the PR comment, the
 * expiry issue), also inside `<code>` and `<summary>`. Not for a fenced block (the Mermaid chart
 * has its own rules) and not inside a backtick code span (which decodes no entity).
 */
export function escapeMarkdown(text: string): string {
  return printable(text)
    .replace(SYNTAX, (c) => `&#${c.charCodeAt(0)};`)
    .replace(REFERENCE, (_, starts: string | undefined, hex: string | undefined) =>
      starts !== undefined ? `${starts}${BREAK}` : (hex ?? '').replace(/.{6}(?=.)/g, `$&${BREAK}`),
    );
}
