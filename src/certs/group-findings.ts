/**
 * Findings alike but for their numbers (the line of each damaged block, each of 5,000 names not
 * covered) say one thing many times: the first few are kept as they are and the last of those
 * counts the rest ("and 59,990 more like it"), so no report, log or summary grows with them.
 */
import type { Finding } from './findings.ts';

/** How many findings of one shape are kept whole. */
export const GROUP_KEEP = 3;

export function groupFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, { last: number; kept: number; more: number }>();
  const out: Finding[] = [];
  for (const f of findings) {
    const shape = `${f.code}\u0000${f.level}\u0000${f.subject ?? ''}\u0000${f.message.replace(/\d+/g, '#')}`;
    const group = groups.get(shape);
    if (group === undefined) {
      groups.set(shape, { last: out.push(f) - 1, kept: 1, more: 0 });
    } else if (group.kept < GROUP_KEEP) {
      group.last = out.push(f) - 1;
      group.kept++;
    } else {
      group.more++;
    }
  }
  for (const { last, more } of groups.values()) {
    if (more === 0) continue;
    const f = out[last]!;
    out[last] = { ...f, message: `${f.message} (and ${more.toLocaleString('en-US')} more like it)` };
  }
  return out;
}
