/**
 * The expiry chart's window: a certificate that expired long ago, or one valid for years, must
 * not stretch the axis so far that the coming weeks become slivers (gantt.ts has the rule).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  GANTT_DAYS_AHEAD,
  GANTT_DAYS_BEHIND,
  GANTT_MAX_LISTED,
  renderGantt,
} from '../../src/report/gantt.ts';
import type { InventoryEntry, RunReport } from '../../src/report/report.ts';
import { renderSummary } from '../../src/report/summary.ts';

const NOW = '2026-11-23T06:00:00.000Z';
const DAY = 86_400_000;

function entry(name: string, daysRemaining: number, extra: Partial<InventoryEntry> = {}): InventoryEntry {
  const notAfter = new Date(Date.parse(NOW) + daysRemaining * DAY + 3_600_000).toISOString();
  return { id: name, name, dnsNames: [], notAfter, daysRemaining, ...extra };
}

function report(inventory: InventoryEntry[], warnDays = 30): RunReport {
  return {
    mode: 'plan',
    ok: true,
    generatedAt: NOW,
    warnDays,
    failDays: 7,
    counts: { errors: 0, warnings: 0, notices: 0 },
    certificates: [],
    skipped: [],
    inventory,
  };
}

/** Every date Mermaid is given, as days from today. */
function chartDays(lines: readonly string[]): number[] {
  const start = lines.indexOf('```mermaid');
  const body = lines.slice(start, lines.indexOf('```', start + 1));
  const today = Date.parse(NOW.slice(0, 10));
  return body.flatMap((line) =>
    [...line.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)].map((m) => Math.round((Date.parse(m[1]!) - today) / DAY)),
  );
}

describe('expiry chart window', () => {
  it('lists a certificate expired years ago under the chart instead of stretching it', () => {
    const lines = renderGantt(report([entry('ancient', -1400), entry('soon', 10), entry('later', 60)]));
    const days = chartDays(lines);
    assert.ok(days.length > 0, lines.join('\n'));
    assert.ok(Math.min(...days) >= 0, `the chart starts today: ${days}`);
    assert.ok(Math.max(...days) <= 61, `and ends at the last expiry: ${days}`);
    assert.ok(!lines.some((line) => line.includes('ancient') && line.includes(':crit')), 'not drawn');
    const md = lines.join('\n');
    assert.match(
      md,
      /Expired more than 30 days ago, so not in the chart:\n\n\| Certificate \| Expired on \| Days ago \|/,
    );
    assert.match(md, /^\| ancient \| 2023-01-23 \| 1400 \|$/m);
    assert.match(md, /soon \(10 d\) :active, 2026-11-23, 2026-12-03/);
  });

  it('draws a recent expiry as a red milestone inside the window', () => {
    const lines = renderGantt(report([entry('lapsed', -5), entry('fine', 50)]));
    assert.ok(
      lines.includes('  lapsed (expired 5 d ago) :crit, milestone, 2026-11-18, 0d'),
      lines.join('\n'),
    );
    assert.ok(Math.min(...chartDays(lines)) >= -GANTT_DAYS_BEHIND);
    assert.ok(!lines.join('\n').includes('not in the chart'));
  });

  it('cuts a bar that reaches past the window at its edge, keeping the true days in its label', () => {
    const lines = renderGantt(report([entry('private-ca', 3650), entry('soon', 10)]));
    const days = chartDays(lines);
    assert.equal(Math.max(...days), GANTT_DAYS_AHEAD);
    assert.ok(lines.includes('  private-ca (3650 d) :2026-11-23, 2027-02-21'), lines.join('\n'));
    assert.ok(
      lines.includes(
        'Bars stop at 2027-02-21, 90 days ahead: 1 certificate expires later (the label gives the days left).',
      ),
      lines.join('\n'),
    );
  });

  it('reaches twice warn-days ahead when that is longer, so the warning window is at most half', () => {
    const lines = renderGantt(report([entry('annual', 365), entry('soon', 10)], 120));
    assert.equal(Math.max(...chartDays(lines)), 240);
  });

  it('lists at most a bounded number of long-expired certificates, and counts the rest', () => {
    const old = Array.from({ length: GANTT_MAX_LISTED + 5 }, (_, i) => entry(`old-${i}`, -100 - i));
    const lines = renderGantt(report([...old, entry('soon', 10)]));
    const rows = lines.filter((line) => line.startsWith('| old-'));
    assert.equal(rows.length, GANTT_MAX_LISTED);
    assert.equal(rows[0], `| old-0 | ${old[0]!.notAfter!.slice(0, 10)} | 100 |`, 'the most recent first');
    assert.ok(lines.includes('… and 5 more certificates expired longer ago.'), lines.join('\n'));
  });

  it('with only long-expired certificates, gives the list and no chart; the heading has content under it', () => {
    const md = renderSummary(report([entry('ancient', -1400)]));
    assert.ok(!md.includes('```mermaid'));
    assert.match(md, /### Expiry\n\nExpired more than 30 days ago/);
  });

  it('leaves out what the run removed', () => {
    const lines = renderGantt(report([entry('gone', 3, { change: 'removed' }), entry('kept', 20)]));
    assert.ok(!lines.join('\n').includes('gone'));
  });
});
