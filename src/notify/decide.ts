/**
 * Whether a run sends its one message, and why. Pure: every rule of `notify-on` and of the expiry
 * issue's interplay is here and tested without a socket.
 *
 * - `attention`: something needs a person (attention.ts). With `expiry-issue: true` the issue is
 *   the memory between runs: the message goes when the issue opens, when what it lists changes,
 *   and when it closes, not on every nightly run that finds the same certificates still expiring.
 * - `change`: that, or anything written at the provider.
 * - `always`: every run.
 */
import type { ExpiryIssueChange } from '../publish-github.ts';
import type { NotifyOn } from './settings.ts';
import type { AttentionItem } from './attention.ts';

export type { ExpiryIssueChange };

export interface NotifyFacts {
  on: NotifyOn;
  attention: readonly AttentionItem[];
  changed: boolean;
  /** Set when `expiry-issue: true` and this run brought the issue up to date; else the alert decides alone. */
  expiryIssue?: ExpiryIssueChange | undefined;
  /** A pull request's run only plans, and says what it found in its comment. */
  pullRequest: boolean;
}

export type NotifyReason = 'attention' | 'change' | 'always';

export type NotifyDecision =
  | { send: true; reason: NotifyReason; expiryIssue?: ExpiryIssueChange }
  /** `why`: for the log, a sentence. */
  | { send: false; why: string };

const ISSUE_NEWS = new Set<ExpiryIssueChange>(['opened', 'changed', 'closed']);

export function decideNotify(facts: NotifyFacts): NotifyDecision {
  if (facts.pullRequest) {
    return { send: false, why: "a pull request's run says what it found in its comment." };
  }
  const issue = facts.expiryIssue;
  const attention = issue === undefined ? facts.attention.length > 0 : ISSUE_NEWS.has(issue);
  const withIssue = issue === undefined ? {} : { expiryIssue: issue };
  if (attention) return { send: true, reason: 'attention', ...withIssue };
  if (facts.changed && facts.on !== 'attention') return { send: true, reason: 'change', ...withIssue };
  if (facts.on === 'always') return { send: true, reason: 'always', ...withIssue };
  if (issue !== undefined && facts.attention.length > 0) {
    return {
      send: false,
      why: `with expiry-issue, alerts follow the issue, which did not change (${issue}).`,
    };
  }
  return {
    send: false,
    why:
      facts.on === 'attention'
        ? 'nothing needs attention.'
        : 'nothing needs attention and nothing was written.',
  };
}
