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
import { formatEndpoint } from '../verification/endpoints.ts';
import { type EndpointRow, servedText, whereAndWhat } from '../verification/verdict.ts';

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
    case 'rollback':
      return `${step.use.kind} ${step.use.name} (${step.use.id}): ${step.from.name} → ${step.to.name}`;
    case 'verify':
      return `what clients are served at ${plural(step.endpoints, 'address', 'addresses')}`;
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
    if (lineage.endpoints && lineage.endpoints.length > 0)
      lines.push(`  would verify: ${printable(lineage.endpoints.join(', '))}`);
    if (lineage.verification) {
      lines.push(
        `  verification: ${lineage.verification.status}: ${printable(lineage.verification.summary)}`,
      );
      for (const row of lineage.verification.endpoints.slice(0, MAX_ROWS))
        lines.push(`    ${printable(whereAndWhat(row))}`);
      const more = lineage.verification.endpoints.length - MAX_ROWS;
      if (more > 0) lines.push(`    … and ${more} more (all in the endpoints output)`);
    }
  }
  if (rotation.settle) lines.push(`Settle: ${printable(settleText(rotation.settle))}`);
  if (rotation.reload) lines.push(`Reload after a stale check: ${printable(settleText(rotation.reload))}`);
  if (rotation.handoverReload)
    lines.push(
      `Reload after the superseded versions went: ${printable(settleText(rotation.handoverReload))}`,
    );
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
    if (lineage.endpoints && lineage.endpoints.length > 0)
      out.push(
        `Apply would verify: ${lineage.endpoints.map((e) => `\`${printable(e).replace(/`/g, "'")}\``).join(', ')}`,
        '',
      );
    if (lineage.verification) out.push(...endpointsTable(lineage.verification.endpoints), '');
  }
  if (rotation.settle?.status === 'failed')
    out.push(`> ❌ ${escapeMarkdown(outcomeText(rotation.settle))}`, '');
  if (rotation.settle?.status === 'requested')
    out.push(`> ℹ️ ${escapeMarkdown(settleText(rotation.settle))}`, '');
  if (rotation.reload)
    out.push(`> ℹ️ After a stale check: ${escapeMarkdown(settleText(rotation.reload))}`, '');
  if (rotation.handoverReload)
    out.push(
      `> ℹ️ After the superseded versions went: ${escapeMarkdown(settleText(rotation.handoverReload))}`,
      '',
    );
  return out;
}

/** Rows shown per lineage in the summary and the terminal; every row is in the `endpoints` output. */
const MAX_ROWS = 50;

/** What each address served: the live check's evidence, row by row. */
export function endpointsTable(rows: readonly EndpointRow[]): string[] {
  const shown = rows.slice(0, MAX_ROWS).map((row) => {
    const mark = row.matches ? '✅' : row.unreachable ? '⚪' : '❌';
    return `| ${mark} ${escapeMarkdown(formatEndpoint(row))} | ${escapeMarkdown(row.address ?? '')} | ${escapeMarkdown(servedText(row))} | ${escapeMarkdown(row.protocol ?? '')} |`;
  });
  const more = rows.length > MAX_ROWS ? [`| … and ${rows.length - MAX_ROWS} more | | | |`] : [];
  return ['| Endpoint | Address | Serves | TLS |', '| --- | --- | --- | --- |', ...shown, ...more];
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
