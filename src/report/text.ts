/**
 * The report as a person reads it in a terminal, with colour when the terminal has it. Text from
 * certificates and providers is spelled out by `printable` (escape.ts): a line break, a carriage
 * return or an escape sequence in a subject must not forge a line, move the cursor or recolour.
 */
import { keyLabel } from '../certs/keys.ts';
import { plural } from '../plural.ts';
import { printable } from './escape.ts';
import type { CertificateReport, InventoryEntry, RunReport } from './report.ts';
import { held, verdict } from './report.ts';
import { rotationText } from './rotation.ts';
import { servedText } from './served.ts';

export interface TextStyle {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;

export function renderText(report: RunReport, style: TextStyle): string {
  const paint = (name: keyof typeof CODES, text: string) =>
    style.color ? `\u001b[${CODES[name]}m${text}\u001b[0m` : text;
  const lines = [
    paint(
      'bold',
      `cert-rotate ${report.mode}${report.shard === undefined ? '' : ` (shard ${printable(report.shard)})`}: `,
    ) + paint(report.ok ? 'green' : 'red', verdict(report)),
  ];
  for (const note of report.skipped) lines.push(paint('yellow', `skipped: ${printable(note)}`));
  const many = report.certificates.length > 1;
  for (const cert of report.certificates) {
    lines.push('');
    if (many) lines.push(paint('bold', `== ${printable(cert.label)}: ${cert.outcome}`));
    for (const line of certificateLines(cert, paint)) lines.push(line);
  }
  // Lines per step and per certificate the provider holds: pushed one by one, never spread.
  if (report.rotation) for (const line of rotationText(report.rotation, style)) lines.push(line);
  for (const target of report.targets ?? []) {
    lines.push('', paint('bold', `== Target ${printable(target.name)}: ${printable(target.label)}`));
    if (target.error) {
      const fix = target.error.fix ? ` Fix: ${target.error.fix}` : '';
      lines.push(
        paint('red', printable(`not rotated (${target.error.code}): ${target.error.message}${fix}`)),
      );
    }
    if (target.rotation) for (const line of rotationText(target.rotation, style)) lines.push(line);
    if (target.inventory)
      for (const line of inventoryLines({ ...report, inventory: target.inventory }, paint)) lines.push(line);
  }
  if (report.served) for (const line of servedText(report)) lines.push(line);
  if (report.inventory) {
    lines.push('');
    for (const line of inventoryLines(report, paint)) lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/** As the summary has it (summary.ts): held when the run ends, soonest first, then what it removed. */
function inventoryLines(report: RunReport, paint: Paint): string[] {
  const all = report.inventory ?? [];
  const byExpiry = (list: readonly InventoryEntry[]) =>
    [...list].sort((a, b) => (a.daysRemaining ?? Infinity) - (b.daysRemaining ?? Infinity));
  const kept = held(all);
  const gone = all.filter((e) => e.change === 'removed');
  const lines = [
    report.mode === 'apply'
      ? `Provider inventory after this run: ${plural(kept.length, 'certificate')} held, ${gone.length} removed`
      : `Provider inventory: ${plural(kept.length, 'certificate')}`,
  ];
  for (const e of [...byExpiry(kept), ...byExpiry(gone)]) {
    const left =
      e.change === 'removed'
        ? paint('dim', 'removed by this run')
        : e.daysRemaining === undefined
          ? 'expiry unknown'
          : e.daysRemaining < 0
            ? paint('red', `expired ${plural(-e.daysRemaining, 'day')} ago`)
            : paint(
                e.daysRemaining <= report.failDays
                  ? 'red'
                  : e.daysRemaining <= report.warnDays
                    ? 'yellow'
                    : 'green',
                `${plural(e.daysRemaining, 'day')} left`,
              );
    const names = e.dnsNames.length > 0 ? ` ${printable(e.dnsNames.join(', '))}` : '';
    const added = e.change === 'added' ? paint('green', ' [uploaded by this run]') : '';
    lines.push(
      `  ${printable(`${e.name} (${e.id})`)}${names}: ${left}${added}${e.lineage ? '' : paint('dim', ' [not managed]')}`,
    );
  }
  return lines;
}

/** Red inside fail-days (or expired), yellow inside warn-days: the same verdict the findings give. */
function expiryColour(cert: CertificateReport): 'red' | 'yellow' | 'green' {
  const about = cert.findings.filter((f) => f.subject === cert.leaf?.subject).map((f) => f.code);
  if (about.some((code) => code === 'EXPIRED' || code === 'EXPIRES_SOON' || code === 'NOT_YET_VALID'))
    return 'red';
  if (about.includes('EXPIRING')) return 'yellow';
  return 'green';
}

type Paint = (name: keyof typeof CODES, text: string) => string;

function certificateLines(cert: CertificateReport, paint: Paint): string[] {
  const lines: string[] = [];
  const leaf = cert.leaf;
  if (leaf) {
    const days = leaf.daysRemaining;
    const left = days < 0 ? `expired ${plural(-days, 'day')} ago` : `${plural(days, 'day')} left`;
    const dayColour = expiryColour(cert);
    const names = printable([...leaf.dnsNames, ...leaf.ipAddresses].join(', ')) || '(no subjectAltName)';
    lines.push(
      `Certificate  ${printable(leaf.subject)}`,
      `  Issuer     ${printable(leaf.issuer)}`,
      `  Names      ${names}`,
      `  Key        ${keyLabel(leaf.key)}, signed ${leaf.signatureAlgorithm}`,
      `  Valid      ${leaf.notBefore} → ${leaf.notAfter} (${paint(dayColour, left)})`,
      `  Serial     ${leaf.serial}`,
      `  SHA-1      ${leaf.sha1}`,
      `  SHA-256    ${leaf.sha256}`,
    );
  }
  if (cert.chain.length > 0) {
    lines.push('Chain, as served');
    cert.chain.forEach((entry, i) => {
      const note = entry.role === 'root' ? paint('dim', ' (root: not uploaded)') : '';
      lines.push(
        `  ${i + 1}. ${entry.role.padEnd(12)} ${printable(entry.subject)}  expires ${entry.notAfter}${note}`,
      );
    });
  }
  if (cert.findings.length > 0) {
    lines.push('Findings');
    for (const f of cert.findings) {
      const mark =
        f.level === 'error'
          ? paint('red', '✖ error  ')
          : f.level === 'warning'
            ? paint('yellow', '⚠ warning')
            : 'ℹ notice ';
      const where = f.origin?.line !== undefined ? ` [${printable(f.origin.source)}:${f.origin.line}]` : '';
      lines.push(
        `  ${mark} ${f.code}${where}: ${printable(f.message)}`,
        `             ${paint('dim', `fix: ${printable(f.fix)}`)}`,
      );
    }
  } else {
    lines.push(paint('green', 'No findings.'));
  }
  return lines;
}
