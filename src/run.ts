/**
 * The engine both entry points call: settings in, a report out. It reads files and calls the
 * certificate engine; it prints nothing and knows nothing of GitHub, so the action and the
 * terminal command can present the same report in their own way.
 */
import type { CheckedBundle } from './certs/bundle.ts';
import { checkBundle } from './certs/validate.ts';
import { loadParts } from './load-parts.ts';
import { buildReport, type RunReport } from './report/report.ts';
import type { SecretSink } from './secrets.ts';
import type { Settings } from './settings.ts';

export interface RunDependencies {
  cwd: string;
  mask: SecretSink;
  now?: Date;
}

export interface RunResult {
  report: RunReport;
  /** With the upload texts (a secret key among them): for later steps, never for printing. */
  bundles: CheckedBundle[];
}

export async function run(settings: Settings, deps: RunDependencies): Promise<RunResult> {
  const now = deps.now ?? new Date();
  const sources = await loadParts(settings, deps);
  const bundle = checkBundle(
    { sources, keyPassphrase: settings.keyPassphrase, pkcs12Password: settings.pkcs12Password },
    {
      now,
      warnDays: settings.warnDays,
      failDays: settings.failDays,
      repairChain: settings.repairChain,
      domains: settings.domains,
      onSecret: deps.mask,
    },
  );
  return { report: buildReport(settings.mode, [bundle], now), bundles: [bundle] };
}
