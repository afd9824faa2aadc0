/**
 * A Mermaid gantt chart of expiry: one bar per certificate, from today to its not-after, so the
 * soonest to expire stand out at a glance. GitHub renders ```mermaid blocks in job summaries,
 * comments and issues. Inside the block HTML entities are not decoded, so names are reduced to
 * characters Mermaid reads literally instead of being escaped.
 *
 * The window. Mermaid fits its axis to the bars, so one certificate that expired years ago (a
 * forgotten one in the provider's inventory) or one valid for ten years (a private CA's) would
 * stretch the axis over years and squeeze the bars that matter, the coming weeks, into slivers.
 * So the chart reaches:
 * - behind: GANTT_DAYS_BEHIND days before today. A certificate that expired within that time is a
 *   red milestone on its expiry day (a recent expiry is the likely cause of an outage); one that
 *   expired earlier is not drawn, but listed under the chart (name, expired on, days ago);
 * - ahead: to the last expiry, but no further than GANTT_DAYS_AHEAD days or twice warn-days,
 *   whichever is longer (a Let's Encrypt certificate's whole life fits, and the warning window
 *   never takes more than half the width). A bar that goes further is cut at that edge; its label
 *   keeps the true count of days, and a line under the chart says how many were cut.
 */
import { plural } from '../plural.ts';
import type { RunReport } from './report.ts';
import { held } from './report.ts';
import { escapeMarkdown } from './escape.ts';

/** Mermaid draws hundreds of bars slowly and unreadably: the soonest this many are shown. */
export const GANTT_MAX_BARS = 40;
/** Expired longer ago than this: listed under the chart, not drawn. */
export const GANTT_DAYS_BEHIND = 30;
/** The chart reaches at most this many days ahead (or twice warn-days, if longer). */
export const GANTT_DAYS_AHEAD = 90;
/** Rows of the list of long-expired certificates; the rest are counted. */
export const GANTT_MAX_LISTED = 20;

const DAY_MS = 86_400_000;

interface Bar {
  section: 'Checked' | 'Provider inventory';
  name: string;
  notAfter: string;
  daysRemaining: number;
}

export function renderGantt(report: RunReport): string[] {
  const bars = barsOf(report).sort((a, b) => a.daysRemaining - b.daysRemaining);
  if (bars.length === 0) return [];
  const longExpired = bars.filter((bar) => bar.daysRemaining < -GANTT_DAYS_BEHIND);
  const drawable = bars.filter((bar) => bar.daysRemaining >= -GANTT_DAYS_BEHIND);
  const shown = drawable.slice(0, GANTT_MAX_BARS);
  const out: string[] = [];
  if (shown.length > 0) for (const line of chart(shown, report)) out.push(line);
  if (drawable.length > shown.length) {
    out.push('', `The chart shows the ${shown.length} soonest of ${plural(drawable.length, 'certificate')}.`);
  }
  if (longExpired.length > 0) {
    if (out.length > 0) out.push('');
    // One line per certificate, as many as the provider lists: pushed one by one, never spread.
    for (const line of expiredList(longExpired)) out.push(line);
  }
  return out;
}

function barsOf(report: RunReport): Bar[] {
  const bars: Bar[] = [];
  for (const c of report.certificates) {
    if (c.leaf)
      bars.push({
        section: 'Checked',
        name: c.label,
        notAfter: c.leaf.notAfter,
        daysRemaining: c.leaf.daysRemaining,
      });
  }
  // What this run removed is gone: it expires nowhere.
  for (const entry of held(report.inventory ?? [])) {
    if (entry.notAfter !== undefined && entry.daysRemaining !== undefined) {
      bars.push({
        section: 'Provider inventory',
        name: entry.name,
        notAfter: entry.notAfter,
        daysRemaining: entry.daysRemaining,
      });
    }
  }
  return bars;
}

function chart(shown: readonly Bar[], report: RunReport): string[] {
  const todayMs = Date.parse(report.generatedAt);
  const today = report.generatedAt.slice(0, 10);
  const ahead = Math.max(GANTT_DAYS_AHEAD, 2 * report.warnDays);
  const edge = new Date(todayMs + ahead * DAY_MS).toISOString().slice(0, 10);
  const out = [
    '```mermaid',
    'gantt',
    '  title Certificate expiry',
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %Y-%m-%d',
  ];
  for (const section of ['Checked', 'Provider inventory'] as const) {
    const rows = shown.filter((bar) => bar.section === section);
    if (rows.length === 0) continue;
    out.push(`  section ${section}`);
    for (const bar of rows) {
      const days = bar.daysRemaining;
      const label = `${safe(bar.name)} (${days < 0 ? `expired ${-days} d ago` : `${days} d`})`;
      if (days < 0) out.push(`  ${label} :crit, milestone, ${bar.notAfter.slice(0, 10)}, 0d`);
      else
        out.push(
          `  ${label} :${tag(days, report)}${today}, ${days > ahead ? edge : bar.notAfter.slice(0, 10)}`,
        );
    }
  }
  out.push('```');
  const cut = shown.filter((bar) => bar.daysRemaining > ahead).length;
  if (cut > 0) {
    out.push(
      '',
      `Bars stop at ${edge}, ${plural(ahead, 'day')} ahead: ${plural(cut, 'certificate')} ${cut === 1 ? 'expires' : 'expire'} later (the label gives the days left).`,
    );
  }
  return out;
}

/** Expired before the chart's window: name, expiry day and how long ago, longest ago last. */
function expiredList(bars: readonly Bar[]): string[] {
  const rows = bars
    .slice(-GANTT_MAX_LISTED)
    .reverse()
    .map((bar) => `| ${escapeMarkdown(bar.name)} | ${bar.notAfter.slice(0, 10)} | ${-bar.daysRemaining} |`);
  const rest = bars.length - rows.length;
  return [
    `Expired more than ${plural(GANTT_DAYS_BEHIND, 'day')} ago, so not in the chart:`,
    '',
    '| Certificate | Expired on | Days ago |',
    '| --- | --- | --- |',
    ...rows,
    ...(rest > 0 ? ['', `… and ${plural(rest, 'more certificate')} expired longer ago.`] : []),
  ];
}

function tag(days: number, report: RunReport): string {
  if (days <= report.failDays) return 'crit, ';
  if (days <= report.warnDays) return 'active, ';
  return '';
}

/**
 * Letters, digits and a few marks; anything else (`:` `;` `#` quotes, brackets, line breaks)
 * becomes a space. A wildcard's `*` is shown as `∗`, which no Markdown reader takes for emphasis.
 */
function safe(name: string): string {
  const cleaned = name
    .replace(/\*/g, '∗')
    .replace(/[^A-Za-z0-9 ._∗@+-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (cleaned || 'unnamed').slice(0, 60);
}
