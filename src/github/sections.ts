/**
 * One comment or issue shared by the shards of a matrix (fleet/shards.ts): each shard owns a
 * section between its own hidden markers and rewrites only that one, so the jobs of one workflow
 * keep one comment and one issue, not one per shard. Pure.
 *
 * Two shards finishing at the same moment can still race (GitHub has no conditional update of a
 * body): the later write wins, and the next run of the lost shard puts its section back.
 */
import { hiddenMarker } from './body.ts';

/** GitHub's body limit shared among the sections: one shard's section never crowds out the rest. */
export const MAX_SECTION_CHARS = 16_000;

const START = (key: string) => hiddenMarker(['section', key]);
const END = (key: string) => hiddenMarker(['section-end', key]);

export interface Section {
  key: string;
  content: string;
}

/** The sections a body holds, in order; text outside them is not ours to keep. */
export function sectionsOf(body: string): Section[] {
  const out: Section[] = [];
  const pattern = /<!-- cert-rotate-action:section\/([^ ]*) -->\n?/g;
  for (const match of body.matchAll(pattern)) {
    const encoded = match[1] ?? '';
    const key = safeDecode(encoded.replace(/%2D/g, '-'));
    if (key === undefined) continue;
    const start = (match.index ?? 0) + match[0].length;
    const end = body.indexOf(END(key), start);
    if (end < 0) continue;
    out.push({ key, content: body.slice(start, end).replace(/\n$/, '') });
  }
  return out;
}

/**
 * The body with `key`'s section set to `content` (undefined removes it), the others as they were,
 * sorted by key so every shard writes the same order; undefined when no section is left.
 */
export function withSection(
  existing: string | undefined,
  key: string,
  content: string | undefined,
): string | undefined {
  const others = sectionsOf(existing ?? '').filter((s) => s.key !== key);
  const all = content === undefined ? others : [...others, { key, content: clip(content) }];
  if (all.length === 0) return undefined;
  return all
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((s) => `${START(s.key)}\n${s.content}\n${END(s.key)}`)
    .join('\n\n');
}

function clip(content: string): string {
  if (content.length <= MAX_SECTION_CHARS) return content;
  const cut = content.lastIndexOf('\n', MAX_SECTION_CHARS - 80);
  return `${content.slice(0, cut > 0 ? cut : MAX_SECTION_CHARS - 80)}\n\n_This shard's section was cut short; its job summary has all of it._`;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
