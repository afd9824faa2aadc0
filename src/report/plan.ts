/**
 * Plans as a person reads them before anything is written, in the manner of `terraform plan`:
 * one line per step, its mark first (`+` create, `~` rebind, `-` remove, `=` left as it is), then
 * what it touches and, after `#`, why. Remote names are escaped for Markdown in the summary and
 * spelled out in the terminal (escape.ts), so they cannot move the cursor or recolour.
 */
import type { LineagePlan, Step } from '../rotation/plan.ts';
import { describeUse } from '../rotation/plan.ts';
import { escapeMarkdown, printable } from './escape.ts';
import type { TextStyle } from './text.ts';

const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;
type Colour = keyof typeof CODES;

const MARKS: Record<Step['op'], { mark: string; colour: Colour }> = {
  create: { mark: '+', colour: 'green' },
  rebind: { mark: '~', colour: 'yellow' },
  remove: { mark: '-', colour: 'red' },
  unchanged: { mark: '=', colour: 'dim' },
  keep: { mark: '=', colour: 'dim' },
};

/** "1 to create, 1 to rebind, 2 to remove, 1 kept", and how many lineages are blocked, if any. */
export function planSummary(plans: readonly LineagePlan[]): string {
  const count = (op: Step['op']) => plans.reduce((n, p) => n + p.steps.filter((s) => s.op === op).length, 0);
  const blocked = plans.filter((p) => p.blocked !== undefined).length;
  const tally = `${count('create')} to create, ${count('rebind')} to rebind, ${count('remove')} to remove, ${count('keep')} kept`;
  return blocked > 0 ? `${tally}, ${blocked} blocked` : tally;
}

export function renderPlanText(plans: readonly LineagePlan[], style: TextStyle): string {
  const paint = (colour: Colour, text: string) =>
    style.color ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
  const lines: string[] = [];
  for (const plan of plans) {
    lines.push(paint('bold', heading(plan)));
    if (plan.blocked !== undefined) {
      lines.push(`  ${paint('red', '! blocked')}   ${printable(plan.blocked)}`);
    }
    for (const step of plan.steps) {
      const { mark, colour } = MARKS[step.op];
      const { certificate, use } = target(step, plan, same, same);
      const what = printable(
        use === undefined
          ? certificate
          : step.op === 'rebind'
            ? `${use}: ${certificate}`
            : `${certificate} ${use}`,
      );
      lines.push(
        `  ${paint(colour, `${mark} ${step.op.padEnd(9)}`)} ${what}  ${paint('dim', `# ${printable(step.reason)}`)}`,
      );
    }
    lines.push('');
  }
  lines.push(`Plan: ${planSummary(plans)}.`);
  return `${lines.join('\n')}\n`;
}

/**
 * One lineage's plan, to go under a heading of the caller's (the summary's "Rotation of …"): the
 * version and its tally in a line, then why it is blocked, or its steps as a table. It has no
 * heading of its own, so none sits right under another.
 */
export function renderPlanMarkdown(plan: LineagePlan): string[] {
  // A blocked plan has no tally to give: the quote says why.
  const tally = plan.blocked === undefined ? `: ${planSummary([plan])}` : '';
  const out = [`${heading(plan, escapeMarkdown)}${tally}.`, ''];
  if (plan.blocked !== undefined) out.push(`> ⛔ **Blocked**: ${escapeMarkdown(plan.blocked)}`, '');
  if (plan.steps.length === 0) return out;
  const code = (name: string) => `<code>${escapeMarkdown(name)}</code>`;
  out.push('| | Step | Certificate | Use | Why |', '| --- | --- | --- | --- | --- |');
  for (const step of plan.steps) {
    const { certificate, use = '' } = target(step, plan, code, escapeMarkdown);
    out.push(
      `| \`${MARKS[step.op].mark}\` | ${step.op} | ${certificate} | ${use} | ${escapeMarkdown(step.reason)} |`,
    );
  }
  out.push('');
  return out;
}

const same = (text: string) => text;

/** `name` formats the lineage's name; the fingerprint and the date are the engine's own. */
function heading(plan: LineagePlan, name: (t: string) => string = printable): string {
  const { lineage, sha1, notAfter } = plan.desired;
  return `${name(lineage)} (SHA-1 ${sha1}, not after ${notAfter.slice(0, 10)})`;
}

interface Target {
  certificate: string;
  /** The thing being moved (rebind), or what must be moved first (remove). */
  use?: string;
}

/** What a step touches. `name` formats a certificate name, `text` any other remote text. */
function target(
  step: Step,
  plan: LineagePlan,
  name: (t: string) => string,
  text: (t: string) => string,
): Target {
  const labelled = (n: string, id: string) => `${name(n)} (${text(id)})`;
  switch (step.op) {
    case 'create':
      return { certificate: name(step.name) };
    case 'unchanged':
    case 'keep':
      return { certificate: labelled(step.certificate.name, step.certificate.id) };
    case 'rebind': {
      const current = plan.current;
      const to =
        current.kind === 'present'
          ? labelled(current.certificate.name, current.certificate.id)
          : `${name(current.name)} (new)`;
      return {
        certificate: `${labelled(step.from.name, step.from.id)} → ${to}`,
        use: text(describeUse(step.use)),
      };
    }
    case 'remove': {
      const certificate = labelled(step.certificate.name, step.certificate.id);
      if (step.after.length === 0) return { certificate };
      // `after` holds ids; the rebinds of this plan say what they are.
      const label = (id: string) => {
        const move = plan.steps.find((s) => s.op === 'rebind' && s.use.id === id);
        return move?.op === 'rebind' ? describeUse(move.use) : id;
      };
      return { certificate, use: `after ${step.after.map((id) => text(label(id))).join(', ')}` };
    }
  }
}
