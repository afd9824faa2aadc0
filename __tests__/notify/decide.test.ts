/**
 * When a run sends its one message: the three `notify-on` modes, a pull request, and the expiry
 * issue's interplay (only its opening, a change of its list and its closing are news). Pure.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttentionItem } from '../../src/notify/attention.ts';
import { decideNotify, type NotifyFacts } from '../../src/notify/decide.ts';

const expiring: AttentionItem = {
  kind: 'expiring',
  what: 'app',
  notAfter: '2027-01-01T00:00:00.000Z',
  daysRemaining: 12,
};
const facts = (extra: Partial<NotifyFacts>): NotifyFacts => ({
  on: 'attention',
  attention: [],
  changed: false,
  pullRequest: false,
  ...extra,
});
const sends = (f: Partial<NotifyFacts>) => {
  const decision = decideNotify(facts(f));
  return decision.send ? decision.reason : undefined;
};

describe('decideNotify', () => {
  it('attention: only when something needs attention, not for a write alone', () => {
    assert.equal(sends({ attention: [expiring] }), 'attention');
    assert.equal(sends({ attention: [{ kind: 'verification-failed' }] }), 'attention');
    assert.equal(
      sends({ attention: [{ kind: 'failed', what: 'app', status: 'failed', codes: ['X'] }] }),
      'attention',
    );
    assert.equal(sends({}), undefined);
    assert.equal(sends({ changed: true }), undefined);
    assert.deepEqual(decideNotify(facts({})), { send: false, why: 'nothing needs attention.' });
  });

  it('change: anything written, and what needs attention too', () => {
    assert.equal(sends({ on: 'change', changed: true }), 'change');
    assert.equal(sends({ on: 'change', attention: [expiring], changed: true }), 'attention');
    assert.equal(sends({ on: 'change', attention: [expiring] }), 'attention');
    assert.equal(sends({ on: 'change' }), undefined);
  });

  it('always: every run, one message, with the strongest reason', () => {
    assert.equal(sends({ on: 'always' }), 'always');
    assert.equal(sends({ on: 'always', changed: true }), 'change');
    assert.equal(sends({ on: 'always', attention: [expiring] }), 'attention');
  });

  it("a pull request's run sends nothing, whatever the mode", () => {
    for (const on of ['attention', 'change', 'always'] as const) {
      assert.equal(sends({ on, pullRequest: true, attention: [expiring], changed: true }), undefined);
    }
  });

  it('with the expiry issue: its opening, a change of its list and its closing are news; the rest is not', () => {
    for (const issue of ['opened', 'changed', 'closed'] as const) {
      const decision = decideNotify(
        facts({ expiryIssue: issue, attention: issue === 'closed' ? [] : [expiring] }),
      );
      assert.deepEqual(decision, { send: true, reason: 'attention', expiryIssue: issue });
    }
    for (const issue of ['unchanged', 'none'] as const) {
      assert.equal(sends({ expiryIssue: issue, attention: [expiring] }), undefined, issue);
      assert.match(
        (decideNotify(facts({ expiryIssue: issue, attention: [expiring] })) as { why: string }).why,
        /alerts follow the issue/,
      );
    }
    // What else the mode asks for still goes: a write, or every run.
    assert.equal(
      sends({ on: 'change', expiryIssue: 'unchanged', attention: [expiring], changed: true }),
      'change',
    );
    assert.equal(sends({ on: 'always', expiryIssue: 'unchanged', attention: [expiring] }), 'always');
  });
});
