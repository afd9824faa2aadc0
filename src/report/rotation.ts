/**
 * The rotation part of a report: for plan mode the plan as a diff; for apply mode what was done,
 * step by step, with the reason for anything skipped and the fix for anything failed.
 */
import { plural } from '../plural.ts';
import type {
  AppliedStep,
  LineageResult,
  Outcome,
  RotationResult,
  SettleOutcome,
} from '../rotation/results.ts';
import { renderPlanMarkdown, renderPlanText } from './plan.ts';
import { escapeMarkdown, printable } from './escape.ts';
import type { TextStyle } from './text.ts';

/** The rotation as the report holds it: the inventory is reported on its own. */
type ReportedRotation = Omit<RotationResult, 'inventory'>;

function subject(step: AppliedStep): string {
  switch (step.op) {
    case 'create':
      return step.certificate ? `${step.certificate.name} (${step.certificate.id})` : step.name;
    case 'confirm':
      return step.certificate ? `${step.certificate.name} (${step.certificate.id})` : '';
    case 'rebind':
      return `${step.use.kind} ${step.use.name} (${step.use.id}): ${step.from.name} → ${step.to?.name ?? '?'}`;
    default:
      return `${step.certificate.name} (${step.certificate.id})`;
  }
}

function outcomeText(outcome: Outcome): string {
  switch (outcome.status) {
    case 'done':
      return outcome.note ? `done (${outcome.note})` : 'done';
    case 'adopted':
      return `adopted: ${outcome.why}`;
    case 'skipped':
      return `skipped: ${outcome.why}`;
    case 'failed':
      return `FAILED ${outcome.code}: ${outcome.message}${outcome.fix ? ` Fix: ${outcome.fix}` : ''}`;
  }
}

export function rotationText(rotation: ReportedRotation, style: TextStyle): string[] {
  const lines: string[] = [];
  for (const lineage of rotation.lineages) {
    lines.push('', `Rotation of ${printable(lineage.lineage)}: ${lineage.status}`);
    if (!lineage.steps) {
      lines.push(
        ...renderPlanText([lineage.plan], style)
          .trimEnd()
          .split('\n')
          .map((l) => `  ${l}`),
      );
    } else {
      if (lineage.steps.length === 0 && lineage.plan.blocked !== undefined)
        lines.push(`  blocked: ${printable(lineage.plan.blocked)}`);
      for (const step of lineage.steps)
        lines.push(`  ${step.op.padEnd(16)} ${printable(`${subject(step)}: ${outcomeText(step.outcome)}`)}`);
    }
    for (const note of lineage.attention) lines.push(`  attention: ${printable(note)}`);
  }
  if (rotation.settle) lines.push(`Settle: ${printable(settleText(rotation.settle))}`);
  lines.push(`${plural(rotation.requests, 'request')} to the provider.`);
  return lines;
}

/** Under each lineage's heading: its plan (plan mode), or why it was blocked, or the steps carried out. */
export function rotationMarkdown(rotation: ReportedRotation): string[] {
  const out: string[] = [];
  for (const lineage of rotation.lineages) {
    out.push(`### Rotation of ${escapeMarkdown(lineage.lineage)}: ${lineage.status}`, '');
    if (!lineage.steps) for (const line of renderPlanMarkdown(lineage.plan)) out.push(line);
    else if (lineage.steps.length === 0 && lineage.plan.blocked !== undefined)
      out.push(`> ⛔ **Blocked**: ${escapeMarkdown(lineage.plan.blocked)}`, '');
    else {
      for (const line of stepsTable(lineage)) out.push(line);
      out.push('');
    }
    for (const note of lineage.attention) out.push(`> ⚠️ ${escapeMarkdown(note)}`, '');
  }
  if (rotation.settle?.status === 'failed')
    out.push(`> ❌ ${escapeMarkdown(outcomeText(rotation.settle))}`, '');
  if (rotation.settle?.status === 'requested')
    out.push(`> ℹ️ ${escapeMarkdown(settleText(rotation.settle))}`, '');
  return out;
}

/** A request the provider only acknowledged is "requested", never "done": its outcome is not known. */
function settleText(settle: SettleOutcome): string {
  switch (settle.status) {
    case 'failed':
      return outcomeText(settle);
    case 'not-needed':
      return `not needed (${settle.why})`;
    case 'requested':
      return `${settle.what} requested (not confirmed): ${settle.note}`;
  }
}

function stepsTable(lineage: LineageResult): string[] {
  const rows = (lineage.steps ?? []).map(
    (step) =>
      `| ${step.op} | ${escapeMarkdown(subject(step))} | ${escapeMarkdown(outcomeText(step.outcome))} |`,
  );
  return ['| Step | What | Outcome |', '| --- | --- | --- |', ...rows];
}
