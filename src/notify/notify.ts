/**
 * The alert, end to end, for the entry points: decide (decide.ts), build the one message in the
 * chosen form (slack.ts, summary.ts), send it (send.ts), and say in the log what happened. Loaded
 * only by a run with a webhook. Never throws and never fails the step: the certificates are done
 * by now, and a chat that is down is a warning.
 */
import { attentionOf, changedBy } from './attention.ts';
import { decideNotify, type ExpiryIssueChange, type NotifyDecision } from './decide.ts';
import { sendNotification, type SendOptions, type SendOutcome } from './send.ts';
import type { NotifySettings } from './settings.ts';
import { type MessagePlace, slackMessage } from './slack.ts';
import { summaryMessage } from './summary.ts';
import type { RunReport } from '../report/report.ts';

export interface NotifyLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface NotifyRun {
  settings: NotifySettings;
  place: MessagePlace;
  pullRequest: boolean;
  /** With `expiry-issue: true`, what the issue did this run (undefined when it was not brought up to date). */
  expiryIssue?: ExpiryIssueChange | undefined;
  log: NotifyLog;
  send?: SendOptions;
}

export interface NotifyResult {
  decision: NotifyDecision;
  outcome?: SendOutcome;
}

export async function notify(report: RunReport, run: NotifyRun): Promise<NotifyResult> {
  try {
    const attention = attentionOf(report);
    const decision = decideNotify({
      on: run.settings.on,
      attention,
      changed: changedBy(report),
      expiryIssue: run.expiryIssue,
      pullRequest: run.pullRequest,
    });
    if (!decision.send) {
      run.log.info(`No notification: ${decision.why}`);
      return { decision };
    }
    const message =
      run.settings.format === 'slack'
        ? slackMessage(report, decision, attention, run.place)
        : summaryMessage(report, decision.reason, decision.expiryIssue, attention, run.place);
    const outcome = await sendNotification(run.settings.url, message, run.send);
    if (outcome.ok) run.log.info(`Notification sent (${decision.reason}).`);
    else run.log.warning(`Could not send the notification (${decision.reason}): ${outcome.problem}.`);
    return { decision, outcome };
  } catch (thrown) {
    // A bug here must not fail a step whose work is done. Only the error's class is said: its
    // message, from the network layer, can name the address.
    const kind = thrown instanceof Error ? thrown.name : typeof thrown;
    run.log.warning(`Could not send the notification: an internal error (${kind}).`);
    return { decision: { send: false, why: 'an internal error.' } };
  }
}
