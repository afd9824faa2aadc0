/**
 * What the action tells GitHub beyond the step itself: the sticky comment on a pull request and
 * the expiry issue of scheduled runs. Neither may fail the step: the certificate work is done by
 * now, and a token without write access (a fork's, or a workflow without `permissions:`) is a
 * normal situation that is said in the log, not an error.
 */
import { createHash } from 'node:crypto';
import type { GitHubClient } from './github/client.ts';
import type { RunContext } from './github/context.ts';
import { expiryIssueMarker, syncExpiryIssue } from './github/expiry-issue.ts';
import { commentMarker, upsertPrComment } from './github/pr-comment.ts';
import { messageWithFix } from './errors.ts';
import { Inputs } from './constants.ts';
import { plural } from './plural.ts';
import { type Expiring, expiringSoon, type RunReport } from './report/report.ts';
import { escapeMarkdown, printableLines } from './report/escape.ts';
import { renderSummary } from './report/summary.ts';
import type { Settings } from './settings.ts';

export interface GitHubLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface GitHubPublishing {
  context: RunContext;
  settings: Pick<Settings, 'github' | 'certificates' | 'warnDays'>;
  /** Made (and its code loaded) on first use, so runs that post nothing never build one. */
  client: () => Promise<GitHubClient>;
  log: GitHubLog;
}

/**
 * What the expiry issue did, when this run brought it up to date. The chat alert follows it
 * (notify/decide.ts), so a nightly run does not say the same thing every night.
 */
export type ExpiryIssueChange =
  | 'opened'
  /** Updated, and what it lists changed (a certificate came or went, or became failing or expired). */
  | 'changed'
  /** As it was, or updated in the days left alone. */
  | 'unchanged'
  | 'closed'
  /** No issue, and nothing to open one for. */
  | 'none';

export interface GitHubPublished {
  /** Undefined when the issue was not brought up to date (off, a pull request, no token, GitHub refused). */
  expiryIssue?: ExpiryIssueChange;
}

export async function publishToGitHub(
  report: RunReport,
  publishing: GitHubPublishing,
): Promise<GitHubPublished> {
  const { context, settings, log } = publishing;
  const repo = context.repo;
  const published: GitHubPublished = {};
  if (repo === undefined) return published;
  const key = markerKey(settings);

  if (context.pullRequest && settings.github.commentOnPr) {
    const pr = context.pullRequest;
    if (pr.fork && context.event === 'pull_request') {
      log.info(
        'No pull request comment: a pull request from a fork runs with a read-only token. The report is in the job summary.',
      );
    } else if (!settings.github.token) {
      log.info(`No pull request comment: ${Inputs.GitHubToken} is empty.`);
    } else {
      await attempt(log, 'comment on the pull request', async () => {
        const result = await upsertPrComment(await publishing.client(), {
          ...repo,
          number: pr.number,
          marker: commentMarker(context, key),
          body: commentBody(report, context),
          runUrl: context.runUrl,
          section: report.shard,
        });
        log.info(`Pull request comment ${result.action}: ${result.url}`);
      });
    }
  }

  if (settings.github.expiryIssue && !context.pullRequest) {
    // A run that checked nothing (a skipped one) knows nothing about expiry: it must not close the issue.
    if (report.certificates.length === 0 && report.inventory === undefined && report.served === undefined) {
      log.info('Expiry issue left as it is: this run checked no certificate.');
      return published;
    }
    if (!settings.github.token) {
      log.warning(`The expiry issue was not updated: ${Inputs.GitHubToken} is empty.`);
      return published;
    }
    const expiring = expiringSoon(report);
    await attempt(log, 'update the expiry issue', async () => {
      const result = await syncExpiryIssue(await publishing.client(), {
        ...repo,
        marker: expiryIssueMarker(context, key),
        // The shards of a matrix share the issue: its title cannot count what only one of them saw.
        title:
          report.shard === undefined
            ? issueTitle(expiring, settings.warnDays)
            : `Certificates expiring (warning window ${plural(settings.warnDays, 'day')})`,
        body:
          expiring.length === 0
            ? undefined
            : `${report.shard === undefined ? '' : `#### Shard ${escapeMarkdown(report.shard)}\n\n`}${issueBody(expiring, report, context)}`,
        runUrl: context.runUrl,
        section: report.shard,
        listKey: listKey(expiring, report.failDays),
      });
      if (result.action !== 'none')
        log.info(`Expiry issue ${result.action}: #${result.number} ${result.url ?? ''}`);
      published.expiryIssue =
        result.action === 'updated'
          ? result.listChanged === false
            ? 'unchanged'
            : 'changed'
          : result.action;
    });
  }
  return published;
}

/**
 * What the issue lists, hashed: each certificate by where it was seen, its name and expiry, and
 * whether it is expiring, failing (inside fail-days) or expired. The days left are not in it: they
 * change every day, and a change of the list is what is worth an alert.
 */
function listKey(expiring: readonly Expiring[], failDays: number): string {
  const rows = expiring.map((e) => {
    const state = e.daysRemaining < 0 ? 'expired' : e.daysRemaining <= failDays ? 'failing' : 'expiring';
    return JSON.stringify([e.source, e.what, e.notAfter, state]);
  });
  const digest = createHash('sha256').update(rows.sort().join('\n')).digest('hex').slice(0, 32);
  // Written with g–v for 0–f: GitHub links a run of seven hex digits as a commit, even in a comment.
  return digest.replace(/[0-9a-f]/g, (d) => 'ghijklmnopqrstuv'.charAt(Number.parseInt(d, 16)));
}

/** Tells apart comments and issues of matrix legs and of two steps in one job. */
function markerKey(settings: GitHubPublishing['settings']): string | undefined {
  const source = settings.certificates;
  if (source.kind === 'manifest') return source.path;
  if (source.kind === 'inputs') return source.entry.name;
  return undefined;
}

async function attempt(log: GitHubLog, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (thrown) {
    log.warning(`Could not ${what}: ${printableLines(messageWithFix(thrown))}`);
  }
}

function commentBody(report: RunReport, context: RunContext): string {
  const run = context.runUrl ? `[the run](${context.runUrl})` : 'the run';
  return `${renderSummary(report)}\n<sub>cert-rotate-action · updated on each push · details in the job summary of ${run}</sub>\n`;
}

function issueTitle(expiring: readonly Expiring[], warnDays: number): string {
  const expired = expiring.filter((e) => e.daysRemaining < 0).length;
  const what =
    expired > 0
      ? `${plural(expired, 'certificate')} expired`
      : `${plural(expiring.length, 'certificate')} expiring`;
  return `Certificates: ${what} (warning window ${plural(warnDays, 'day')})`;
}

const SEEN_IN: Record<Expiring['source'], string> = {
  checked: 'checked by the run',
  inventory: 'provider inventory',
  served: 'served at the endpoint',
};

function issueBody(expiring: readonly Expiring[], report: RunReport, context: RunContext): string {
  const rows = expiring.map((e) => {
    const left =
      e.daysRemaining < 0
        ? `🔴 expired ${plural(-e.daysRemaining, 'day')} ago`
        : `${e.daysRemaining <= report.failDays ? '🔴' : '🟠'} ${e.daysRemaining}`;
    return `| ${escapeMarkdown(e.what)} | ${e.notAfter.slice(0, 10)} | ${left} | ${SEEN_IN[e.source]} |`;
  });
  const run = context.runUrl ? ` [The run](${context.runUrl}) has the whole report.` : '';
  return [
    `These certificates expire within ${plural(report.warnDays, 'day')} (or have expired).${run}`,
    '',
    '| Certificate | Not after | Days left | Seen in |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    'Renew them and store the new certificate and key in the secrets the workflow reads; the next run rotates them.',
    'This issue is updated by each scheduled run and closed by the first run that finds every certificate outside the window.',
    '',
  ].join('\n');
}
