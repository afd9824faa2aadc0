/**
 * What GitHub accepts from a step, and the report fitted to it whatever the input. A job summary
 * over 1 MiB is not shown at all ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a
 * size of 1024k"); an output may be 1 MB, its size counted as UTF-16 (two bytes a character). Over
 * those, the summary keeps the lines that fit and says what was cut; the `report` output keeps
 * the first items of each list that fit, whole, and says how many it dropped; the log is cut
 * like the summary.
 */
import { closers } from '../github/body.ts';
import type { RunReport } from './report.ts';

/** GitHub's limit is 1 MiB (1,048,576 bytes); the rest is margin for the runner's own counting. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;
/** 800 KB as GitHub counts outputs (UTF-16), under the 1 MB of one output, with room for the others. */
export const REPORT_OUTPUT_CHARS = 400_000;
/** The report printed to the log: past this, a log is no longer read but scrolled. */
export const LOG_LIMIT_BYTES = 1_000_000;

/**
 * `text` when it fits in `limit` UTF-8 bytes; otherwise the whole lines that fit (a table keeps
 * whole rows), a code fence or `<details>` left open closed again, and `note(lines cut)`. A
 * single line longer than the limit is cut at a character boundary.
 */
export function fitLines(text: string, limit: number, note: (cutLines: number) => string): string {
  if (Buffer.byteLength(text) <= limit) return text;
  const bytes = Buffer.from(text);
  let budget = limit;
  for (;;) {
    const kept = keptPrefix(bytes, budget);
    const keptText = bytes.subarray(0, kept).toString('utf8');
    const cutLines = countLines(bytes.subarray(kept));
    const out = `${keptText.trimEnd()}${closers(keptText)}\n\n${note(cutLines)}\n`;
    const over = Buffer.byteLength(out) - limit;
    if (over <= 0 || budget === 0) return over <= 0 ? out : `${note(cutLines)}\n`;
    budget = Math.max(0, budget - over);
  }
}

/** Bytes up to the last line break within `budget` (a line break is never inside a UTF-8 character). */
function keptPrefix(bytes: Buffer, budget: number): number {
  if (budget <= 0) return 0;
  const lineEnd = bytes.lastIndexOf(0x0a, budget - 1);
  if (lineEnd > 0) return lineEnd;
  let end = Math.min(budget, bytes.length);
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // not inside a character
  return end;
}

/** The lines in what was cut: after the line break the kept part ends at, or the rest of a line cut in two. */
function countLines(rest: Buffer): number {
  const body = rest[0] === 0x0a ? rest.subarray(1) : rest;
  let lines = body.length > 0 && body.at(-1) !== 0x0a ? 1 : 0;
  for (let at = body.indexOf(0x0a); at !== -1; at = body.indexOf(0x0a, at + 1)) lines++;
  return lines;
}

/** The job summary, under GitHub's limit. */
export function fitSummary(markdown: string, limit = SUMMARY_LIMIT_BYTES): string {
  return fitLines(
    markdown,
    limit,
    (lines) =>
      `_(cut: ${lines.toLocaleString('en-US')} more lines, over the ${limit.toLocaleString('en-US')} bytes a job summary may hold; the whole report is in the \`report\` output and the log.)_`,
  );
}

/** The text report for the log, in proportion. */
export function fitLog(text: string, limit = LOG_LIMIT_BYTES): string {
  return fitLines(
    text,
    limit,
    (lines) =>
      `(cut: ${lines.toLocaleString('en-US')} more lines of the report, over ${limit.toLocaleString('en-US')} bytes; the \`report\` output holds it as JSON.)`,
  );
}

export interface ReportCut {
  /** Why: the whole report was this many characters. */
  characters: number;
  /** For each list cut: how many of how many were kept. */
  kept: Record<string, { kept: number; of: number }>;
}

/**
 * The `report` output: the whole report as JSON when it fits; otherwise the same shape with the
 * first items of each list (certificates, rotation lineages, inventory, served endpoints, skipped)
 * that fit, whole,
 * and `cut` saying how many of each were kept.
 */
export function reportOutput(report: RunReport, limit = REPORT_OUTPUT_CHARS): string {
  const whole = JSON.stringify(report);
  if (whole.length <= limit) return whole;
  // Room for everything but the lists (a few numbers and words) and for `cut` itself.
  let budget = limit - 4096;
  const kept: ReportCut['kept'] = {};
  const take = <T>(name: string, items: readonly T[]): T[] => {
    const out: T[] = [];
    for (const item of items) {
      const size = JSON.stringify(item).length + 1;
      if (size > budget) break;
      budget -= size;
      out.push(item);
    }
    if (out.length < items.length) kept[name] = { kept: out.length, of: items.length };
    return out;
  };
  const cut: RunReport & { cut?: ReportCut } = {
    ...report,
    skipped: take('skipped', report.skipped),
    certificates: take('certificates', report.certificates),
  };
  if (report.rotation)
    cut.rotation = { ...report.rotation, lineages: take('lineages', report.rotation.lineages) };
  if (report.inventory) cut.inventory = take('inventory', report.inventory);
  if (report.served) cut.served = take('served', report.served);
  if (report.targets) cut.targets = take('targets', report.targets);
  cut.cut = { characters: whole.length, kept };
  return JSON.stringify(cut);
}
