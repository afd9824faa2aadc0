/**
 * The fleet rows (issue 13): three DigitalOcean accounts (three doubles, each with DigitalOcean's
 * real rate limit and 100 ms a request) and 100 lineages that go to all three, rotated in one run
 * (`run()` on a manifest whose `targets:` are the three accounts); against the same rotation on
 * one account alone. Targets run side by side, each under its own limit, so the run should take
 * little more than its slowest target (target ≤ 1.2×). Then a re-run with nothing to do, whose
 * requests must be exactly each target's listing.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { run } from '../src/run.ts';
import { parseSettings } from '../src/settings.ts';
import type { Pki } from '../test/support/pki.ts';
import { checkEndState, type Prepared, prepareScenario, type Scenario } from './scenario.ts';

export const FLEET_SCENARIO: Scenario = { lineages: 100, remote: 100, latencyMs: 100 };
export const FLEET_TARGETS = 3;

export interface FleetMeasurement {
  /** The rotation on every target in one run. */
  fleetMs: number;
  /** The same rotation on one target alone (the targets are alike, so it is the slowest's too). */
  aloneMs: number;
  /** Per target: requests of the re-run, and the listing's share of them (GET /v2/certificates). */
  rerun: { requests: number; listing: number; writes: number }[];
}

/**
 * The manifest a user would write: every lineage to every account, each account a target whose
 * token comes from its own variable.
 */
async function writeManifest(
  accounts: readonly Prepared[],
): Promise<{ file: string; env: Record<string, string> }> {
  const [first] = accounts;
  if (first === undefined) throw new Error('bench: no account');
  const file = join(first.dir, 'fleet.yml');
  const env: Record<string, string> = {};
  const targets = accounts.map((prepared, i) => {
    env[`ACCOUNT_${i + 1}_TOKEN`] = prepared.double.token;
    return `  account-${i + 1}: { provider: digitalocean, api-url: ${prepared.double.url}, api-token: { env: ACCOUNT_${i + 1}_TOKEN } }`;
  });
  const names = accounts.map((_, i) => `account-${i + 1}`).join(', ');
  const entries = first.lineages.map((l) =>
    [
      `  - name: ${l.name}`,
      `    targets: [${names}]`,
      `    certificate: { file: ${JSON.stringify(l.certFile)} }`,
      `    certificate-chain: { file: ${JSON.stringify(l.chainFile)} }`,
      `    private-key: { file: ${JSON.stringify(l.keyFile)} }`,
    ].join('\n'),
  );
  await writeFile(file, `targets:\n${targets.join('\n')}\ncertificates:\n${entries.join('\n')}\n`);
  return { file, env };
}

/** Rotate every lineage on every prepared account in one run (the manifest's targets); its time. */
async function rotateOn(accounts: readonly Prepared[]): Promise<number> {
  const [first] = accounts;
  if (first === undefined) throw new Error('bench: no account');
  const { file, env } = await writeManifest(accounts);
  const settings = parseSettings({ mode: 'apply', manifest: file, verify: 'false' });
  const started = performance.now();
  const { report } = await run(settings, { cwd: first.dir, mask: () => {}, env });
  const ms = performance.now() - started;
  const failed = report.targets?.filter((t) => t.error !== undefined) ?? [];
  if (!report.ok || failed.length > 0)
    throw new Error(`bench: the fleet rotation failed: ${JSON.stringify(failed)}`);
  for (const prepared of accounts) checkEndState(prepared);
  return ms;
}

export async function measureFleet(pki: Pki): Promise<FleetMeasurement> {
  const accounts: Prepared[] = [];
  try {
    for (let i = 0; i < FLEET_TARGETS; i++) accounts.push(await prepareScenario(pki, FLEET_SCENARIO));
    const fleetMs = await rotateOn(accounts);
    const before = accounts.map((a) => a.double.server.requests.length);
    await rotateOn(accounts);
    const rerun = accounts.map((a, i) => {
      const requests = a.double.server.requests.slice(before[i]);
      return {
        requests: requests.length,
        listing: requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v2/certificates')).length,
        writes: requests.filter((r) => r.method !== 'GET').length,
      };
    });
    await Promise.all(accounts.splice(0).map((a) => a.close()));
    accounts.push(await prepareScenario(pki, FLEET_SCENARIO));
    const aloneMs = await rotateOn(accounts);
    return { fleetMs, aloneMs, rerun };
  } finally {
    await Promise.all(accounts.map((a) => a.close()));
  }
}
