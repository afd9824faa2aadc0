/**
 * `notify-format: json`: the report's summary, for a receiver that is not a chat (an incident
 * tool, a function, a queue). Compact and stable: the run's mode, status and counts, each
 * certificate's (or endpoint's) outcome and expiry, the live check's verdict, and what needs
 * attention, with why the message was sent. The whole report is the `report` output; this is what
 * fits in one request, whatever the run: lists are cut at MAX_ITEMS, with how many were left out.
 * Plain JSON values, so the receiver escapes for wherever it shows them.
 */
import { overallStatus, type RunReport } from '../report/report.ts';
import type { VerifyStatus } from '../verification/verdict.ts';
import { VERSION } from '../version.ts';
import type { AttentionItem } from './attention.ts';
import type { ExpiryIssueChange, NotifyReason } from './decide.ts';
import { clip } from './mrkdwn.ts';
import type { MessagePlace } from './slack.ts';

export const MAX_ITEMS = 500;
const MAX_LABEL_CHARS = 200;

export interface SummaryItem {
  what: string;
  outcome: string;
  notAfter: string | null;
  daysRemaining: number | null;
}

export interface NotifySummary {
  source: 'cert-rotate-action';
  version: string;
  reason: NotifyReason;
  expiryIssue?: ExpiryIssueChange;
  mode: RunReport['mode'];
  status: string;
  ok: boolean;
  generatedAt: string;
  counts: RunReport['counts'];
  verified: VerifyStatus | null;
  /** Certificates, or in check mode the endpoints checked. */
  certificates: SummaryItem[];
  attention: AttentionItem[];
  /** Items left out of `certificates` and `attention` to keep the message small. */
  omitted?: { certificates: number; attention: number };
  repository?: string;
  workflow?: string;
  runUrl?: string;
}

export function summaryMessage(
  report: RunReport,
  reason: NotifyReason,
  expiryIssue: ExpiryIssueChange | undefined,
  attention: readonly AttentionItem[],
  place: MessagePlace,
): NotifySummary {
  const items = report.served === undefined ? certificateItems(report) : endpointItems(report);
  const summary: NotifySummary = {
    source: 'cert-rotate-action',
    version: VERSION,
    reason,
    ...(expiryIssue === undefined ? {} : { expiryIssue }),
    mode: report.mode,
    status: overallStatus(report),
    ok: report.ok,
    generatedAt: report.generatedAt,
    counts: report.counts,
    verified: report.verified ?? null,
    certificates: items.slice(0, MAX_ITEMS),
    attention: attention.slice(0, MAX_ITEMS).map(clipped),
  };
  if (items.length > MAX_ITEMS || attention.length > MAX_ITEMS) {
    summary.omitted = {
      certificates: Math.max(0, items.length - MAX_ITEMS),
      attention: Math.max(0, attention.length - MAX_ITEMS),
    };
  }
  if (place.repository) summary.repository = place.repository;
  if (place.workflow) summary.workflow = clip(place.workflow, MAX_LABEL_CHARS);
  if (place.runUrl) summary.runUrl = place.runUrl;
  return summary;
}

function certificateItems(report: RunReport): SummaryItem[] {
  return report.certificates.map((c) => ({
    what: clip(c.label, MAX_LABEL_CHARS),
    outcome: c.outcome,
    notAfter: c.leaf?.notAfter ?? null,
    daysRemaining: c.leaf?.daysRemaining ?? null,
  }));
}

function endpointItems(report: RunReport): SummaryItem[] {
  return (report.served ?? []).map((e) => ({
    what: clip(`${e.host}:${e.port}`, MAX_LABEL_CHARS),
    outcome: e.findings.some((f) => f.level === 'error') ? 'invalid' : 'valid',
    notAfter: e.notAfter ?? null,
    daysRemaining: e.daysRemaining ?? null,
  }));
}

function clipped(item: AttentionItem): AttentionItem {
  return 'what' in item ? { ...item, what: clip(item.what, MAX_LABEL_CHARS) } : item;
}
