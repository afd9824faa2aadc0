/**
 * One planning measurement in a process of its own, so its peak memory is its own: `rotate()` in
 * plan mode over an in-memory provider holding `remote` certificates, for `desired` lineages.
 * Prints one JSON line: CPU milliseconds (best of the repeats) and the process's peak RSS.
 *
 *   node bench/plan-worker.ts <remote> <desired>
 */
import { randomBytes } from 'node:crypto';
import type { CheckedBundle } from '../src/certs/bundle.ts';
import type { Provider, RemoteCertificate } from '../src/providers/provider.ts';
import { DEFAULT_PLAN_OPTIONS } from '../src/rotation/plan.ts';
import { rotate } from '../src/rotation/rotate.ts';

const [remote, desired] = process.argv.slice(2).map(Number) as [number, number];
const REPEATS = 5;

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const lineage = (i: number) => `site-${String(i).padStart(5, '0')}`;

/** Each lineage has one older version on the account; the rest are other people's certificates. */
const inventory: RemoteCertificate[] = Array.from({ length: remote }, (_, i) => ({
  id: `id-${i}`,
  name: i < desired ? `${lineage(i)}-${hex(6)}` : `other-${i}-${hex(6)}`,
  sha1: hex(20),
  notAfter: '2027-01-01T00:00:00Z',
  dnsNames: [],
  createdAt: '2026-01-01T00:00:00Z',
  state: 'verified',
  type: 'custom',
}));

const bundles = Array.from({ length: desired }, (_, i) => ({
  lineage: lineage(i),
  // Only what the planner reads: the leaf's fingerprints and expiry, and that there is an upload.
  bundle: {
    ok: true,
    leaf: { sha1: hex(20), sha256: hex(32), notAfter: '2027-06-01T00:00:00.000Z' },
    upload: { certificate: '', chain: '', fullchain: '', privateKey: '' },
  } as unknown as CheckedBundle,
}));

const provider: Provider = {
  kind: 'digitalocean',
  label: 'in memory',
  list: async () => inventory,
  uses: async () => [],
  create: () => Promise.reject(new Error('plan mode')),
  remove: () => Promise.reject(new Error('plan mode')),
  requestCount: () => 0,
};

let best = Number.POSITIVE_INFINITY;
let planned = 0;
for (let i = 0; i < REPEATS; i++) {
  const start = process.cpuUsage();
  const result = await rotate(provider, bundles, {
    mode: 'plan',
    template: '{name}-{sha1:12}',
    plan: DEFAULT_PLAN_OPTIONS,
  });
  const used = process.cpuUsage(start);
  best = Math.min(best, (used.user + used.system) / 1000);
  planned = result.lineages.filter((l) => l.status === 'planned').length;
}
if (planned !== desired) throw new Error(`planned ${planned} of ${desired} lineages`);
process.stdout.write(
  `${JSON.stringify({ remote, desired, cpuMs: best, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
