/**
 * The summary as a person reads it, across every mode and shape of run: no heading sits right
 * under another (nothing said between them), a certificate is called by its name or subject, and
 * every count agrees with its noun ("1 request", not "1 requests").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CertFacts } from '../../src/certs/inspect.ts';
import type { CertificateReport, InventoryEntry, RunReport } from '../../src/report/report.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderText } from '../../src/report/text.ts';
import type { LineagePlan } from '../../src/rotation/plan.ts';
import type { LineageResult, RotationResult } from '../../src/rotation/results.ts';
import { leafFacts } from '../../test/support/leaf-facts.ts';

const NOW = '2026-11-23T00:00:00.000Z';

function leaf(cn: string, daysRemaining: number): CertFacts {
  const notAfter = new Date(Date.parse(NOW) + daysRemaining * 86_400_000 + 3_600_000).toISOString();
  return leafFacts(cn, notAfter, daysRemaining);
}

function cert(label: string, outcome: CertificateReport['outcome'], days = 60): CertificateReport {
  const status = outcome === 'invalid' ? 'invalid' : 'valid';
  return {
    name: label,
    label,
    domains: [],
    status,
    outcome,
    leaf: leaf(`${label}.example.test`, days),
    chain: [],
    orderFound: [],
    findings:
      status === 'invalid'
        ? [{ code: 'EXPIRES_SOON', level: 'error', message: 'It expires soon.', fix: 'Renew it.' }]
        : [],
  };
}

function plan(lineage: string, extra: Partial<LineagePlan> = {}): LineagePlan {
  return {
    desired: {
      lineage,
      name: `${lineage}-cccccccccccc`,
      sha1: 'c'.repeat(40),
      sha256: 'c'.repeat(64),
      notAfter: '2027-06-01T00:00:00.000Z',
    },
    current: { kind: 'create', name: `${lineage}-cccccccccccc` },
    steps: [{ op: 'create', name: `${lineage}-cccccccccccc`, reason: 'new' }],
    foreign: 0,
    ...extra,
  };
}

function lineage(name: string, status: LineageResult['status'], applied: boolean): LineageResult {
  const blocked = status === 'blocked';
  const p = blocked ? plan(name, { steps: [], blocked: 'the name is taken by other content' }) : plan(name);
  const result: LineageResult = { lineage: name, status, plan: p, attention: [] };
  if (applied) {
    result.steps = blocked
      ? []
      : [
          {
            op: 'create',
            name: `${name}-cccccccccccc`,
            certificate: { id: '9', name: `${name}-cccccccccccc` },
            outcome:
              status === 'failed'
                ? { status: 'failed', code: 'UNAVAILABLE', message: 'down' }
                : { status: 'done' },
          },
        ];
  }
  return result;
}

function rotation(mode: 'plan' | 'apply', lineages: LineageResult[]): Omit<RotationResult, 'inventory'> {
  return { mode, lineages, requests: 1 };
}

const inventory: InventoryEntry[] = [
  { id: '1', name: 'app-aaaaaaaaaaaa', dnsNames: [], notAfter: NOW, daysRemaining: 1, lineage: 'app' },
  { id: '2', name: 'hand-made', dnsNames: [], notAfter: NOW, daysRemaining: 40 },
];

function report(mode: RunReport['mode'], extra: Partial<RunReport>): RunReport {
  return {
    mode,
    ok: true,
    generatedAt: NOW,
    warnDays: 30,
    failDays: 7,
    counts: { errors: 0, warnings: 0, notices: 0 },
    certificates: [],
    skipped: [],
    ...extra,
  };
}

/** Every shape of run: single and manifest, each mode, blocked and failed lineages, inventory only. */
const RUNS: Record<string, RunReport> = {
  'validate, one certificate': report('validate', { certificates: [cert('app', 'valid')] }),
  'validate, a manifest': report('validate', {
    certificates: [cert('app', 'valid'), cert('api', 'invalid', 3)],
  }),
  'validate, everything skipped': report('validate', { skipped: ['validation: no certificate was given.'] }),
  'validate, nothing': report('validate', {}),
  'plan, one certificate': report('plan', {
    certificates: [cert('app', 'planned')],
    rotation: rotation('plan', [lineage('app', 'planned', false)]),
  }),
  'plan, a manifest with a blocked lineage and the inventory': report('plan', {
    certificates: [cert('app', 'planned'), cert('api', 'blocked'), cert('bad', 'invalid', 3)],
    rotation: rotation('plan', [lineage('app', 'planned', false), lineage('api', 'blocked', false)]),
    inventory,
  }),
  'plan, inventory only': report('plan', { rotation: rotation('plan', []), inventory }),
  'apply, one certificate, with the inventory': report('apply', {
    certificates: [cert('app', 'created')],
    rotation: rotation('apply', [lineage('app', 'created', true)]),
    inventory: [...inventory, { ...inventory[0]!, id: '3', change: 'removed' }],
  }),
  'apply, a manifest with blocked and failed lineages': report('apply', {
    certificates: [cert('app', 'failed'), cert('api', 'blocked')],
    rotation: {
      ...rotation('apply', [lineage('app', 'failed', true), lineage('api', 'blocked', true)]),
      settle: { status: 'failed', code: 'UNAVAILABLE', message: 'no reload' },
    },
  }),
  'apply, inventory only': report('apply', { rotation: rotation('apply', []), inventory }),
};

/** Pairs of headings with nothing but blank lines between them. */
function stackedHeadings(markdown: string): string[] {
  const lines = markdown.split('\n').filter((line) => line.trim() !== '');
  const heading = (line: string | undefined) => line !== undefined && /^#{1,6} /.test(line);
  return lines.flatMap((line, i) =>
    heading(line) && heading(lines[i + 1]) ? [`${line} ⟶ ${lines[i + 1]}`] : [],
  );
}

describe('summary structure', () => {
  for (const [name, run] of Object.entries(RUNS)) {
    it(`${name}: no heading right under another`, () => {
      const md = renderSummary(run);
      assert.deepEqual(stackedHeadings(md), [], md);
    });
  }

  it('a blocked lineage says why in apply mode too', () => {
    const md = renderSummary(RUNS['apply, a manifest with blocked and failed lineages']!);
    assert.match(
      md,
      /### Rotation of api: blocked\n\n> ⛔ \*\*Blocked\*\*: the name is taken by other content/,
    );
    const text = renderText(RUNS['apply, a manifest with blocked and failed lineages']!, { color: false });
    assert.match(text, /Rotation of api: blocked\n {2}blocked: the name is taken by other content/);
  });

  it('the plan of a lineage sits under its own heading, with its version and tally', () => {
    const md = renderSummary(RUNS['plan, one certificate']!);
    assert.match(
      md,
      /### Rotation of app: planned\n\napp \(SHA-1 c{40}, not after 2027-06-01\): 1 to create, 0 to rebind, 0 to remove, 0 kept\.\n\n\| \| Step/,
    );
  });
});

describe('counts', () => {
  it('agree with their nouns in the summary and the terminal text', () => {
    const one = report('apply', {
      certificates: [cert('app', 'created', 1)],
      rotation: rotation('apply', [lineage('app', 'created', true)]),
      inventory: [inventory[0]!, { ...inventory[0]!, id: '4', daysRemaining: -1 }],
    });
    const text = renderText(one, { color: false });
    assert.match(text, /^1 request to the provider\.$/m);
    assert.match(text, /\(1 day left\)/);
    assert.match(text, /app-aaaaaaaaaaaa \(1\): 1 day left/);
    assert.match(text, /app-aaaaaaaaaaaa \(4\): expired 1 day ago/);
    assert.match(text, /after this run: 2 certificates held/);
    assert.doesNotMatch(text, /\b1 (days|requests|certificates)\b/);
    const md = renderSummary(one);
    assert.match(md, /holds 2 certificates \(0 uploaded by this run\); 0 removed\./);
    assert.doesNotMatch(md, /\b1 (days|requests|certificates)\b/);
    const single = renderSummary(
      report('plan', { rotation: rotation('plan', []), inventory: [inventory[1]!] }),
    );
    assert.match(single, /cert-rotate plan: inventory of 1 certificate\b/);
    assert.match(single, /The provider holds 1 certificate\./);
  });
});
