/**
 * The workflow matrix: `matrix` from a plan run, and shard runs (`shard`) that together do
 * exactly what one run does, against the DigitalOcean doubles over loopback.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TargetRun } from '../../src/fleet/run-targets.ts';
import {
  inShard,
  lineagesPerShard,
  parseShard,
  planMatrix,
  shardBudget,
  shardIndexOf,
} from '../../src/fleet/shards.ts';
import { outputsOf } from '../../src/publish.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs, type RotationSettings } from '../../src/settings.ts';
import { DigitalOceanDouble } from '../../test/doubles/digitalocean.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

const NAMES = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
let pki: Pki;
let workspace: string;
const env: Record<string, string> = {};

before(async () => {
  pki = await Pki.create();
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-shards-'));
  const made = await pki.chain(1, { cn: 'alpha.example.test' });
  const intermediate = made.intermediates[0] as Issued;
  const lines = ['version: 1', 'certificates:'];
  for (const name of NAMES) {
    const leaf = await pki.leaf(intermediate, { cn: `${name}.example.test`, dns: [`${name}.example.test`] });
    const variable = `${name.toUpperCase()}_KEY`;
    env[variable] = leaf.keyPem;
    await writeFile(join(workspace, `${name}.pem`), leaf.certPem + intermediate.certPem);
    lines.push(
      `  - name: ${name}`,
      `    certificate: { file: ${name}.pem }`,
      `    private-key: { env: ${variable} }`,
    );
  }
  await writeFile(join(workspace, 'certs.yml'), `${lines.join('\n')}\n`);
});
after(async () => {
  await pki.cleanup();
  await rm(workspace, { recursive: true, force: true });
});

function rotationOf(double: DigitalOceanDouble): RotationSettings {
  const settings = parseSettings({
    mode: 'apply',
    name: 'x',
    certificate: 'x',
    provider: 'digitalocean',
    'api-url': double.url,
    'api-token': double.token,
  });
  assert.ok(settings.rotation);
  return settings.rotation;
}

async function fleetRun(doubles: Record<string, DigitalOceanDouble>, raw: RawInputs) {
  const first = Object.values(doubles)[0] as DigitalOceanDouble;
  const settings = parseSettings({
    manifest: 'certs.yml',
    provider: 'digitalocean',
    'api-url': first.url,
    'api-token': first.token,
    verify: 'false',
    ...raw,
  });
  return run(settings, {
    cwd: workspace,
    mask: () => {},
    env,
    targets: (ready): TargetRun[] =>
      Object.entries(doubles).map(([name, double]) => ({
        name,
        rotation: rotationOf(double),
        lineages: ready,
      })),
  });
}

/** What each account holds: names, sorted. */
function endState(doubles: Record<string, DigitalOceanDouble>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(doubles).map(([name, double]) => [
      name,
      double.certificates
        .all()
        .map((c) => c.name)
        .sort(),
    ]),
  );
}

describe('shards', () => {
  it('a lineage always lands in the same shard, and the shards of n cover every lineage once', () => {
    for (const count of [1, 2, 3, 7]) {
      const seen = NAMES.map((name) => shardIndexOf(name, count));
      assert.deepEqual(
        seen,
        NAMES.map((name) => shardIndexOf(name, count)),
      );
      for (const name of NAMES) {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) =>
          inShard(name, { target: 't', index, count }),
        );
        assert.equal(owners.length, 1, `${name} in ${count} shards`);
      }
    }
  });

  it('splits a target only past a shard of work at its rate limit, and gives each shard its share of it', () => {
    const per = lineagesPerShard('digitalocean');
    assert.equal(per, 200);
    const many = Array.from({ length: 450 }, (_, i) => `site-${i}`);
    const matrix = planMatrix([
      { target: 'small', provider: 'digitalocean', lineages: NAMES },
      { target: 'big', provider: 'digitalocean', lineages: many },
    ]);
    assert.deepEqual(
      matrix.map((m) => m.shard),
      ['small', 'big/1/3', 'big/2/3', 'big/3/3'],
    );
    assert.equal(
      matrix.filter((m) => m.target === 'big').reduce((sum, m) => sum + m.lineages, 0),
      450,
    );
    assert.equal(shardBudget('digitalocean', { target: 'big', index: 1, count: 3 }), 80);
  });

  it('reads a shard as the matrix names it, and refuses anything else', () => {
    assert.deepEqual(parseShard('do-prod', 'shard'), { target: 'do-prod', index: 1, count: 1 });
    assert.deepEqual(parseShard(' do-prod/2/3 ', 'shard'), { target: 'do-prod', index: 2, count: 3 });
    for (const bad of ['do-prod/3/2', 'do-prod/0/2', 'do-prod/1', '/1/2', 'a b', 'do-prod/1/99']) {
      assert.throws(() => parseShard(bad, 'shard'), /^InputError: Invalid shard/, bad);
    }
  });

  it('the plan writes the matrix; its shards, run one after another, leave what one run leaves', async () => {
    const one = { a: await DigitalOceanDouble.start(), b: await DigitalOceanDouble.start() };
    const sharded = { a: await DigitalOceanDouble.start(), b: await DigitalOceanDouble.start() };
    try {
      const plan = await fleetRun(sharded, { mode: 'plan' });
      const matrix = JSON.parse(outputsOf(plan.report).matrix) as { include: { shard: string }[] };
      assert.deepEqual(
        matrix.include.map((m) => m.shard),
        ['a', 'b'],
      );
      const whole = await fleetRun(one, { mode: 'apply' });
      assert.equal(whole.report.ok, true);
      // The shards as a matrix job runs them, plus one target split by hand into two shards.
      for (const shard of ['a/1/2', 'a/2/2', 'b']) {
        const part = await fleetRun(sharded, { mode: 'apply', shard });
        assert.equal(part.report.ok, true, shard);
        assert.equal(part.report.shard, shard);
      }
      assert.deepEqual(endState(sharded), endState(one));
      assert.equal(endState(sharded).a?.length, NAMES.length);
      // A shard that names no target is refused before anything is sent.
      await assert.rejects(
        fleetRun(sharded, { mode: 'apply', shard: 'c' }),
        /names no target of this run \(a, b\)/,
      );
    } finally {
      await Promise.all([...Object.values(one), ...Object.values(sharded)].map((d) => d.close()));
    }
  });
});
