/**
 * `mode: check`: what clients are served, with no provider and no certificate. It connects to
 * the endpoints given, the `domains` on port 443, and a manifest's entries' domains and
 * endpoints, once per address each resolves to, and judges each served certificate
 * (assess.ts): coverage, chain, expiry in days and in share of its lifetime, key, TLS version.
 */
import { daysUntil } from '../certs/inspect.ts';
import type { Finding } from '../certs/findings.ts';
import { readManifest } from '../load-certificates.ts';
import { mapLimit } from '../rotation/concurrency.ts';
import type { Settings } from '../settings.ts';
import { type Endpoint, endpointsFor, formatEndpoint, type SkippedDomain } from './endpoints.ts';
import { type CheckTarget, checkTarget } from './handshake.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_HANDSHAKE_TIMEOUT_MS } from './limits.ts';
import { assessServed } from './assess.ts';
import { readTrustedCa } from './trusted-ca.ts';
import { type Lookup, resolveTargets, type Target } from './targets.ts';
import { type SentChain, sentChain } from './sent-chain.ts';
import { sentOrderFindings } from './sent-order.ts';
import { type EndpointRow, lookupRow, rowOf } from './verdict.ts';

/** One address of one endpoint in a check run: what it served, and what that means. */
export interface ServedEndpoint extends EndpointRow {
  /** The manifest entry it was listed under, when it came from one. */
  label?: string;
  subject?: string;
  chain?: string[];
  daysRemaining?: number;
  /** Whether the chain's order as sent could be read (TLS 1.2), or why not. */
  order?: string;
  findings: Finding[];
}

export interface CheckRun {
  endpoints: ServedEndpoint[];
  /** Wildcard domains with no endpoint to check them through. */
  skipped: SkippedDomain[];
}

export interface CheckDependencies {
  cwd: string;
  now: Date;
  lookup?: Lookup;
  check?: CheckTarget;
  /** Handshakes at once; default DEFAULT_CONCURRENCY (the bench compares others). */
  concurrency?: number;
  sentChain?: (target: Target) => Promise<SentChain>;
}

export async function checkServed(settings: Settings, deps: CheckDependencies): Promise<CheckRun> {
  const verify = settings.verify;
  if (verify === undefined) return { endpoints: [], skipped: [] };
  const listed = await listEndpoints(settings, deps.cwd);
  const extraCaPems =
    verify.trustedCa === undefined ? [] : await readTrustedCa(verify.trustedCa, deps.cwd, settings.words);
  const { targets, failures } = await resolveTargets(
    listed.endpoints.map((e) => e.endpoint),
    { pins: verify.pins, ...(deps.lookup === undefined ? {} : { lookup: deps.lookup }) },
  );
  const labelOf = new Map(listed.endpoints.map((e) => [formatEndpoint(e.endpoint), e.label]));
  const check =
    deps.check ?? ((target) => checkTarget(target, { timeoutMs: DEFAULT_HANDSHAKE_TIMEOUT_MS, extraCaPems }));
  // The order as sent takes a second handshake (TLS 1.2 only, where the chain travels in the
  // clear: sent-chain.ts), made only with an address that served a certificate to the first.
  const readOrder =
    deps.sentChain ?? ((target: Target) => sentChain(target, { timeoutMs: DEFAULT_HANDSHAKE_TIMEOUT_MS }));
  const checked = await mapLimit(targets, deps.concurrency ?? DEFAULT_CONCURRENCY, async (target) => {
    const result = await check(target);
    const sent = result.served === undefined ? undefined : await readOrder(target);
    return { result, sent };
  });
  const thresholds = {
    now: deps.now,
    warnDays: settings.warnDays,
    failDays: settings.failDays,
    ...(settings.warnPercent === undefined ? {} : { warnPercent: settings.warnPercent }),
    ...(settings.failPercent === undefined ? {} : { failPercent: settings.failPercent }),
  };
  const require = verify.mode === 'require';
  const endpoints: ServedEndpoint[] = checked.map(({ result, sent }) => {
    const label = labelOf.get(formatEndpoint(result));
    const row = rowOf(undefined, result, '', new Map());
    const judged = [
      ...assessServed(result, thresholds),
      ...(sent === undefined ? [] : sentOrderFindings(result, sent)),
    ];
    const findings = judged.map((f) =>
      // Unreachable is a warning with verify: auto (the run passes over it), an error with require.
      row.unreachable && f.level === 'error' && !require ? { ...f, level: 'warning' as const } : f,
    );
    const served = result.served;
    const entry: ServedEndpoint = {
      ...row,
      // Check mode has no expected certificate: an address "matches" when it served one without an error.
      matches: result.served !== undefined && findings.every((f) => f.level !== 'error'),
      findings,
      ...(label === undefined ? {} : { label }),
    };
    if (sent !== undefined) entry.order = sent.known ? 'as sent' : `unknown: ${sent.reason}`;
    if (served) {
      entry.subject = served.subject;
      entry.chain = served.chain;
      entry.daysRemaining = daysUntil(new Date(served.notAfter), deps.now);
    }
    delete entry.serves;
    return entry;
  });
  for (const failure of failures) {
    const label = labelOf.get(formatEndpoint(failure));
    endpoints.push({
      ...lookupRow(undefined, failure),
      ...(label === undefined ? {} : { label }),
      findings: [
        {
          code: 'SERVED_UNREACHABLE',
          level: require ? 'error' : 'warning',
          message: `${formatEndpoint(failure)}: the name could not be resolved (${failure.error}).`,
          fix: 'Check the name, or pin it to an address with resolve (host:port:address).',
        },
      ],
    });
  }
  return { endpoints, skipped: listed.skipped };
}

/** Every endpoint to check, each once, with the manifest entry that listed it first. */
async function listEndpoints(
  settings: Settings,
  cwd: string,
): Promise<{ endpoints: { endpoint: Endpoint; label?: string }[]; skipped: SkippedDomain[] }> {
  const verify = settings.verify;
  const out: { endpoint: Endpoint; label?: string }[] = [];
  const skipped: SkippedDomain[] = [];
  const seen = new Set<string>();
  const add = (list: readonly Endpoint[], label?: string) => {
    for (const endpoint of list) {
      const key = formatEndpoint(endpoint);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(label === undefined ? { endpoint } : { endpoint, label });
    }
  };
  const given = endpointsFor(verify?.domains ?? [], verify?.endpoints ?? []);
  add(given.endpoints);
  skipped.push(...given.skipped);
  if (settings.certificates.kind === 'manifest') {
    const { entries } = await readManifest(settings.certificates.path, false, { cwd, words: settings.words });
    for (const entry of entries) {
      const own = endpointsFor(entry.domains, entry.endpoints);
      add(own.endpoints, entry.name ?? `certificates[${entry.index}]`);
      skipped.push(...own.skipped);
    }
  }
  return { endpoints: out, skipped };
}
