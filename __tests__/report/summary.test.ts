import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunReport } from '../../src/report/report.ts';
import { escapeMarkdown } from '../../src/report/escape.ts';
import { dayMarker, renderSummary } from '../../src/report/summary.ts';
import { renderText } from '../../src/report/text.ts';
import { leafFacts } from '../../test/support/leaf-facts.ts';

const hostile = '<img src=x onerror=alert(1)> | **bold** [link](http://x)';

const report: RunReport = {
  mode: 'validate',
  ok: false,
  generatedAt: '2026-11-23T00:00:00.000Z',
  warnDays: 30,
  failDays: 7,
  counts: { errors: 1, warnings: 0, notices: 0 },
  skipped: [],
  certificates: [
    {
      label: hostile,
      domains: [],
      status: 'invalid',
      outcome: 'invalid',
      leaf: leafFacts(hostile, '2026-12-01T00:00:00.000Z', 8),
      chain: [],
      orderFound: [],
      findings: [
        { code: 'EXPIRING', level: 'warning', message: `Subject ${hostile} expires`, fix: 'Renew it.' },
      ],
    },
  ],
};

describe('job summary', () => {
  it('escapes every piece of certificate text', () => {
    const md = renderSummary(report);
    assert.doesNotMatch(md, /<img/);
    assert.doesNotMatch(md, /\*\*bold\*\*/);
    assert.doesNotMatch(md, /\[link\]/);
    assert.match(md, /&#60;img/);
    assert.match(md, /## ❌ cert-rotate validate: invalid/);
    assert.match(md, /🟠 8/);
  });

  it('marks days left green, amber and red against the thresholds', () => {
    assert.equal(dayMarker(60, 30, 7), '🟢');
    assert.equal(dayMarker(30, 30, 7), '🟠');
    assert.equal(dayMarker(7, 30, 7), '🔴');
    assert.equal(dayMarker(-1, 30, 7), '🔴');
  });

  it('escapes markdown table pipes', () => {
    assert.equal(escapeMarkdown('a|b'), 'a&#124;b');
  });
});

describe('terminal text', () => {
  it('colours only when asked', () => {
    assert.ok(!renderText(report, { color: false }).includes('\u001b['));
    assert.ok(renderText(report, { color: true }).includes('\u001b[31m'));
  });
});
