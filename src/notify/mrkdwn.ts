/**
 * Outside text (a certificate's subject, a provider's certificate names) for a chat message. Slack
 * reads `&`, `<` and `>` as its own syntax: `<!channel>` pings everyone, `<@U123>` a person,
 * `<https://x|here>` is a link that says something else. Mattermost and Rocket.Chat read the same
 * `text` as Markdown and turn a bare `@channel`, `@all`, `@here` or `@name` into a notification,
 * `[x](url)` into a link and `![x](url)` into an image fetched from anywhere. So: the three
 * characters as Slack's entities, and a word joiner (U+2060, invisible) where a mention, a link or
 * an autolinked address would begin, which none of the three then recognises.
 */
import { printable } from '../report/escape.ts';

const JOIN = '\u2060';

/** Slack's own escapes: the only three it asks for (api.slack.com "Formatting text"). */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeMrkdwn(text: string): string {
  return (
    printable(text)
      .replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
      // Mentions; `](` of a Markdown link or image; `://` and `www.` of an address.
      .replace(/@/g, `@${JOIN}`)
      .replace(/\]\(/g, `]${JOIN}(`)
      .replace(/:\/\//g, `:${JOIN}//`)
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${JOIN}.`)
  );
}

/**
 * At most `max` UTF-16 units, `…` when cut, never half a surrogate pair. A subject can be
 * megabytes: it is cut before it is escaped (escaping lengthens, and a cut entity shows as junk).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
