/**
 * The engine both entry points call: settings in, a report out. It loads the certificates (inputs
 * or a manifest), checks each, and in plan/apply mode rotates those that passed on the provider;
 * it prints nothing and knows nothing of GitHub, so the action and the terminal command present
 * the same report their own way.
 */
import type { CheckedBundle } from './certs/bundle.ts';
import { mayHoldPkcs12 } from './certs/decode.ts';
import { loadPkcs12Support } from './certs/pkcs12-support.ts';
import { checkBundle } from './certs/validate.ts';
import { type Loaded, type LoadedCertificate, loadCertificates } from './load-certificates.ts';
import { byTarget, pairsFor, type ResolvedTarget } from './targets/pairs.ts';
import type { Transport } from './providers/http.ts';
import { buildReport, type RunReport } from './report/report.ts';
import { Redactor, type SecretSink } from './secrets.ts';
import type { RotationSettings, Settings } from './settings.ts';
import type { RotationVerify } from './rotation/rotate.ts';
import type { RotationMode } from './rotation/results.ts';
import type { RotateTarget, TargetRun } from './fleet/run-targets.ts';
import {
  DEFAULT_TARGET,
  inShard,
  type MatrixEntry,
  planMatrix,
  shardBudget,
  type ShardSpec,
} from './fleet/shards.ts';
import { InputError } from './errors.ts';
import type { RotationVerifyInput } from './verification/rotation-verify.ts';

export interface RunDependencies {
  cwd: string;
  mask: SecretSink;
  /** Where a manifest's `env:` parts are read; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  now?: Date;
  /** How provider requests travel (tests, benchmarks); timeouts come from the settings. */
  transport?: Transport;
  /**
   * Which targets each certificate goes to; default: all to the one the provider inputs describe.
   * (The manifest's `targets:` feed this; tests give several doubles.)
   */
  targets?: (ready: readonly Checked[]) => TargetRun[];
  /** How the live check resolves names, shakes hands and waits (tests, bench); the real ones otherwise. */
  verification?: RotationVerifyInput['overrides'] & { concurrency?: number };
}

export interface Checked {
  certificate: LoadedCertificate;
  bundle: CheckedBundle;
}

export interface RunResult {
  report: RunReport;
  /** With the upload texts (a secret key among them): for later steps, never for printing. */
  checked: Checked[];
}

export async function run(settings: Settings, deps: RunDependencies): Promise<RunResult> {
  const now = deps.now ?? new Date();
  if (settings.mode === 'check') {
    const { checkServed } = await import('./verification/check-run.ts');
    const served = await checkServed(settings, { cwd: deps.cwd, now, ...(deps.verification ?? {}) });
    return {
      report: buildReport({ settings, checked: [], skipped: settings.skipped, now, served }),
      checked: [],
    };
  }
  const loaded = await loadCertificates(settings, {
    cwd: deps.cwd,
    mask: deps.mask,
    env: deps.env ?? process.env,
  });
  if (loaded.certificates.some((c) => c.sources.some(mayHoldPkcs12))) await loadPkcs12Support();
  const checked = loaded.certificates.map(
    (certificate): Checked => ({
      certificate,
      bundle: checkBundle(
        {
          sources: certificate.sources,
          keyPassphrase: certificate.keyPassphrase,
          pkcs12Password: certificate.pkcs12Password,
        },
        {
          now,
          warnDays: settings.warnDays,
          failDays: settings.failDays,
          warnPercent: settings.warnPercent,
          failPercent: settings.failPercent,
          repairChain: settings.repairChain,
          domains: certificate.domains,
          requireKey: certificate.requireKey,
          onSecret: deps.mask,
          words: settings.words,
        },
      ),
    }),
  );
  // Plan and validate runs say how the work spreads over jobs (the `matrix` output).
  const matrix =
    settings.mode === 'plan' || settings.mode === 'validate'
      ? matrixOf(settings, checked, loaded.targetKinds, deps)
      : undefined;
  const report = (rotation?: Parameters<typeof buildReport>[0]['rotation']) =>
    buildReport({
      settings,
      checked,
      skipped: [...settings.skipped, ...loaded.skipped],
      now,
      ...(rotation === undefined ? {} : { rotation }),
      ...(matrix === undefined ? {} : { matrix }),
    });

  // Nothing is sent anywhere for a certificate that failed its checks; the others go ahead, so
  // one broken entry in a manifest does not hold back the renewal of the rest.
  const ready = checked.filter((c) => c.bundle.ok && c.certificate.name !== undefined);
  const nowhere = deps.targets === undefined && loaded.targets.length === 0;
  if (settings.mode === 'validate' || nowhere || (ready.length === 0 && !settings.inventory)) {
    return { report: report(), checked };
  }
  // The network and rotation code loads only for runs that use it: a validate run starts faster.
  const [{ createProvider }, { rotate }, { rotateTargets }, { RateLimiter }, { realClock }] =
    await Promise.all([
      import('./providers/factory.ts'),
      import('./rotation/rotate.ts'),
      import('./fleet/run-targets.ts'),
      import('./providers/rate-limit.ts'),
      import('./providers/clock.ts'),
    ]);
  const redactor = new Redactor();
  for (const { bundle } of checked) redactor.add(bundle.upload?.privateKey);
  // Read once for every target, and before anything is sent: a bad file is an input error.
  const extraCaPems = await trustedCaOf(settings, deps);
  const all: TargetRun[] = deps.targets?.(ready) ?? targetRuns(ready, loaded.targets, settings.inventory);
  const spec = settings.shard;
  const targets = spec === undefined ? all : [shardOfTargets(all, spec)];
  const prepare: RotateTarget = (target) => {
    const ms = target.rotation.timeoutSeconds * 1000;
    // One shard of n takes 1/n of its account's per-minute budget: n jobs at once stay under it.
    const shared =
      spec !== undefined && spec.count > 1 && target.rotation.provider.kind === 'digitalocean'
        ? {
            limiter: new RateLimiter(deps.transport?.clock ?? realClock, {
              requests: shardBudget(target.rotation.provider.kind, spec),
            }),
          }
        : {};
    const provider = createProvider(target.rotation.provider, redactor, {
      timeouts: { connectMs: ms, headersMs: ms, bodyMs: ms },
      ...deps.transport,
      ...shared,
    });
    return {
      label: provider.label,
      rotate: async () => {
        const verify = await liveCheck(settings, target.rotation, target.lineages, extraCaPems, deps);
        return rotate(
          provider,
          target.lineages.map((c) => ({ lineage: c.certificate.name as string, bundle: c.bundle })),
          {
            mode: settings.mode as RotationMode,
            template: target.rotation.template,
            plan: target.rotation.plan,
            concurrency: target.rotation.concurrency,
            ...(verify === undefined ? {} : { verify }),
          },
        );
      },
    };
  };
  const [first] = targets;
  if (targets.length === 1 && first?.name === DEFAULT_TARGET) {
    // One target, from the inputs: a target that cannot be rotated at all ends the run with its
    // error, and the report has the one rotation.
    return { report: report(await prepare(first).rotate()), checked };
  }
  const outcomes = await rotateTargets(targets, prepare);
  return {
    report: buildReport({
      settings,
      checked,
      skipped: [...settings.skipped, ...loaded.skipped],
      now,
      targets: outcomes,
      ...(matrix === undefined ? {} : { matrix }),
    }),
    checked,
  };
}

/**
 * Each target with the certificates that go to it (a manifest entry's `targets:`, or `default`);
 * with `inventory`, every target, also one that rotates nothing (its listing is reported).
 */
function targetRuns(
  ready: readonly Checked[],
  targets: readonly ResolvedTarget[],
  inventory: boolean,
): TargetRun[] {
  const pairs = pairsFor(ready, targets, (c) => c.certificate.targets);
  return byTarget(pairs, inventory ? targets : undefined).map((group) => ({
    name: group.target.name,
    rotation: group.target,
    lineages: group.certificates,
  }));
}

/** The shard `shard` names: its target, with the lineages that fall in it. */
function shardOfTargets(targets: readonly TargetRun[], spec: ShardSpec): TargetRun {
  const target = targets.find((t) => t.name === spec.target);
  if (target === undefined) {
    throw new InputError(
      `The shard ${spec.target}${spec.count > 1 ? `/${spec.index}/${spec.count}` : ''} names no target of this run (${targets.map((t) => t.name).join(', ')}).`,
      'Use the shard names the matrix output of the plan job lists, with the same manifest and inputs.',
    );
  }
  return { ...target, lineages: target.lineages.filter((c) => inShard(c.certificate.name ?? '', spec)) };
}

/**
 * The matrix over every named certificate (plan and validate runs). A validate run reads no
 * provider settings: its default target is judged at DigitalOcean's rate, the stricter one.
 */
function matrixOf(
  settings: Settings,
  checked: readonly Checked[],
  kinds: Loaded['targetKinds'],
  deps: RunDependencies,
): MatrixEntry[] {
  const named = checked.filter((c) => c.certificate.name !== undefined);
  const injected = deps.targets?.(named);
  const loads = injected
    ? injected.map((t) => ({ target: t.name, provider: t.rotation.provider.kind, lineages: t.lineages }))
    : // A validate run reads no provider settings of its own: its default target is judged at
      // DigitalOcean's rate, the stricter one.
      (kinds.length > 0 || settings.rotation
        ? kinds
        : [{ name: DEFAULT_TARGET, kind: 'digitalocean' as const }]
      ).map(({ name, kind }) => ({
        target: name,
        provider: kind,
        lineages: named.filter((c) => c.certificate.targets.includes(name)),
      }));
  return planMatrix(
    loads.map((load) => ({ ...load, lineages: load.lineages.map((c) => c.certificate.name as string) })),
  );
}

/** The live check between placing and removing (verification/), unless verify is false. */
async function liveCheck(
  settings: Settings,
  rotation: RotationSettings,
  ready: readonly Checked[],
  extraCaPems: readonly string[],
  deps: RunDependencies,
): Promise<RotationVerify | undefined> {
  const verify = settings.verify;
  if (verify === undefined || verify.mode === 'off') return undefined;
  const { rotationVerify } = await import('./verification/rotation-verify.ts');
  return rotationVerify({
    verify,
    rotation,
    lineages: ready.map((c) => ({
      lineage: c.certificate.name as string,
      domains: c.certificate.domains,
      endpoints: c.certificate.endpoints,
      leaf: c.bundle.leaf,
    })),
    single: settings.certificates.kind === 'inputs',
    extraCaPems,
    words: settings.words,
    ...(deps.verification === undefined ? {} : { overrides: deps.verification }),
  });
}

/** `trusted-ca`, read when the live check will run. */
async function trustedCaOf(settings: Settings, deps: RunDependencies): Promise<string[]> {
  const verify = settings.verify;
  if (verify === undefined || verify.mode === 'off' || verify.trustedCa === undefined) return [];
  const { readTrustedCa } = await import('./verification/trusted-ca.ts');
  return readTrustedCa(verify.trustedCa, deps.cwd, settings.words);
}
