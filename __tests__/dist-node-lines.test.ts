/**
 * The built terminal command on every Node it promises to run on, and its refusal on an older
 * one. People install the command on whatever Node they have: Node 22 (from MINIMUM_NODE) and 26
 * come from the npm registry as the devDependencies `node22` and `node26`, beside the project's
 * own Node 24 (`node`), so these runs need nothing from the machine. The refusal is run on a real
 * older Node when PATH has one outside the repository, and always on this Node with its version
 * string replaced.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MINIMUM_NODE, unsupportedNode } from '../src/cli/node-support.ts';
import { DigitalOceanDouble } from '../test/doubles/digitalocean.ts';
import { type Issued, Pki } from '../test/support/pki.ts';
import { leakedWindows, ROOT, runCli } from './support/run-dist.ts';

/** The Node binary an npm package of Node installed, by its folder in node_modules. */
function nodeFrom(folder: string): string {
  const bin = join(ROOT, 'node_modules', folder, 'bin', 'node');
  assert.ok(existsSync(bin), `${bin} is missing: the devDependency '${folder}' installs it (npm ci)`);
  return bin;
}

function versionOf(node: string): string {
  return execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
}

/** The first `node` on PATH outside this repository that is older than MINIMUM_NODE. */
function olderNodeOnPath(): { node: string; version: string } | { skip: string } {
  const seen: string[] = [];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || !relative(ROOT, dir).startsWith('..')) continue;
    const node = join(dir, 'node');
    if (!existsSync(node)) continue;
    const version = versionOf(node);
    if (unsupportedNode(version)) return { node, version };
    seen.push(`${node} is ${version}`);
  }
  return {
    skip: `no Node older than ${MINIMUM_NODE} on PATH outside the repository (${seen.join(', ') || 'none found'})`,
  };
}

let pki: Pki;
let workspace: string;
let leaf: Issued;
let intermediate: Issued;

before(async () => {
  pki = await Pki.create();
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-lines-'));
  const made = await pki.chain(1, { dns: ['app.example.test'], key: { type: 'ec', curve: 'P-256' } });
  leaf = made.leaf;
  intermediate = made.intermediates[0]!;
  await writeFile(join(workspace, 'fullchain.pem'), leaf.certPem + intermediate.certPem);
  await writeFile(join(workspace, 'privkey.pem'), leaf.keyPem);
});

after(async () => {
  await pki.cleanup();
  await rm(workspace, { recursive: true, force: true });
});

describe('the project runs on its own Node 24', () => {
  it('node_modules/.bin/node is the `node` devDependency, not node22 or node26 (they all name their binary node)', () => {
    assert.match(versionOf(join(ROOT, 'node_modules', '.bin', 'node')), /^24\./);
  });
});

for (const [folder, major] of [
  ['node22', '22'],
  ['node26', '26'],
] as const) {
  describe(`dist/cli/index.js on Node ${major} (devDependency ${folder})`, () => {
    it(
      major === '22' ? `is Node ${MINIMUM_NODE}, the oldest the command supports` : `is Node ${major}`,
      () => {
        const version = versionOf(nodeFrom(folder));
        assert.ok(version.startsWith(`${major}.`), version);
        if (major === '22')
          assert.equal(version, MINIMUM_NODE, 'node22 pins the minimum, so the floor is what is tested');
      },
    );

    it('validates a good certificate: exit 0, its dates read right', async () => {
      const run = await runCli(
        ['validate', '--cert', 'fullchain.pem', '--key', 'privkey.pem', '--json'],
        {},
        workspace,
        nodeFrom(folder),
      );
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const report = JSON.parse(run.stdout);
      assert.equal(report.ok, true, run.stdout);
      // Only the warning a private test root always gets: nothing read as damaged.
      assert.deepEqual(
        report.certificates[0].findings.map((f: { code: string }) => f.code),
        ['CHAIN_INCOMPLETE'],
      );
      const cert = new X509Certificate(leaf.certPem);
      assert.equal(report.certificates[0].leaf.notBefore, cert.validFromDate.toISOString());
      assert.equal(report.certificates[0].leaf.notAfter, cert.validToDate.toISOString());
      const text = await runCli(
        ['validate', '--cert', 'fullchain.pem', '--key', 'privkey.pem'],
        {},
        workspace,
        nodeFrom(folder),
      );
      assert.equal(text.code, 0, text.stdout + text.stderr);
      assert.match(text.stdout, /cert-rotate validate: valid/);
    });

    it('plans a rotation against the DigitalOcean double, over loopback, and changes nothing', async () => {
      const double = await DigitalOceanDouble.start();
      try {
        const run = await runCli(
          [
            'plan',
            '--provider',
            'digitalocean',
            '--api-url',
            double.url,
            '--name',
            'app',
            '--cert',
            'fullchain.pem',
            '--key',
            'privkey.pem',
          ],
          { CERT_ROTATE_API_TOKEN: double.token },
          workspace,
          nodeFrom(folder),
        );
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /\+ create/);
        assert.ok(double.server.requests.some((r) => r.method === 'GET' && r.path === '/v2/certificates'));
        assert.equal(double.certificates.all().length, 0, 'a plan uploads nothing');
        assert.ok(!(run.stdout + run.stderr).includes(double.token), 'the token is never printed');
        assert.deepEqual(leakedWindows(leaf.keyPem, run.stdout + run.stderr), []);
      } finally {
        await double.close();
      }
    });
  });
}

describe('dist/cli/index.js on a Node older than it supports', () => {
  const older = olderNodeOnPath();
  it(
    `refuses at start on a real older Node, with one line and exit 2`,
    'skip' in older ? { skip: older.skip } : {},
    async () => {
      assert.ok('node' in older);
      const run = await runCli(
        ['validate', '--cert', 'fullchain.pem', '--key', 'privkey.pem'],
        {},
        workspace,
        older.node,
      );
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `${unsupportedNode(older.version)}\n`);
      assert.match(run.stderr, new RegExp(`this is Node\\.js ${older.version.replaceAll('.', '\\.')}`));
    },
  );

  it('refuses from the entry file alone, before any chunk of the command is loaded (any machine)', async () => {
    // The entry without its chunks: if the refusal needed anything past the check, the import
    // of a missing chunk would fail instead; if the command ran first, it would print.
    const alone = await mkdtemp(join(tmpdir(), 'cert-rotate-entry-'));
    try {
      for (const file of ['index.js', 'sourcemap-register.cjs', 'package.json'])
        copyFileSync(join(ROOT, 'dist/cli', file), join(alone, file));
      const fakeVersion = `Object.defineProperty(process.versions, 'node', { value: '20.20.2' })`;
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', `data:text/javascript,${fakeVersion}`, join(alone, 'index.js'), 'validate'],
          { cwd: workspace, env: { PATH: process.env.PATH }, timeout: 30_000 },
          (error, stdout, stderr) =>
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
        );
      });
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `${unsupportedNode('20.20.2')}\n`);
    } finally {
      await rm(alone, { recursive: true, force: true });
    }
  });
});
