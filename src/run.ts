/**
 * The engine both entry points call: settings in, a report out. It reads files, checks the
 * certificate, and in plan/apply mode rotates it on the provider; it prints nothing and knows
 * nothing of GitHub, so the action and the terminal command present the same report their own way.
 */
import type { CheckedBundle } from './certs/bundle.ts';
import { checkBundle } from './certs/validate.ts';
import { loadParts } from './load-parts.ts';
import { createProvider } from './providers/factory.ts';
import type { Transport } from './providers/http.ts';
import { buildReport, type RunReport } from './report/report.ts';
import { rotate } from './rotation/rotate.ts';
import { Redactor, type SecretSink } from './secrets.ts';
import type { Settings } from './settings.ts';

export interface RunDependencies {
  cwd: string;
  mask: SecretSink;
  now?: Date;
  /** How provider requests travel (tests, benchmarks); timeouts come from the settings. */
  transport?: Transport;
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
  const rotation = settings.rotation;
  // Nothing is sent anywhere for a certificate that failed its checks.
  if (settings.mode === 'validate' || rotation === undefined || !bundle.ok) {
    return { report: buildReport(settings.mode, [bundle], now), bundles: [bundle] };
  }
  const redactor = new Redactor();
  redactor.add(bundle.upload?.privateKey);
  const ms = rotation.timeoutSeconds * 1000;
  const provider = createProvider(rotation.provider, redactor, {
    timeouts: { connectMs: ms, headersMs: ms, bodyMs: ms },
    ...deps.transport,
  });
  const result = await rotate(provider, [{ lineage: rotation.lineage, bundle }], {
    mode: settings.mode,
    template: rotation.template,
    plan: rotation.plan,
    concurrency: rotation.concurrency,
  });
  return { report: buildReport(settings.mode, [bundle], now, result), bundles: [bundle] };
}
