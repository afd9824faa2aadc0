/**
 * `npm run demo`: make a small PKI with openssl (root → intermediate → leaf, all throwaway),
 * write the kinds of bundles people keep in secrets, and run the built terminal command
 * (dist/cli/index.js) on each, as a user would; then the whole rotation against the DigitalOcean
 * double on loopback: plan, apply, a re-run that changes nothing, and a renewal that moves a load
 * balancer to the new version, checks on the wire (TLS, by SNI, on the double's loopback edge)
 * that clients get it, and only then removes the old one; last, `check` reports what is served.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DigitalOceanDouble } from '../test/doubles/digitalocean.ts';
import { regionalLoadBalancer } from '../test/doubles/digitalocean/seeds.ts';
import { Pki } from '../test/support/pki.ts';

const cli = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const pki = await Pki.create();
const dir = await mkdtemp(join(tmpdir(), 'cert-rotate-demo-'));

/** Extra environment for the command (the API token: never a flag). */
let env: Record<string, string> = {};

function cert(args: string[]): Promise<number> {
  console.log(`\n$ cert-rotate ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], {
      cwd: dir,
      env: { ...process.env, ...env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    child.stdout?.pipe(process.stdout);
    child.stderr?.pipe(process.stderr);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

let failures = 0;
function expect(step: string, code: number, wanted: number): void {
  const ok = code === wanted;
  if (!ok) failures++;
  console.log(`${ok ? '✔' : '✖'} ${step}: exit ${code}${ok ? '' : `, expected ${wanted}`}`);
}

try {
  console.log('Making a throwaway PKI with openssl: root → intermediate → leaf for demo.example.test …');
  const { root, intermediates, leaf } = await pki.chain(1, {
    cn: 'demo.example.test',
    dns: ['demo.example.test', 'www.demo.example.test'],
  });
  const intermediate = intermediates[0]!;
  const soon = await pki.leaf(intermediate, {
    cn: 'old.example.test',
    dns: ['old.example.test'],
    notAfter: new Date(Date.now() + 3 * 86_400_000),
  });
  await writeFile(join(dir, 'fullchain.pem'), leaf.certPem + intermediate.certPem);
  await writeFile(join(dir, 'privkey.pem'), leaf.keyPem);
  // What a hand-made secret often looks like: CRLF, root included, leaf in the middle, key first.
  await writeFile(
    join(dir, 'messy-bundle.pem'),
    [leaf.keyPem, intermediate.certPem, root.certPem, leaf.certPem].join('\n').replace(/\n/g, '\r\n'),
  );
  await writeFile(join(dir, 'expiring.pem'), soon.certPem + intermediate.certPem);
  await writeFile(join(dir, 'root.pem'), root.certPem);

  console.log('\n1. A certbot-style fullchain.pem + privkey.pem, checked for the names it must cover:');
  expect(
    'good bundle',
    await cert([
      'validate',
      '--cert',
      'fullchain.pem',
      '--key',
      'privkey.pem',
      '--domains',
      'demo.example.test,www.demo.example.test',
    ]),
    0,
  );
  console.log('\n2. One messy secret with everything in the wrong order: repaired, with warnings:');
  expect('messy bundle', await cert(['validate', '--bundle', 'messy-bundle.pem']), 0);
  console.log('\n3. A certificate that expires within 3 days, with a key that is not its own:');
  expect('broken bundle', await cert(['validate', '--cert', 'expiring.pem', '--key', 'privkey.pem']), 1);

  // The rotation, against the DigitalOcean double on this machine (a stateful stand-in for the API).
  const double = await DigitalOceanDouble.start();
  try {
    const provider = ['--provider', 'digitalocean', '--api-url', double.url, '--name', 'demo'];
    env = { CERT_ROTATE_API_TOKEN: double.token };
    console.log(
      `\n4. The DigitalOcean double listens on ${double.url}. What would apply change? (plan: read-only)`,
    );
    expect('plan', await cert(['plan', '--cert', 'fullchain.pem', '--key', 'privkey.pem', ...provider]), 0);
    console.log('\n5. Apply: the certificate is uploaded under its versioned name.');
    expect('apply', await cert(['apply', '--cert', 'fullchain.pem', '--key', 'privkey.pem', ...provider]), 0);
    console.log('\n6. Apply again with the same files: nothing to do, nothing written.');
    expect(
      're-run',
      await cert(['apply', '--cert', 'fullchain.pem', '--key', 'privkey.pem', ...provider]),
      0,
    );

    const first = double.certificates.all()[0]!;
    const lb = double.addLoadBalancer(regionalLoadBalancer(first.id, { name: 'demo-lb' }));
    const renewed = await pki.leaf(intermediate, {
      cn: 'demo.example.test',
      dns: ['demo.example.test', 'www.demo.example.test'],
    });
    await writeFile(join(dir, 'renewed.pem'), renewed.certPem + intermediate.certPem);
    await writeFile(join(dir, 'renewed-key.pem'), renewed.keyPem);
    // The double's edge serves each load balancer's certificate by SNI on loopback: the name is
    // pinned to it (as curl's --resolve), and the throwaway root is trusted for the chain.
    const endpoint = `demo.example.test:${double.tlsPort}`;
    const live = [
      '--endpoint',
      endpoint,
      '--resolve',
      `${endpoint}:${double.tlsAddress}`,
      '--trusted-ca',
      'root.pem',
    ];
    console.log(
      `\n7. A renewal arrives; load balancer ${lb.name} serves the old version. Apply rotates, checks that ${endpoint} serves the new one, then removes the old:`,
    );
    expect(
      'rotate',
      await cert(['apply', '--cert', 'renewed.pem', '--key', 'renewed-key.pem', ...provider, ...live]),
      0,
    );
    const now = double.certificates.all();
    const served = [
      ...new Set(
        (double.loadBalancer(lb.id)?.forwarding_rules ?? []).flatMap((r) =>
          r.certificate_id ? [r.certificate_id] : [],
        ),
      ),
    ];
    const ok = now.length === 1 && served.length === 1 && served[0] === now[0]?.id && now[0]?.id !== first.id;
    if (!ok) failures++;
    console.log(
      `${ok ? '✔' : '✖'} afterwards: ${now.length} certificate(s) on the account (${now.map((c) => c.name).join(', ')}), the load balancer serves ${served.join(', ')}`,
    );
    console.log('\n8. What do clients get? check connects, with no provider and no secret:');
    expect('check', await cert(['check', ...live]), 0);
  } finally {
    await double.close();
  }
} finally {
  await pki.cleanup();
  await rm(dir, { recursive: true, force: true });
}
console.log(
  failures === 0
    ? '\nDemo finished: every step behaved as expected.'
    : `\nDemo: ${failures} step(s) did not.`,
);
process.exitCode = failures === 0 ? 0 : 1;
