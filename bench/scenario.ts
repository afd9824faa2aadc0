/**
 * The benchmark's scenario: a DigitalOcean account (the test double, real rate limits, optional
 * latency) holding `remote` certificates, `lineages` of which are the previous versions of the
 * certificates to rotate, the rest foreign ones that must not be touched; and, on disk, the new
 * certificate, key and chain of every lineage. `checkEndState` says whether a rotation did its job.
 *
 * Making real certificates takes openssl time, so they are made once per Pki (one root, one
 * intermediate, one leaf per lineage index) and reused by every scenario prepared with that Pki.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Certificate } from '../src/providers/digitalocean/contracts.ts';
import { DigitalOceanDouble, fakeCertificate } from '../test/doubles/digitalocean.ts';
import { type LimitOptions, REAL_LIMITS } from '../test/doubles/digitalocean/limits.ts';
import type { Issued, Pki } from '../test/support/pki.ts';

export interface Scenario {
  lineages: number;
  remote: number;
  latencyMs: number;
}

export interface LineageFixture {
  name: string;
  certPem: string;
  keyPem: string;
  /** The intermediate (what a server sends after the leaf); the root is in `Prepared.caFile`. */
  chainPem: string;
  certFile: string;
  keyFile: string;
  chainFile: string;
  /** SHA-1 of the new leaf's DER, lowercase hex. */
  sha1: string;
  /** The previous version, seeded in the double. */
  previousId: string;
  previousName: string;
}

export interface Prepared {
  double: DigitalOceanDouble;
  lineages: LineageFixture[];
  /** Temporary directory holding the PEM files (removed by close()). */
  dir: string;
  /** The root certificate (PEM file): the trust anchor for chain checks. */
  caFile: string;
  /** One line per lineage, `name<TAB>cert<TAB>key<TAB>chain` (the baseline script's input). */
  listFile: string;
  /** The foreign certificates as seeded (to be left exactly as they are). */
  foreign: Certificate[];
  /** The rate limits in force in the double. */
  limits: LimitOptions;
  close(): Promise<void>;
}

/** DigitalOcean's own limits (250 a minute, 5,000 an hour per token): kept in force. */
export const SCENARIO_LIMITS: LimitOptions = REAL_LIMITS;

/** The scenarios the benchmark runs: lineages × remote (remote ≥ lineages) × latency. */
export function scenarios(): Scenario[] {
  const all: Scenario[] = [];
  for (const latencyMs of [0, 100]) {
    for (const lineages of [1, 20, 100]) {
      for (const remote of [10, 1000, 5000]) {
        if (remote >= lineages) all.push({ lineages, remote, latencyMs });
      }
    }
  }
  return all;
}

export function describeScenario(s: Scenario): string {
  return `${s.lineages} lineage(s), ${s.remote} remote, ${s.latencyMs} ms`;
}

export function lineageName(index: number): string {
  return `site-${String(index + 1).padStart(3, '0')}`;
}

// --- certificates, made once per Pki -----------------------------------------------------------

interface Pool {
  ca: Promise<{ root: Issued; intermediate: Issued }>;
  leaves: Map<number, Promise<Issued>>;
}

const pools = new WeakMap<Pki, Pool>();
const OPENSSL_CONCURRENCY = 8;

function newPool(pki: Pki): Pool {
  const ca = (async () => {
    const root = await pki.root({ cn: 'Bench Root CA' });
    return { root, intermediate: await pki.intermediate(root, { cn: 'Bench Intermediate CA' }) };
  })();
  const pool: Pool = { ca, leaves: new Map() };
  pools.set(pki, pool);
  return pool;
}

async function leavesFor(
  pki: Pki,
  count: number,
): Promise<{ root: Issued; intermediate: Issued; leaves: Issued[] }> {
  const pool = pools.get(pki) ?? newPool(pki);
  const { root, intermediate } = await pool.ca;
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !pool.leaves.has(i));
  for (let start = 0; start < missing.length; start += OPENSSL_CONCURRENCY) {
    const batch = missing.slice(start, start + OPENSSL_CONCURRENCY).map((i) => {
      const cn = `${lineageName(i)}.bench.example.test`;
      const leaf = pki.leaf(intermediate, { cn });
      pool.leaves.set(i, leaf);
      leaf.catch(() => pool.leaves.delete(i)); // not cached when openssl failed
      return leaf;
    });
    await Promise.all(batch);
  }
  const leaves = await Promise.all(Array.from({ length: count }, (_, i) => pool.leaves.get(i)!));
  return { root, intermediate, leaves };
}

// --- the scenario ------------------------------------------------------------------------------

export async function prepareScenario(pki: Pki, scenario: Scenario): Promise<Prepared> {
  const { lineages: count, remote, latencyMs } = scenario;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(remote) || remote < count) {
    throw new Error(`bench: bad scenario ${JSON.stringify(scenario)} (needs 1 ≤ lineages ≤ remote)`);
  }
  const { root, intermediate, leaves } = await leavesFor(pki, count);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cert-rotate-bench-'));
  const double = await DigitalOceanDouble.start({
    // Uploads are verified at once; nothing is slow but the latency asked for.
    certificates: { initialState: 'verified', verifiedAfterReads: 0 },
    loadBalancers: { settleMs: 0, globalBindMs: 0 },
    stillInUseMs: 0,
    limits: SCENARIO_LIMITS,
  });
  try {
    const caFile = path.join(dir, 'root.pem');
    const chainFile = path.join(dir, 'chain.pem');
    await fs.writeFile(caFile, root.certPem);
    await fs.writeFile(chainFile, intermediate.certPem);

    // The previous versions are spread over the listing, among the foreign certificates, so that
    // finding them takes the whole listing.
    const slots = new Map<number, number>();
    for (let i = 0; i < count; i++) slots.set(Math.floor(((i + 0.5) * remote) / count), i);

    const now = Date.now();
    const fixtures: LineageFixture[] = [];
    const foreign: Certificate[] = [];
    const lines: string[] = [];
    for (let slot = 0; slot < remote; slot++) {
      const index = slots.get(slot);
      if (index === undefined) {
        foreign.push(double.certificates.add(foreignCertificate(foreign.length + 1, now)));
        continue;
      }
      const name = lineageName(index);
      const leaf = leaves[index]!;
      const sha1 = createHash('sha1').update(leaf.certDer).digest('hex');
      let oldSha1 = randomBytes(20).toString('hex');
      while (oldSha1 === sha1) oldSha1 = randomBytes(20).toString('hex');
      const previous = double.certificates.add(
        fakeCertificate(`${name}-${oldSha1.slice(0, 12)}`, now - 80 * DAY, {
          sha1_fingerprint: oldSha1,
          not_after: iso(now + 10 * DAY),
        }),
      );
      const certFile = path.join(dir, `${name}.crt.pem`);
      const keyFile = path.join(dir, `${name}.key.pem`);
      await fs.writeFile(certFile, leaf.certPem);
      await fs.writeFile(keyFile, leaf.keyPem, { mode: 0o600 });
      fixtures.push({
        name,
        certPem: leaf.certPem,
        keyPem: leaf.keyPem,
        chainPem: intermediate.certPem,
        certFile,
        keyFile,
        chainFile,
        sha1,
        previousId: previous.id,
        previousName: previous.name,
      });
      lines.push([name, certFile, keyFile, chainFile].join('\t'));
    }
    fixtures.sort((a, b) => a.name.localeCompare(b.name));
    lines.sort();
    const listFile = path.join(dir, 'certificates.tsv');
    await fs.writeFile(listFile, `${lines.join('\n')}\n`);

    double.server.latencyMs = latencyMs;
    return {
      double,
      lineages: fixtures,
      dir,
      caFile,
      listFile,
      foreign: structuredClone(foreign),
      limits: SCENARIO_LIMITS,
      close: async () => {
        await double.close();
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await double.close();
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
}

const DAY = 86_400_000;

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Foreign certificates look like an ordinary account's: custom ones and Let's Encrypt ones. */
function foreignCertificate(n: number, now: number): Certificate {
  const id = String(n).padStart(4, '0');
  if (n % 10 === 0) {
    return fakeCertificate(`le-www-${id}`, now - 30 * DAY, {
      type: 'lets_encrypt',
      dns_names: [`www.app${id}.example.org`],
      not_after: iso(now + 60 * DAY),
    });
  }
  return fakeCertificate(`other-${id}`, now - 20 * DAY);
}

/**
 * Throws, listing what is wrong, unless: every lineage has exactly one certificate, with the new
 * SHA-1 and named `${name}-${sha1:12}`, its previous version is gone, every foreign certificate is
 * there unchanged, and nothing else is.
 */
export function checkEndState(prepared: Prepared): void {
  const problems: string[] = [];
  const present = prepared.double.certificates.all();
  const foreignIds = new Set(prepared.foreign.map((c) => c.id));
  const byId = new Map(present.map((c) => [c.id, c]));

  for (const lineage of prepared.lineages) {
    const pattern = new RegExp(`^${lineage.name}-[0-9a-f]{12}$`);
    const mine = present.filter((c) => !foreignIds.has(c.id) && pattern.test(c.name));
    const expected = `${lineage.name}-${lineage.sha1.slice(0, 12)}`;
    if (mine.length !== 1) {
      problems.push(`${lineage.name}: ${mine.length} certificates (${mine.map((c) => c.name).join(', ')})`);
    }
    const current = mine.find((c) => c.sha1_fingerprint === lineage.sha1);
    if (!current) problems.push(`${lineage.name}: no certificate with the new SHA-1 ${lineage.sha1}`);
    else if (current.name !== expected) problems.push(`${lineage.name}: new one named ${current.name}`);
    else if (current.state === 'error') problems.push(`${lineage.name}: new one in state error`);
    if (byId.has(lineage.previousId)) {
      problems.push(`${lineage.name}: previous version ${lineage.previousName} still there`);
    }
  }

  for (const seeded of prepared.foreign) {
    const now = byId.get(seeded.id);
    if (!now) problems.push(`foreign ${seeded.name} (${seeded.id}) was deleted`);
    else if (!isDeepStrictEqual(now, seeded)) problems.push(`foreign ${seeded.name} (${seeded.id}) changed`);
  }

  const names = new Set(prepared.lineages.map((l) => l.name));
  for (const certificate of present) {
    if (foreignIds.has(certificate.id)) continue;
    const lineage = /^(.*)-[0-9a-f]{12}$/.exec(certificate.name)?.[1];
    if (lineage === undefined || !names.has(lineage)) {
      problems.push(`unexpected certificate ${certificate.name} (${certificate.id})`);
    }
  }

  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => `  - ${p}`);
    if (problems.length > 20) shown.push(`  … and ${problems.length - 20} more`);
    throw new Error(`bench: end state wrong (${problems.length} problem(s)):\n${shown.join('\n')}`);
  }
}
