/**
 * What the action hands GitHub stays inside GitHub's limits whatever the report holds: the job
 * summary under 1 MiB (GitHub drops a larger one whole), the `report` output under 1 MB as
 * GitHub counts it (UTF-16), and the log cut in proportion; each says what it cut.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { publish } from '../../src/publish.ts';
import {
  fitLines,
  fitLog,
  fitSummary,
  REPORT_OUTPUT_CHARS,
  reportOutput,
  SUMMARY_LIMIT_BYTES,
} from '../../src/report/output-size.ts';
import type { InventoryEntry, RunReport } from '../../src/report/report.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderText } from '../../src/report/text.ts';
import { parseOutputFile } from '../support/run-dist.ts';

/** An account of 30,000 certificates with long, multi-byte names: a 7 MB summary, a 9 MB report. */
function hugeReport(): RunReport {
  const inventory: InventoryEntry[] = Array.from({ length: 30_000 }, (_, i) => ({
    id: `id-${i}`,
    name: `zertifikat-größe-${'ü'.repeat(40)}-${i}`,
    notAfter: '2027-01-01T00:00:00.000Z',
    daysRemaining: 100 + (i % 300),
    dnsNames: [`host-${i}.example.test`, `www.host-${i}.example.test`],
  }));
  return {
    mode: 'plan',
    ok: true,
    generatedAt: '2026-12-03T00:00:00.000Z',
    warnDays: 30,
    failDays: 7,
    counts: { errors: 0, warnings: 0, notices: 0 },
    certificates: [],
    skipped: [],
    inventory,
  };
}

describe('output sizes', () => {
  let folder: string;
  const saved = { summary: process.env.GITHUB_STEP_SUMMARY, output: process.env.GITHUB_OUTPUT };
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cert-rotate-sizes-'));
  });
  after(async () => {
    for (const [name, value] of [
      ['GITHUB_STEP_SUMMARY', saved.summary],
      ['GITHUB_OUTPUT', saved.output],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(folder, { recursive: true, force: true });
  });

  it('publish writes a summary under 1 MiB and a report output under 1 MB (UTF-16), each saying it was cut', async () => {
    const report = hugeReport();
    assert.ok(
      Buffer.byteLength(renderSummary(report)) > 4 * SUMMARY_LIMIT_BYTES,
      'the test report is too big to fit',
    );
    const summaryFile = join(folder, 'summary.md');
    const outputFile = join(folder, 'output');
    await writeFile(summaryFile, '');
    await writeFile(outputFile, '');
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
    process.env.GITHUB_OUTPUT = outputFile;
    await publish(report);

    const summary = await readFile(summaryFile, 'utf8');
    const bytes = Buffer.byteLength(summary);
    assert.ok(bytes <= SUMMARY_LIMIT_BYTES && bytes < 1024 * 1024, `${bytes} bytes`);
    assert.ok(bytes > SUMMARY_LIMIT_BYTES - 2000, `cut close to the limit, not far below: ${bytes}`);
    const lines = summary.trimEnd().split('\n');
    assert.match(
      lines.at(-1)!,
      /^_\(cut: [\d,]+ more lines, over the 1,000,000 bytes a job summary may hold; the whole report is in the `report` output and the log\.\)_$/,
    );
    // Cut between rows: every table line before the note is a whole row.
    const rows = lines.filter((line) => line.startsWith('|'));
    assert.ok(rows.length > 1000);
    for (const row of rows) assert.match(row, /^\| .* \|$/);
    assert.ok(!summary.includes('\uFFFD'), 'no character cut in half');

    const output = parseOutputFile(await readFile(outputFile, 'utf8')).report!;
    assert.ok(output.length <= REPORT_OUTPUT_CHARS, `${output.length} characters`);
    const parsed = JSON.parse(output) as RunReport & {
      cut: { characters: number; kept: Record<string, { kept: number; of: number }> };
    };
    assert.equal(parsed.cut.kept.inventory?.of, 30_000);
    assert.equal(parsed.inventory?.length, parsed.cut.kept.inventory?.kept);
    assert.deepEqual(parsed.inventory?.[0], report.inventory?.[0], 'the items kept are whole');
    assert.equal(parsed.cut.characters, JSON.stringify(report).length);
  });

  it('renders an inventory of 200,000 certificates, long expired ones too, without overflowing the stack', () => {
    const report = hugeReport();
    report.inventory = Array.from({ length: 200_000 }, (_, i) => ({
      id: `id-${i}`,
      name: `c-${i}`,
      notAfter: '2020-01-01T00:00:00.000Z',
      daysRemaining: i % 2 === 0 ? 100 : -1000,
      dnsNames: [],
    }));
    assert.ok(fitSummary(renderSummary(report)).length > 0);
    assert.ok(fitLog(renderText(report, { color: false })).length > 0);
  });

  it('annotations quote at most 4,000 characters of a finding (a subject can be megabytes)', async () => {
    const subject = `CN=${'x'.repeat(2_000_000)}`;
    const { inventory: _none, ...rest } = hugeReport();
    const report: RunReport = {
      ...rest,
      certificates: [
        {
          label: 'big',
          domains: [],
          status: 'invalid',
          outcome: 'invalid',
          chain: [],
          orderFound: [],
          findings: [
            {
              code: 'NO_SAN',
              level: 'error',
              message: `The certificate "${subject}" has none.`,
              fix: 'Re-issue it.',
              subject,
            },
          ],
        },
      ],
    };
    delete process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_OUTPUT = join(folder, 'output-annotations');
    await writeFile(process.env.GITHUB_OUTPUT, '');
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await publish(report);
    } finally {
      process.stdout.write = write;
    }
    const annotation = written.find((line) => line.startsWith('::error'));
    assert.ok(annotation, written.join('').slice(0, 500));
    assert.ok(annotation.length < 4500, `${annotation.length} characters`);
    assert.match(annotation, /x…\n?$/);
  });

  it('a report that fits is the whole report, with no cut', () => {
    const report = { ...hugeReport(), inventory: hugeReport().inventory!.slice(0, 3) };
    assert.equal(reportOutput(report), JSON.stringify(report));
  });

  it('fitLines closes a code fence and <details> the cut leaves open, and counts the lines cut', () => {
    const text = `<details><summary>s</summary>\n\n\`\`\`mermaid\n${'row\n'.repeat(1000)}\`\`\`\n</details>\n`;
    const out = fitLines(text, 500, (n) => `cut ${n}`);
    assert.ok(Buffer.byteLength(out) <= 500);
    assert.match(out, /row\n```\n<\/details>\n\ncut \d+\n$/);
    const kept = out.split('\n').filter((l) => l === 'row').length;
    assert.equal(Number(/cut (\d+)/.exec(out)![1]), 1000 - kept + 2);
  });

  it('fitLines cuts one giant line at a character boundary', () => {
    const out = fitLines('€'.repeat(100_000), 1000, () => 'cut');
    assert.ok(Buffer.byteLength(out) <= 1000);
    assert.ok(!out.includes('\uFFFD'));
    assert.match(out, /^€+\n\ncut\n$/);
  });

  it('the log keeps whole lines up to its bound and says where the rest is', () => {
    const out = fitLog('line\n'.repeat(1_000_000), 10_000);
    assert.ok(Buffer.byteLength(out) <= 10_000);
    assert.match(
      out,
      /\(cut: [\d,]+ more lines of the report, over 10,000 bytes; the `report` output holds it as JSON\.\)\n$/,
    );
  });
});
