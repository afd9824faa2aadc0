/**
 * Everything the action tells GitHub: outputs, annotations, the job summary. Made from the
 * report, which holds no secret.
 */
import * as core from '@actions/core';
import { Outputs } from './constants.ts';
import type { RunReport } from './report/report.ts';
import { wrote } from './rotation/results.ts';
import { renderSummary } from './report/summary.ts';
import type { Settings } from './settings.ts';

export async function publish(report: RunReport, settings: Settings): Promise<void> {
  const first = report.certificates[0];
  core.setOutput(Outputs.Valid, String(report.ok));
  if (first?.leaf) {
    core.setOutput(Outputs.FingerprintSha1, first.leaf.sha1);
    core.setOutput(Outputs.FingerprintSha256, first.leaf.sha256);
    core.setOutput(Outputs.NotAfter, first.leaf.notAfter);
    core.setOutput(Outputs.DaysRemaining, String(first.leaf.daysRemaining));
  }
  core.setOutput(Outputs.Report, JSON.stringify(report));
  const lineage = report.rotation?.lineages[0];
  const steps = lineage?.steps ?? [];
  core.setOutput(Outputs.Status, lineage?.status ?? first?.status ?? 'invalid');
  core.setOutput(Outputs.Changed, String(steps.some(wrote)));
  core.setOutput(Outputs.CertificateId, lineage?.current?.id ?? '');
  core.setOutput(Outputs.CertificateName, lineage?.current?.name ?? '');
  const removed = steps.flatMap((step) =>
    (step.op === 'remove' || step.op === 'remove-duplicate') && step.outcome.status === 'done'
      ? [step.certificate]
      : [],
  );
  core.setOutput(Outputs.Removed, JSON.stringify(removed));

  for (const cert of report.certificates) {
    for (const f of cert.findings) {
      const properties: core.AnnotationProperties = {
        title: `${f.code}${f.subject ? `: ${f.subject}` : ''}`,
      };
      if (f.origin?.file !== undefined) {
        properties.file = f.origin.file;
        if (f.origin.line !== undefined) properties.startLine = f.origin.line;
      }
      const text = `${f.message} Fix: ${f.fix}`;
      if (f.level === 'error') core.error(text, properties);
      else if (f.level === 'warning') core.warning(text, properties);
      else core.notice(text, properties);
    }
  }

  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(renderSummary(report, { warnDays: settings.warnDays, failDays: settings.failDays }))
      .write();
  }
}
