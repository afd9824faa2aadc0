/**
 * One oversized or endless input, run through the engine as a run would meet it (settings, the
 * loader, the checks, then the log text, the job summary and the `report` output made from the
 * report), in a process of its own so that its peak memory is its own: `maxRSS` of this process
 * is the figure. The input is built here (an environment variable or an argument could not carry
 * 60 MB), after which the memory in use is taken as the baseline the call adds to.
 *
 * Usage: node oversize-worker.ts <folder> <certificate.pem> <case JSON>. Prints one JSON line.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CertRotateError } from '../../src/errors.ts';
import { fitLog, fitSummary, reportOutput } from '../../src/report/output-size.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderText } from '../../src/report/text.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs } from '../../src/settings.ts';

export type OversizeKind =
  | 'dev-zero part'
  | 'dev-urandom file'
  | 'fifo part'
  | 'fifo manifest'
  | 'dev-zero manifest'
  | 'begin lines file'
  | 'begin lines value'
  | 'pem value'
  | 'env value'
  | 'long domain'
  | 'many domains'
  | 'manifest of many entries'
  | 'random file';

export interface OversizeCase {
  kind: OversizeKind;
  /** Bytes (or characters, or names) of input to make. */
  size: number;
}

export interface OversizeResult {
  kind: OversizeKind;
  size: number;
  /** `refused`: an InputError; `report`: a report (ok or not). */
  outcome: 'refused' | 'report';
  message: string;
  findings: number;
  cpuMs: number;
  wallMs: number;
  /** Peak resident memory of the process, and resident memory once the input was built. */
  peakRssMb: number;
  baselineRssMb: number;
  logBytes: number;
  summaryBytes: number;
  reportChars: number;
}

const [folder, certificateFile, json] = process.argv.slice(2) as [string, string, string];
const input = JSON.parse(json) as OversizeCase;
const certificate = readFileSync(certificateFile, 'utf8');
const manifest = (part: string): RawInputs => {
  writeFileSync(join(folder, 'm.yml'), `certificates:\n  - name: big\n    certificate: ${part}\n`);
  return { mode: 'validate', manifest: 'm.yml' };
};
const begin = '-----BEGIN CERTIFICATE-----\n';
const repeatTo = (unit: string, size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

let raw: RawInputs;
let env: Record<string, string> = {};
switch (input.kind) {
  case 'dev-zero part':
    raw = manifest('{ file: /dev/zero }');
    break;
  case 'dev-urandom file':
    raw = { mode: 'validate', 'certificate-file': '/dev/urandom' };
    break;
  case 'fifo part':
    execFileSync('mkfifo', [join(folder, 'part.fifo')]);
    raw = manifest('{ file: part.fifo }');
    break;
  case 'fifo manifest':
    execFileSync('mkfifo', [join(folder, 'manifest.fifo')]);
    raw = { mode: 'validate', manifest: 'manifest.fifo' };
    break;
  case 'dev-zero manifest':
    raw = { mode: 'validate', manifest: '/dev/zero' };
    break;
  case 'begin lines file':
    writeFileSync(join(folder, 'begin.pem'), repeatTo(begin, input.size));
    raw = { mode: 'validate', 'certificate-file': 'begin.pem' };
    break;
  case 'begin lines value':
    raw = { mode: 'validate', certificate: repeatTo(begin, input.size) };
    break;
  case 'pem value':
    raw = { mode: 'validate', certificate: repeatTo(certificate, input.size) };
    break;
  case 'env value':
    env = { BIG: repeatTo(certificate, input.size) };
    raw = manifest('{ env: BIG }');
    break;
  case 'long domain':
    raw = { mode: 'validate', certificate, domains: `${repeatTo('a.', input.size - 4)}test` };
    break;
  case 'many domains':
    raw = {
      mode: 'validate',
      certificate,
      domains: Array.from({ length: input.size }, (_, i) => `n${i}.other.test`).join(','),
    };
    break;
  case 'manifest of many entries': {
    const entry = (i: number) => `  - { name: n${i}, domains: [n${i}.test], certificate: { file: c.pem } }\n`;
    let text = 'certificates:\n';
    for (let i = 0; text.length < input.size; i++) text += entry(i);
    writeFileSync(join(folder, 'c.pem'), certificate);
    writeFileSync(join(folder, 'many.yml'), text);
    raw = { mode: 'validate', manifest: 'many.yml' };
    break;
  }
  case 'random file':
    writeFileSync(join(folder, 'random.bin'), randomBytes(input.size));
    raw = { mode: 'validate', 'certificate-file': 'random.bin' };
    break;
}

const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
const cpuStart = process.cpuUsage();
const wallStart = performance.now();
const result: Partial<OversizeResult> = { kind: input.kind, size: input.size };
try {
  const settings = parseSettings(raw);
  const { report } = await run(settings, { cwd: folder, mask: () => {}, env });
  result.outcome = 'report';
  result.findings = report.certificates.reduce((n, c) => n + c.findings.length, 0);
  result.message =
    report.certificates.flatMap((c) => c.findings.map((f) => `${f.code}: ${f.message}`))[0] ?? '';
  result.logBytes = Buffer.byteLength(fitLog(renderText(report, { color: false })));
  result.summaryBytes = Buffer.byteLength(fitSummary(renderSummary(report)));
  result.reportChars = reportOutput(report).length;
} catch (thrown) {
  if (!(thrown instanceof CertRotateError)) throw thrown;
  result.outcome = 'refused';
  result.message = thrown.message;
  result.findings = 0;
  result.logBytes = Buffer.byteLength(thrown.message);
  result.summaryBytes = 0;
  result.reportChars = 0;
}
const cpu = process.cpuUsage(cpuStart);
result.cpuMs = (cpu.user + cpu.system) / 1000;
result.wallMs = performance.now() - wallStart;
result.peakRssMb = process.resourceUsage().maxRSS / 1024;
result.baselineRssMb = baselineRssMb;
process.stdout.write(`${JSON.stringify(result)}\n`);
