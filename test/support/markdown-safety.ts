/**
 * What outside text must never do to a Markdown body the action writes (the job summary, the PR
 * comment, the expiry issue), checked on the whole body, so a test need not know where the text
 * went: no unseen character, no heading, HTML tag, code, link, mention or reference of its own,
 * and no table row with more or fewer cells than its header. The action's own syntax is known
 * here: its headings, its few tags, its fingerprints in code spans, its Mermaid block (GitHub finds
 * no mention or link in a code block). Tests pass no run URL, so the body holds no link of ours.
 */

const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const OUR_HEADINGS = /^(## (✅|❌) cert-rotate |### (Findings|Expiry|Provider inventory|Rotation of ))/;
const OUR_TAGS = /^<(\/?(br|code|details|summary|sub)>|!-- -->|!-- cert-rotate-action:[^>]*-->)/;
/** Fingerprints and the plan's step marks: the only code spans the action writes. */
const OUR_CODE_SPANS = /`(?:[0-9a-f]{40}|[0-9a-f]{64}|[-+=~])`/g;

export function markdownProblems(body: string): string[] {
  const problems: string[] = [];
  const unseen = UNSEEN.exec(body.replace(/\n/g, ''));
  if (unseen) problems.push(`unseen character U+${unseen[0].codePointAt(0)?.toString(16)}`);
  const lines = body.replace(/^```mermaid\n[\s\S]*?\n```$/gm, '```mermaid```').split('\n');
  let cells: number | undefined;
  for (const [i, line] of lines.entries()) {
    const at = `line ${i + 1} ${JSON.stringify(line.slice(0, 120))}`;
    if (/^ {0,3}#/.test(line) && !OUR_HEADINGS.test(line)) problems.push(`a heading: ${at}`);
    if (line === '```mermaid```') continue;
    const text = line.replace(OUR_CODE_SPANS, '');
    if (text.includes('`')) problems.push(`a backtick: ${at}`);
    for (const m of text.matchAll(/</g)) {
      if (!OUR_TAGS.test(text.slice(m.index))) problems.push(`raw HTML: ${at}`);
    }
    if (/@[\w-]/.test(text)) problems.push(`a mention or an email address: ${at}`);
    // An entity is one character once decoded: `&#35;` is a `#`, any other is no reference.
    const decoded = text.replace(/&#35;/g, '#').replace(/&#\d+;/g, '\u00a4');
    if (/(#|GH-)\d/i.test(decoded)) problems.push(`an issue reference: ${at}`);
    if (/:\/\/|www\./i.test(text)) problems.push(`a link: ${at}`);
    if (/\[[^\]]*\]\(|~~|\$/.test(text)) problems.push(`link, strikethrough or math syntax: ${at}`);
    if (/[0-9a-f]{7,}/i.test(text)) problems.push(`a commit SHA: ${at}`);
    // A table: its header sets how many cells each row has; an escaped `|` is not a cell's end.
    const pipes = line.startsWith('|') ? (line.replace(/\\\|/g, '').match(/\|/g) ?? []).length : undefined;
    if (pipes === undefined) cells = undefined;
    else if (cells === undefined) cells = pipes;
    else if (pipes !== cells)
      problems.push(`a row of ${pipes - 1} cells under a header of ${cells - 1}: ${at}`);
  }
  return problems;
}
