/**
 * The run as a Slack incoming-webhook message: `text` (what Mattermost and Rocket.Chat show, and
 * Slack's fallback for notifications) and `blocks` (what Slack shows). Within Slack's limits: at
 * most 50 blocks, a section's text at most 3,000 characters, a header's 150; `text` is kept far
 * under Slack's 40,000, and under Mattermost's 16,383, so no receiver cuts or splits it. Outside
 * text goes through escapeMrkdwn; nothing secret is in the report to begin with.
 */
import { plural } from '../plural.ts';
import { overallStatus, type RunReport } from '../report/report.ts';
import type { AttentionItem } from './attention.ts';
import type { NotifyDecision } from './decide.ts';
import { clip, escapeMrkdwn } from './mrkdwn.ts';

export const MAX_BLOCKS = 50;
export const MAX_SECTION_CHARS = 3000;
const MAX_HEADER_CHARS = 150;
/** Under Mattermost's post limit (16,383), which Slack's 40,000 is above. */
export const MAX_TEXT_CHARS = 12_000;
/** A label is a name or a subject, which can be megabytes: a line shows its start. */
const MAX_LABEL_CHARS = 200;

/** Where the run happened, for the reader: from the runner's context (absent in a terminal). */
export interface MessagePlace {
  repository?: string | undefined;
  workflow?: string | undefined;
  runUrl?: string | undefined;
}

type Text = { type: 'plain_text'; text: string; emoji?: boolean } | { type: 'mrkdwn'; text: string };
export type Block =
  | { type: 'header'; text: Text }
  | { type: 'section'; text: Text }
  | { type: 'context'; elements: Text[] };

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

type Sent = Extract<NotifyDecision, { send: true }>;

export function slackMessage(
  report: RunReport,
  decision: Sent,
  attention: readonly AttentionItem[],
  place: MessagePlace,
): SlackMessage {
  const title = titleOf(report, decision, attention);
  const about = aboutLines(report, place);
  const needs = attention.map(attentionLine);
  const certificates = certificateLines(report);
  const listHeading = `*${report.served === undefined ? 'Certificates' : 'Endpoints'}*`;
  const link = runLink(place.runUrl);

  const fixed = 2 + (link === undefined ? 0 : 1);
  const sections = [...sectionsOf('*Needs attention*', needs), ...sectionsOf(listHeading, certificates)];
  const room = MAX_BLOCKS - fixed;
  const shown =
    sections.length <= room ? sections : [...sections.slice(0, room - 1), moreNote(sections.slice(room - 1))];
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(title, MAX_HEADER_CHARS), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(about.join('\n'), MAX_SECTION_CHARS) } },
    ...shown.map((text): Block => ({ type: 'section', text: { type: 'mrkdwn', text } })),
  ];
  if (link !== undefined) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: link }] });

  const textLines = [
    `*${title}*`,
    ...about,
    ...(needs.length > 0 ? ['*Needs attention*', ...needs] : []),
    ...(certificates.length > 0 ? [listHeading, ...certificates] : []),
  ];
  return { text: fitText(textLines, link), blocks };
}

function titleOf(report: RunReport, decision: Sent, attention: readonly AttentionItem[]): string {
  if (decision.expiryIssue === 'closed' && attention.length === 0) {
    return '✅ cert-rotate: every certificate is outside the warning window again';
  }
  if (decision.reason === 'attention') {
    return report.ok ? '⚠️ cert-rotate: certificates need attention' : `❌ cert-rotate ${report.mode} failed`;
  }
  if (decision.reason === 'change') return `🔁 cert-rotate ${report.mode}: certificates changed`;
  return `${report.ok ? '✅' : '❌'} cert-rotate ${report.mode}: ${overallStatus(report)}`;
}

function aboutLines(report: RunReport, place: MessagePlace): string[] {
  const counts = report.counts;
  const lines = [
    `*${report.mode}* · status *${overallStatus(report)}* · ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`,
  ];
  const where = [place.repository, place.workflow].filter((w): w is string => w !== undefined && w !== '');
  if (where.length > 0) lines.push(escapeMrkdwn(clip(where.join(' · '), MAX_LABEL_CHARS)));
  return lines;
}

const label = (what: string): string => `*${escapeMrkdwn(clip(what, MAX_LABEL_CHARS))}*`;

function expiry(notAfter: string, days: number): string {
  const date = notAfter.slice(0, 10);
  if (days < 0) return `expired ${date} (${plural(-days, 'day')} ago)`;
  return `expires ${date} (${days === 0 ? 'today' : `in ${plural(days, 'day')}`})`;
}

function attentionLine(item: AttentionItem): string {
  switch (item.kind) {
    case 'expiring':
      return `• ${label(item.what)} ${expiry(item.notAfter, item.daysRemaining)}`;
    case 'failed':
      return `• ${label(item.what)}: ${item.status}${item.codes.length > 0 ? ` (${item.codes.slice(0, 8).join(', ')})` : ''}`;
    case 'verification-failed':
      return '• The live check failed: an endpoint does not serve the certificate it should.';
    case 'settle-failed':
      return `• The provider's follow-up after the changes (a Traefik reload) failed (${item.code}).`;
    case 'run-failed':
      return '• The run failed.';
  }
}

function certificateLines(report: RunReport): string[] {
  if (report.served !== undefined) {
    return report.served.map((e) => {
      const bad = e.findings.some((f) => f.level === 'error');
      const when =
        e.notAfter !== undefined && e.daysRemaining !== undefined
          ? `, ${expiry(e.notAfter, e.daysRemaining)}`
          : '';
      return `• ${label(`${e.host}:${e.port}`)} — ${bad ? 'invalid' : 'valid'}${when}`;
    });
  }
  return report.certificates.map((c) => {
    const when = c.leaf ? `, ${expiry(c.leaf.notAfter, c.leaf.daysRemaining)}` : '';
    return `• ${label(c.label)} — ${c.outcome}${when}`;
  });
}

/** Lines in sections of at most MAX_SECTION_CHARS, the heading on the first. */
function sectionsOf(heading: string, lines: readonly string[]): string[] {
  if (lines.length === 0) return [];
  const sections: string[] = [];
  let current = heading;
  for (const line of lines) {
    if (current.length + 1 + line.length > MAX_SECTION_CHARS) {
      sections.push(current);
      current = clip(line, MAX_SECTION_CHARS);
    } else current = `${current}\n${line}`;
  }
  sections.push(current);
  return sections;
}

function moreNote(left: readonly string[]): string {
  const lines = left.reduce((n, s) => n + s.split('\n').filter((l) => l.startsWith('•')).length, 0);
  return `…and ${plural(lines, 'more line')}: the run's job summary has them all.`;
}

/**
 * The run's page as a Slack link. It is made by the runner's context from GitHub's own address
 * and the repository's name; a character that would end the link early is refused rather than
 * escaped (Slack has no escape inside `<…>`).
 */
function runLink(runUrl: string | undefined): string | undefined {
  if (runUrl === undefined || !/^https?:\/\/[^\s<>|&]+$/.test(runUrl)) return undefined;
  return `<${runUrl}|View the run>`;
}

function fitText(lines: readonly string[], link: string | undefined): string {
  const tail = link === undefined ? [] : [link];
  const reserve = 120 + (link?.length ?? 0);
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    if (used + line.length + 1 > MAX_TEXT_CHARS - reserve) {
      kept.push(`…and ${plural(lines.length - i, 'more line')}: the run's job summary has them all.`);
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return [...kept, ...tail].join('\n');
}
