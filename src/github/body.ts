/**
 * What the comment and the issue share: the hidden marker that finds our own comment or issue
 * again on the next run, and fitting a body under GitHub's size limit without breaking its
 * Markdown.
 */

/** GitHub refuses a comment or issue body longer than this ("body is too long (maximum is 65536 characters)"). */
export const GITHUB_BODY_LIMIT = 65_536;

/**
 * `<!-- cert-rotate-action:part/part -->`. Each part is percent-encoded (and its dashes too), so
 * no workflow or job name can end the HTML comment early ("--", ">") and no two different lists of
 * parts give the same marker ("a/b" + "c" and "a" + "b/c" differ).
 */
export function hiddenMarker(parts: string[]): string {
  return `<!-- cert-rotate-action:${parts.map(encodePart).join('/')} -->`;
}

function encodePart(part: string): string {
  return encodeURIComponent(part).replace(/-/g, '%2D');
}

/** The marker on the first line, where truncation cannot cut it off. */
export function withMarker(marker: string, body: string): string {
  return body.includes(marker) ? body : `${marker}\n${body}`;
}

/** Equal as GitHub gives a body back: its line endings and trailing whitespace are not ours to count. */
export function sameBody(stored: string, wanted: string): boolean {
  const norm = (s: string): string => s.replace(/\r\n?/g, '\n').trimEnd();
  return norm(stored) === norm(wanted);
}

/** The line a cut body ends with: where the rest is, and a link to the run when known. */
export function truncationNote(runUrl: string | undefined): string {
  const where = runUrl ? `the job summary of [this run](${runUrl})` : 'the job summary';
  return `_Cut short: GitHub takes at most ${GITHUB_BODY_LIMIT} characters here. The full report is in ${where}._`;
}

/**
 * `body` if it fits; otherwise as many whole lines as fit, any code fence or `<details>` left open
 * closed again (or the note would render inside it), then `note`. Lengths are UTF-16 units, which
 * are never fewer than the characters GitHub counts, so what fits here fits there.
 */
export function fitBody(body: string, note: string, limit = GITHUB_BODY_LIMIT): string {
  if (body.length <= limit) return body;
  let budget = limit - note.length - 2;
  for (;;) {
    const kept = cutAtLine(body, budget);
    const out = `${kept}${closers(kept)}\n\n${note}`;
    if (out.length <= limit || budget <= 0) return out.length <= limit ? out : note.slice(0, limit);
    budget -= out.length - limit;
  }
}

/** The longest prefix within `budget` that ends at a line break; mid-line only for a giant line. */
function cutAtLine(text: string, budget: number): string {
  if (budget <= 0) return '';
  const lineEnd = text.lastIndexOf('\n', budget);
  if (lineEnd > 0) return text.slice(0, lineEnd).trimEnd();
  let end = budget;
  // Never split a surrogate pair: half a character is not text.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/** What closes the fenced code block and the `<details>` sections still open at the end of `text`. */
export function closers(text: string): string {
  let fence: string | undefined;
  let details = 0;
  for (const line of text.split('\n')) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined) {
      if (opener !== undefined) {
        fence = opener;
        continue;
      }
      details += (line.match(/<details[\s>]/gi) ?? []).length - (line.match(/<\/details>/gi) ?? []).length;
    } else if (
      opener !== undefined &&
      opener[0] === fence[0] &&
      opener.length >= fence.length &&
      line.trim() === opener
    ) {
      fence = undefined;
    }
  }
  return (fence ? `\n${fence}` : '') + '\n</details>'.repeat(Math.max(0, details));
}
