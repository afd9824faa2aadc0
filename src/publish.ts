/**
 * Everything the action tells GitHub: outputs, annotations, the job summary. Made from the
 * report, which holds no secret.
 */
import * as core from './runner.ts';
import { type OutputName, Outputs } from './constants.ts';
import { overallStatus, type RunReport } from './report/report.ts';
import { type AppliedStep, wrote } from './rotation/results.ts';
import { matrixOutput } from './fleet/shards.ts';
import { printable } from './report/escape.ts';
import { fitSummary, reportOutput } from './report/output-size.ts';
import { renderSummary } from './report/summary.ts';

export async function publish(report: RunReport): Promise<void> {
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
  annotate(report);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(fitSummary(renderSummary(report))).write();
}

/**
 * The outputs. Those about one certificate (fingerprints, id, name) are set when the run has
 * exactly one; a manifest run sets the soonest expiry and the overall status, and every
 * certificate's details are in `report`.
 */
export function outputsOf(report: RunReport): Record<OutputName, string> {
  const single = report.certificates.length === 1 ? report.certificates[0] : undefined;
  // With several targets, a lineage appears once per target it went to.
  const lineages = [
    ...(report.rotation?.lineages ?? []),
    ...(report.targets ?? []).flatMap((t) => t.rotation?.lineages ?? []),
  ];
  const steps = lineages.flatMap((l) => l.steps ?? []);
  const soonest = report.certificates
    .flatMap((c) => (c.leaf ? [c.leaf] : []))
    .sort((a, b) => a.daysRemaining - b.daysRemaining)[0];
  const current = single && lineages.length === 1 ? lineages[0]?.current : undefined;
  const removedBy = (list: readonly AppliedStep[]) =>
    list.flatMap((step) =>
      (step.op === 'remove' || step.op === 'remove-duplicate') && step.outcome.status === 'done'
        ? [step.certificate]
        : [],
    );
  // With several targets each removal says where it was: ids are only unique per account.
  const removed = report.targets
    ? report.targets.flatMap((t) =>
        removedBy((t.rotation?.lineages ?? []).flatMap((l) => l.steps ?? [])).map((c) => ({
          ...c,
          target: t.name,
        })),
      )
    : removedBy(steps);
  return {
    [Outputs.Valid]: String(report.certificates.every((c) => c.status === 'valid')),
    [Outputs.FingerprintSha1]: single?.leaf?.sha1 ?? '',
    [Outputs.FingerprintSha256]: single?.leaf?.sha256 ?? '',
    [Outputs.NotAfter]: soonest?.notAfter ?? '',
    [Outputs.DaysRemaining]: soonest === undefined ? '' : String(soonest.daysRemaining),
    [Outputs.Report]: reportOutput(report),
    [Outputs.Changed]: String(steps.some(wrote)),
    [Outputs.Status]: overallStatus(report),
    [Outputs.CertificateId]: current?.id ?? '',
    [Outputs.CertificateName]: current?.name ?? '',
    [Outputs.Removed]: JSON.stringify(removed),
    [Outputs.Verified]: VERIFIED[report.verified ?? 'skipped'],
    [Outputs.Endpoints]: endpointsOutput(report),
    [Outputs.Matrix]: report.matrix === undefined ? '' : matrixOutput(report.matrix),
  };
}

const VERIFIED = { verified: 'true', failed: 'false', skipped: 'skipped' } as const;

/**
 * One row per endpoint and address: what it served and whether that is right. From apply's live
 * check (every lineage's rows) or from check mode. Findings stay in `report`.
 */
function endpointsOutput(report: RunReport): string {
  const rows =
    report.served ?? (report.rotation?.lineages ?? []).flatMap((l) => l.verification?.endpoints ?? []);
  return JSON.stringify(
    rows.map((row) => ({
      ...(row.lineage === undefined ? {} : { lineage: row.lineage }),
      ...('label' in row && row.label !== undefined ? { label: row.label } : {}),
      host: row.host,
      port: row.port,
      address: row.address ?? null,
      sha1: row.sha1 ?? null,
      matches: row.matches,
      notAfter: row.notAfter ?? null,
      protocol: row.protocol ?? null,
      error: row.error ?? null,
    })),
  );
}

/**
 * One annotation per finding. Its title and message carry certificate text (a subject, a label):
 * spelled out (escape.ts), so a line break or an escape sequence in it shows as what it is, in
 * the annotation and in the log line the runner reads it from.
 */
function annotate(report: RunReport): void {
  const many = report.certificates.length > 1 || (report.served?.length ?? 0) > 0;
  const served = (report.served ?? []).map((e) => ({ label: `${e.host}:${e.port}`, findings: e.findings }));
  for (const cert of [...report.certificates, ...served]) {
    for (const f of cert.findings) {
      const properties: core.AnnotationProperties = {
        title: clip(
          printable(`${many ? `${cert.label}: ` : ''}${f.code}${f.subject ? `: ${f.subject}` : ''}`),
          200,
        ),
      };
      if (f.origin?.file !== undefined) {
        properties.file = f.origin.file;
        if (f.origin.line !== undefined) properties.startLine = f.origin.line;
      }
      const text = clip(printable(`${f.message} Fix: ${f.fix}`), ANNOTATION_CHARS);
      if (f.level === 'error') core.error(text, properties);
      else if (f.level === 'warning') core.warning(text, properties);
      else core.notice(text, properties);
    }
  }
}

/**
 * An annotation is read on the run's page, a line or two of it; a certificate's subject can be
 * megabytes (it is quoted in several findings). The whole finding is in the summary and `report`.
 */
const ANNOTATION_CHARS = 4000;

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // not half a character
  return `${text.slice(0, end)}…`;
}
