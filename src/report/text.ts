/** The report as a person reads it in a terminal, with colour when the terminal has it. */
import { keyLabel } from '../certs/keys.ts';
import type { CertificateReport, RunReport } from './report.ts';
import { verdict } from './report.ts';
import { rotationText } from './rotation.ts';

export interface TextStyle {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;

export function renderText(report: RunReport, style: TextStyle): string {
  const paint = (name: keyof typeof CODES, text: string) =>
    style.color ? `\u001b[${CODES[name]}m${text}\u001b[0m` : text;
  const lines = [
    paint('bold', `cert-rotate ${report.mode}: `) + paint(report.ok ? 'green' : 'red', verdict(report)),
  ];
  for (const note of report.skipped) lines.push(paint('yellow', `skipped: ${note}`));
  const many = report.certificates.length > 1;
  for (const cert of report.certificates) {
    lines.push('');
    if (many) lines.push(paint('bold', `== ${cert.label}: ${cert.outcome}`));
    lines.push(...certificateLines(cert, paint));
  }
  if (report.rotation) lines.push(...rotationText(report.rotation, style));
  if (report.inventory) lines.push('', ...inventoryLines(report, paint));
  return `${lines.join('\n')}\n`;
}

function inventoryLines(report: RunReport, paint: Paint): string[] {
  const entries = [...(report.inventory ?? [])].sort(
    (a, b) => (a.daysRemaining ?? Infinity) - (b.daysRemaining ?? Infinity),
  );
  const lines = [`Provider inventory (${entries.length}, as listed before this run's changes)`];
  for (const e of entries) {
    const left =
      e.daysRemaining === undefined
        ? 'expiry unknown'
        : e.daysRemaining < 0
          ? paint('red', `expired ${-e.daysRemaining} days ago`)
          : paint(
              e.daysRemaining <= report.failDays
                ? 'red'
                : e.daysRemaining <= report.warnDays
                  ? 'yellow'
                  : 'green',
              `${e.daysRemaining} days left`,
            );
    const names = e.dnsNames.length > 0 ? ` ${e.dnsNames.join(', ')}` : '';
    lines.push(`  ${e.name} (${e.id})${names}: ${left}${e.lineage ? '' : paint('dim', ' [not managed]')}`);
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
    const left = days < 0 ? `expired ${-days} days ago` : `${days} days left`;
    const dayColour = expiryColour(cert);
    const names = [...leaf.dnsNames, ...leaf.ipAddresses].join(', ') || '(no subjectAltName)';
    lines.push(
      `Certificate  ${leaf.subject}`,
      `  Issuer     ${leaf.issuer}`,
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
      lines.push(`  ${i + 1}. ${entry.role.padEnd(12)} ${entry.subject}  expires ${entry.notAfter}${note}`);
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
      const where = f.origin?.line !== undefined ? ` [${f.origin.source}:${f.origin.line}]` : '';
      lines.push(
        `  ${mark} ${f.code}${where}: ${f.message}`,
        `             ${paint('dim', `fix: ${f.fix}`)}`,
      );
    }
  } else {
    lines.push(paint('green', 'No findings.'));
  }
  return lines;
}
