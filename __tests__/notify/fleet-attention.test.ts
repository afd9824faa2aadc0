/** Alerts for a fleet: a target that could not be rotated, and writes on any target, count. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attentionOf, changedBy } from '../../src/notify/attention.ts';
import { buildReport } from '../../src/report/report.ts';
import type { RotationResult } from '../../src/rotation/results.ts';

const settings = { mode: 'apply' as const, warnDays: 30, failDays: 7, inventory: false };
const created: RotationResult = {
  mode: 'apply',
  requests: 3,
  inventory: [],
  lineages: [
    {
      lineage: 'app',
      status: 'created',
      attention: [],
      plan: {
        desired: {
          lineage: 'app',
          name: 'app-aaaaaaaaaaaa',
          sha1: 'a'.repeat(40),
          sha256: 'b'.repeat(64),
          notAfter: '2027-01-01T00:00:00Z',
        },
        current: { kind: 'create' },
        steps: [],
      } as unknown as RotationResult['lineages'][number]['plan'],
      steps: [{ op: 'create', name: 'app-aaaaaaaaaaaa', outcome: { status: 'done' } }],
    },
  ],
};

describe('alerts for a fleet', () => {
  it('a target that could not be rotated needs attention; a write on another target is a change', () => {
    const report = buildReport({
      settings,
      checked: [],
      skipped: [],
      now: new Date('2026-12-03T00:00:00Z'),
      targets: [
        { name: 'do-prod', label: 'DigitalOcean', lineages: ['app'], result: created },
        {
          name: 'do-staging',
          label: 'DigitalOcean',
          lineages: ['app'],
          error: { code: 'AUTH', message: 'DigitalOcean refused the token.' },
        },
      ],
    });
    assert.deepEqual(
      attentionOf(report).filter((i) => i.kind === 'failed'),
      [{ kind: 'failed', what: 'target do-staging', status: 'failed', codes: ['AUTH'] }],
    );
    assert.equal(changedBy(report), true);
  });
});
