/**
 * The key-leak canary. A private key, PKCS#12 file, passwords, passphrases and three tokens (the
 * DigitalOcean token, the Dokploy key, the GitHub token) are made for this run, and every mode and
 * error path the action and the command reach is run with them: the built action (`dist/index.js`,
 * as the runner runs it, against the DigitalOcean, Dokploy and GitHub doubles, with faults whose
 * replies echo the secrets back), the built command (`dist/cli/index.js`), and `run()` in process
 * for the paths that throw. After each, no 16-character window of any secret may be found in
 * stdout (but its `::add-mask::` lines), stderr, the job summary, any output (`report` among them),
 * anything stored in or sent to the GitHub double, or an error's message, fix, stack and inspection
 * (see support.ts for how text is read: raw, line breaks squeezed out, escapes undone).
 *
 * Each case also checks that it reached the path it is named for (an exit code, a finding, a
 * fault served, a comment posted), so a case that silently stopped early cannot pass for clean. The
 * first case plants leaks and proves the detector finds each.
 */
import assert from 'node:assert/strict';
import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CertRotateError } from '../../src/errors.ts';
import { renderText } from '../../src/report/text.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs } from '../../src/settings.ts';
import { ALL_SCOPES, DigitalOceanDouble } from '../../test/doubles/digitalocean.ts';
import { DokployDouble } from '../../test/doubles/dokploy.ts';
import { DEFAULT_LOGIN, GitHubDouble } from '../../test/doubles/github.ts';
import { ECHO_FORMS, echoFault } from '../../test/doubles/echo-forms.ts';
import { WebhookReceiver } from '../../test/doubles/webhook.ts';
import type { FaultRule } from '../../test/doubles/loopback.ts';
import { pemBegin, pemEnd } from '../../test/support/pem-markers.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { type DistRun, type RunnerEvent, runAction, runCli, runnerEvent } from '../support/run-dist.ts';
import { Canary, describeLeaks, errorText, type Leak, pemBody, withoutMaskCommands } from './support.ts';

const OWNER = 'octo';
const REPO = 'app';
const DOMAIN = 'app.example.test';
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
interface Material {
  root: Issued;
  inter: Issued;
  leaf: Issued;
  /** A key of another certificate: the key-mismatch case (a user's wrong key is a secret too). */
  other: Issued;
  /** Versions and foreign certificates already on Dokploy: the listing returns their keys. */
  oldVersion: Issued;
  foreign: Issued;
  elsewhere: Issued;
  passphrase: string;
  /** Contains the right one: an echo of what was given would show either way. */
  wrongPassphrase: string;
  pkcs8Encrypted: string;
  traditionalEncrypted: string;
  p12: Buffer;
  p12Password: string;
  wrongP12Password: string;
  doToken: string;
  dokployKey: string;
  githubToken: string;
}

let pki: Pki;
let m: Material;
let canary: Canary;
/** Only the GitHub token: what the provider doubles receive is checked for it. */
let githubTokenOnly: Canary;
let workspace: string;
let digitalocean: DigitalOceanDouble;
let github: GitHubDouble;
/** The chat webhook every run with doInputs alerts: what it is sent is checked like the rest. */
let receiver: WebhookReceiver;
let cases = 0;

const fullchain = () => m.leaf.certPem + m.inter.certPem;

before(async () => {
  pki = await Pki.create();
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-canary-'));
  const { root, intermediates, leaf } = await pki.chain(1, { dns: [DOMAIN], key: { type: 'rsa' } });
  const inter = intermediates[0]!;
  const [other, oldVersion, foreign, elsewhere] = await Promise.all([
    pki.leaf(inter, { cn: DOMAIN, key: { type: 'rsa' } }),
    pki.leaf(inter, { cn: DOMAIN }),
    pki.leaf(inter, { cn: 'billing.example.test', key: { type: 'rsa' } }),
    pki.leaf(inter, { cn: 'other-org.example.test' }),
  ]);
  const passphrase = `canary-passphrase-${hex(6)}`;
  const p12Password = `P12-${hex(4)}`; // shorter than a window: looked for whole
  const [pkcs8Encrypted, traditionalEncrypted, p12] = await Promise.all([
    pki.encryptKey(leaf.keyPem, passphrase, 'pkcs8'),
    pki.encryptKey(leaf.keyPem, passphrase, 'traditional'),
    pki.pkcs12(leaf, { password: p12Password, chain: [inter] }),
  ]);
  m = {
    root,
    inter,
    leaf,
    other,
    oldVersion,
    foreign,
    elsewhere,
    passphrase,
    wrongPassphrase: `${passphrase}-x`,
    pkcs8Encrypted,
    traditionalEncrypted,
    p12,
    p12Password,
    wrongP12Password: `${p12Password}!`,
    doToken: `dop_v1_canary${hex(28)}`,
    dokployKey: `dokploy_canary_${hex(20)}`,
    githubToken: `ghs_canary${hex(18)}`,
  };
  canary = new Canary()
    .addKey('leaf key', leaf.keyPem)
    .addKey('mismatched key', other.keyPem)
    .addKey('old version key (Dokploy row)', oldVersion.keyPem)
    .addKey('foreign key (Dokploy row)', foreign.keyPem)
    .addKey("other organization's key (Dokploy row)", elsewhere.keyPem)
    .addKey('encrypted PKCS#8 key', pkcs8Encrypted)
    .addKey('encrypted traditional key', traditionalEncrypted)
    // Its first and last 40 characters are the base64 of the PEM markers, the same for every key.
    .addText('base64 of the key PEM', Buffer.from(leaf.keyPem).toString('base64').slice(40, -40))
    .addBytes('PKCS#12 file', p12)
    .addText('key passphrase', passphrase)
    .addText('PKCS#12 password', p12Password)
    .addText('DigitalOcean token', m.doToken)
    .addText('Dokploy API key', m.dokployKey)
    .addText('GitHub token', m.githubToken);
  for (const cert of [root, inter, leaf, other, oldVersion, foreign, elsewhere])
    canary.excludeCertificate(cert.certDer);
  githubTokenOnly = new Canary().addText('GitHub token', m.githubToken);

  await Promise.all([
    writeFile(join(workspace, 'fullchain.pem'), fullchain()),
    writeFile(join(workspace, 'privkey.pem'), leaf.keyPem, { mode: 0o600 }),
    writeFile(join(workspace, 'other-key.pem'), other.keyPem, { mode: 0o600 }),
    writeFile(join(workspace, 'encrypted-key.pem'), pkcs8Encrypted, { mode: 0o600 }),
    writeFile(join(workspace, 'site.p12'), p12, { mode: 0o600 }),
    writeFile(join(workspace, 'passphrase.txt'), `${passphrase}\n`, { mode: 0o600 }),
    mkdir(join(workspace, 'certs')),
  ]);
  await writeFile(join(workspace, 'certs', 'fullchain.pem'), fullchain());
  await writeFile(join(workspace, 'certs', 'privkey.pem'), leaf.keyPem, { mode: 0o600 });

  digitalocean = await DigitalOceanDouble.start({ tokens: { [m.doToken]: ALL_SCOPES } });
  github = await GitHubDouble.start({ tokens: { [m.githubToken]: DEFAULT_LOGIN } });
  receiver = await WebhookReceiver.start();
  // Its path is the webhook's token (Slack's form); its origin is the doubles' own loopback.
  canary.addText('notify-webhook token (its path)', receiver.secretPath);
  github.addRepo(OWNER, REPO);
});

after(async () => {
  await digitalocean?.close();
  await github?.close();
  await receiver?.close();
  await pki?.cleanup();
  if (workspace) await rm(workspace, { recursive: true, force: true });
  process.stdout.write(
    `key-leak canary: ${cases} runs checked against ${canary?.windows ?? 0} secret windows (not counted: ${canary?.excluded ?? 0} shared with public certificates, ${canary?.shared ?? 0} shared by independent secrets)\n`,
  );
});

// ---------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------

function assertClean(label: string, places: Record<string, string>, detector: Canary = canary): void {
  const leaks: Leak[] = detector.scan(places);
  assert.deepEqual(leaks, [], `${label}: secret material found:\n${describeLeaks(leaks)}`);
}

/** What GitHub holds and was sent: issues, comments, and every request (its token header aside). */
function githubPlaces(): Record<string, string> {
  const places: Record<string, string> = {};
  for (const issue of github.issues(OWNER, REPO)) {
    places[`issue #${issue.number}`] = `${issue.title}\n${issue.body ?? ''}`;
    for (const comment of github.comments(OWNER, REPO, issue.number)) {
      places[`comment ${comment.id} on #${issue.number}`] = comment.body;
    }
  }
  for (const req of github.server.requests) {
    const { authorization: _token, ...headers } = req.headers;
    places[`GitHub request ${req.seq} ${req.method} ${req.path}`] =
      `${req.target}\n${JSON.stringify(headers)}\n${req.rawBody}`;
  }
  return places;
}

/** What the chat webhook was sent since the last look (then forgotten, so each run is checked once). */
function webhookPlaces(): Record<string, string> {
  const places: Record<string, string> = {};
  for (const [i, got] of receiver.received.entries()) {
    const { host: _host, ...headers } = got.headers;
    places[`webhook message ${i + 1}`] = `${JSON.stringify(headers)}\n${got.raw}`;
  }
  receiver.received.length = 0;
  return places;
}

/** The GitHub token never goes to a provider. */
function assertProvidersNeverSawGitHubToken(label: string, servers: { requests: DistRequest[] }[]): void {
  const places: Record<string, string> = {};
  for (const server of servers) {
    for (const req of server.requests) {
      places[`provider request ${req.seq}`] = `${req.target}\n${JSON.stringify(req.headers)}\n${req.rawBody}`;
    }
  }
  assertClean(label, places, githubTokenOnly);
}

type DistRequest = DigitalOceanDouble['server']['requests'][number];

function distPlaces(run: DistRun): Record<string, string> {
  const places: Record<string, string> = {
    stdout: withoutMaskCommands(run.stdout),
    stderr: run.stderr,
    summary: run.summary,
  };
  for (const [name, value] of Object.entries(run.outputs)) places[`outputs.${name}`] = value;
  return places;
}

/** Run the built action and check everything it printed, set and posted. */
async function action(
  label: string,
  inputs: Record<string, string>,
  event: RunnerEvent = runner('push'),
  dir = workspace,
): Promise<DistRun> {
  const result = await runAction(inputs, dir, event);
  cases++;
  assertClean(label, { ...distPlaces(result), ...githubPlaces(), ...webhookPlaces() });
  assertProvidersNeverSawGitHubToken(label, [digitalocean.server]);
  return result;
}

async function cli(label: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = await runCli(args, { HOME: process.env.HOME, NO_COLOR: '1', ...env }, workspace);
  cases++;
  assertClean(label, { stdout: result.stdout, stderr: result.stderr });
  return result;
}

function runner(name: string, payload: unknown = {}, env: Record<string, string> = {}): RunnerEvent {
  return runnerEvent(github.url, name, payload, { repo: `${OWNER}/${REPO}`, env });
}

function resetDigitalOcean(): void {
  digitalocean.server.clearFaults();
  digitalocean.certificates.byId.clear();
}

/** A Dokploy with an old version of `app`, a foreign certificate and another organization's: all with keys. */
async function startDokploy(): Promise<DokployDouble> {
  const double = await DokployDouble.start({
    keys: [{ key: m.dokployKey, organizationId: 'org-a', role: 'owner' }],
  });
  double.seed({
    // Named as this action names a version ({name}-{sha1:12}): a name its certificate contradicts
    // would be a lookalike, never replaced or removed.
    name: `app-${sha1Of(m.oldVersion).slice(0, 12)}`,
    certificateData: m.oldVersion.certPem + m.inter.certPem,
    privateKey: m.oldVersion.keyPem,
    organizationId: 'org-a',
  });
  double.seed({
    name: 'billing',
    certificateData: m.foreign.certPem,
    privateKey: m.foreign.keyPem,
    organizationId: 'org-a',
  });
  double.seed({
    name: 'app-fedcba987654',
    certificateData: m.elsewhere.certPem,
    privateKey: m.elsewhere.keyPem,
    organizationId: 'org-b',
  });
  return double;
}

function sha1Of(issued: Issued): string {
  return new X509Certificate(issued.certPem).fingerprint.replaceAll(':', '').toLowerCase();
}

function findingCodes(result: DistRun): string[] {
  const report = JSON.parse(result.outputs.report ?? '{}') as {
    certificates?: { findings?: { code: string }[] }[];
  };
  return (report.certificates ?? []).flatMap((c) => (c.findings ?? []).map((f) => f.code));
}

function doInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    provider: 'digitalocean',
    'api-token': m.doToken,
    'api-url': digitalocean.url,
    name: 'app',
    certificate: fullchain(),
    'private-key': m.leaf.keyPem,
    'github-token': m.githubToken,
    'notify-webhook': receiver.url,
    ...extra,
  };
}

/** The key's body as one line, its lines joined by escaped line breaks: how JSON error bodies quote it. */
const escapedKey = () => m.leaf.keyPem.trim().split('\n').join('\\n');
const keyLines = () => pemBody(m.leaf.keyPem).match(/.{1,64}/g) ?? [];

// ---------------------------------------------------------------------------------------------
// The detector
// ---------------------------------------------------------------------------------------------

describe('the detector', () => {
  it('finds a planted leak in every form it looks for, and nothing in public material', () => {
    const lines = keyLines();
    const middle = pemBody(m.leaf.keyPem).slice(700, 716);
    const planted: Record<string, string> = {
      'one window of the key': `finding: near ${middle} in the file`,
      'a key line in a workflow command': `::error::bad %0A${lines[12]}%0A`,
      'the key JSON-escaped': JSON.stringify({ message: m.leaf.keyPem }),
      'the key re-wrapped at 76 columns': (pemBody(m.leaf.keyPem).match(/.{1,76}/g) ?? []).join('\n'),
      'the key URL-encoded': encodeURIComponent(lines[13] ?? ''),
      'the key HTML-escaped': (lines[14] ?? '').replace(/\//g, '&#x2F;').replace(/\+/g, '&#43;'),
      'the key DER as hex': Buffer.from(pemBody(m.leaf.keyPem), 'base64').subarray(300, 340).toString('hex'),
      'the DigitalOcean token': `Authorization: Bearer ${m.doToken}`,
      'part of the Dokploy key': m.dokployKey.slice(3, 21),
      'the GitHub token': `token ${m.githubToken}`,
      'the key passphrase': `wrong passphrase ${m.wrongPassphrase}`,
      'the PKCS#12 password (short: whole)': `password was ${m.p12Password}.`,
      'the PKCS#12 file': m.p12.toString('base64').slice(200, 240),
      'a Dokploy row key': m.foreign.keyPem,
    };
    for (const [what, text] of Object.entries(planted)) {
      assert.notDeepEqual(canary.find(what, text), [], `the detector missed ${what}`);
    }
    // Public material and the runner's own lines are clean: the detector does not cry wolf.
    const publicText = [
      fullchain(),
      m.root.certPem,
      m.oldVersion.certPem,
      m.foreign.certPem,
      m.elsewhere.certPem,
      m.leaf.certDer.toString('hex'),
      JSON.stringify({ pem: fullchain() }),
    ].join('\n');
    assert.deepEqual(canary.find('certificates', publicText), []);
    assert.equal(withoutMaskCommands(`::add-mask::${lines[0]}\nok\n`).includes(lines[0] ?? '?'), false);
    // Enough windows that the check means something: the RSA key alone has over 1,500.
    assert.ok(canary.windows > 5_000, `${canary.windows} windows`);
    assert.deepEqual(
      canary.find('the whole key', m.leaf.keyPem).map((l) => l.secret),
      ['leaf key'],
      'a leaked key is named',
    );
    assert.throws(() => assertClean('planted', { stdout: `x ${middle} y` }), /leaf key/);
  });
});

// ---------------------------------------------------------------------------------------------
// The built action: validate
// ---------------------------------------------------------------------------------------------

describe('dist/index.js, validate: good and broken inputs', () => {
  it('a good certificate and key: valid, the key masked, nothing printed of it', async () => {
    const result = await action('validate ok', {
      mode: 'validate',
      certificate: fullchain(),
      'private-key': m.leaf.keyPem,
      domains: DOMAIN,
    });
    assert.equal(result.code, 0, result.stdout);
    assert.equal(result.outputs.valid, 'true');
    assert.match(result.stdout, /^::add-mask::/m, 'the key is registered with the runner');
  });

  const broken: {
    name: string;
    inputs: () => Record<string, string>;
    code: number;
    finding?: string | RegExp;
  }[] = [
    {
      name: 'key mismatch',
      inputs: () => ({ certificate: fullchain(), 'private-key': m.other.keyPem }),
      code: 1,
      finding: 'KEY_MISMATCH',
    },
    {
      name: 'wrong passphrase on an encrypted PKCS#8 key',
      inputs: () => ({
        certificate: fullchain(),
        'private-key': m.pkcs8Encrypted,
        'key-passphrase': m.wrongPassphrase,
      }),
      code: 1,
      finding: 'KEY_PASSPHRASE_WRONG',
    },
    {
      name: 'wrong passphrase on a traditional encrypted key',
      inputs: () => ({
        certificate: fullchain(),
        'private-key': m.traditionalEncrypted,
        'key-passphrase': m.wrongPassphrase,
      }),
      code: 1,
      finding: 'KEY_PASSPHRASE_WRONG',
    },
    {
      name: 'encrypted key without its passphrase',
      inputs: () => ({ certificate: fullchain(), 'private-key': m.pkcs8Encrypted }),
      code: 1,
      finding: 'KEY_PASSPHRASE_NEEDED',
    },
    {
      name: 'the right passphrase (from a file)',
      inputs: () => ({
        certificate: fullchain(),
        'private-key-file': 'encrypted-key.pem',
        'key-passphrase': m.passphrase,
      }),
      code: 0,
    },
    {
      name: 'wrong PKCS#12 password',
      inputs: () => ({ pkcs12: m.p12.toString('base64'), 'pkcs12-password': m.wrongP12Password }),
      code: 1,
      finding: 'PKCS12_PASSWORD_WRONG',
    },
    {
      name: 'the right PKCS#12 password (file)',
      inputs: () => ({ 'pkcs12-file': 'site.p12', 'pkcs12-password': m.p12Password }),
      code: 0,
    },
    {
      name: 'truncated key PEM',
      inputs: () => ({ certificate: fullchain(), 'private-key': m.leaf.keyPem.slice(0, 900) }),
      code: 1,
      finding: /PEM_TRUNCATED|BAD_PRIVATE_KEY|NO_PRIVATE_KEY/,
    },
    {
      name: 'key with a damaged body',
      inputs: () => {
        const at = m.leaf.keyPem.indexOf('\n', 400) + 10;
        const flipped = m.leaf.keyPem[at] === 'A' ? 'B' : 'A';
        return {
          certificate: fullchain(),
          'private-key': `${m.leaf.keyPem.slice(0, at)}${flipped}${m.leaf.keyPem.slice(at + 1)}`,
        };
      },
      code: 1,
      finding: /BAD_PRIVATE_KEY|KEY_MISMATCH/,
    },
    {
      name: 'key given as the certificate',
      inputs: () => ({ certificate: m.leaf.keyPem }),
      code: 1,
      finding: 'NO_CERTIFICATE',
    },
    {
      name: 'key file given as the certificate file',
      inputs: () => ({ 'certificate-file': 'privkey.pem' }),
      code: 1,
      finding: 'NO_CERTIFICATE',
    },
    {
      name: 'certificate and key in one input',
      inputs: () => ({ certificate: fullchain() + m.leaf.keyPem }),
      code: 0,
    },
    {
      name: 'certificate, key and an extra key in one input',
      inputs: () => ({ certificate: fullchain() + m.leaf.keyPem + m.other.keyPem }),
      code: 0,
      finding: 'EXTRA_PRIVATE_KEY',
    },
    {
      name: 'key with CRLF line ends',
      inputs: () => ({ certificate: fullchain(), 'private-key': m.leaf.keyPem.replace(/\n/g, '\r\n') }),
      code: 0,
    },
    {
      name: 'key with literal \\n escapes',
      inputs: () => ({ certificate: fullchain(), 'private-key': m.leaf.keyPem.replace(/\n/g, '\\n') }),
      code: 0,
    },
    {
      name: 'key as one-line PEM',
      inputs: () => ({
        certificate: fullchain(),
        'private-key': `${pemBegin('PRIVATE KEY')} ${pemBody(m.leaf.keyPem)} ${pemEnd('PRIVATE KEY')}`,
      }),
      code: 0,
    },
    {
      name: 'key as base64 of its PEM',
      inputs: () => ({
        certificate: fullchain(),
        'private-key': Buffer.from(m.leaf.keyPem).toString('base64'),
      }),
      code: 0,
    },
    {
      name: 'key body without markers (not a key the engine reads)',
      inputs: () => ({ certificate: fullchain(), 'private-key': keyLines().join('\n') }),
      code: 0,
    },
  ];

  for (const c of broken) {
    it(c.name, async () => {
      const result = await action(`validate: ${c.name}`, { mode: 'validate', ...c.inputs() });
      assert.equal(result.code, c.code, `${c.name}: ${result.stdout}${result.stderr}`);
      if (c.finding !== undefined) {
        const codes = findingCodes(result);
        assert.ok(
          codes.some((code) => (typeof c.finding === 'string' ? code === c.finding : c.finding!.test(code))),
          `${c.name}: expected ${c.finding}, found ${codes.join(', ')}`,
        );
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The built action: plan and apply on DigitalOcean, with faults that echo the secrets
// ---------------------------------------------------------------------------------------------

describe('dist/index.js on the DigitalOcean double', () => {
  before(resetDigitalOcean);
  after(resetDigitalOcean);

  it('plan, then apply, then a re-run that changes nothing', async () => {
    resetDigitalOcean();
    const planned = await action('plan', doInputs({ mode: 'plan' }));
    assert.equal(planned.code, 0, planned.stdout);
    assert.equal(planned.outputs.status, 'planned');
    const applied = await action('apply', doInputs());
    assert.equal(applied.code, 0, applied.stdout);
    assert.equal(applied.outputs.status, 'created');
    assert.equal(digitalocean.certificates.all().length, 1);
    const again = await action('apply again', doInputs({ inventory: 'true' }));
    assert.equal(again.outputs.status, 'unchanged');
  });

  const faults: { name: string; rule: () => FaultRule; code: number }[] = [
    {
      name: 'create answers 500, echoing the key and the token',
      rule: () => ({
        method: 'POST',
        path: '/v2/certificates',
        fault: {
          kind: 'status',
          status: 500,
          body: { id: 'server_error', message: `failed: ${m.leaf.keyPem} (Bearer ${m.doToken})` },
        },
      }),
      code: 0,
    },
    {
      name: 'create answers 422, quoting the key JSON-escaped',
      rule: () => ({
        method: 'POST',
        path: '/v2/certificates',
        fault: {
          kind: 'status',
          status: 422,
          body: { id: 'unprocessable_entity', message: `private_key is invalid: ${escapedKey()}` },
        },
      }),
      code: 1,
    },
    {
      name: 'create answers 422, quoting the key body on one line',
      rule: () => ({
        method: 'POST',
        path: '/v2/certificates',
        fault: {
          kind: 'status',
          status: 422,
          body: { id: 'unprocessable_entity', message: `bad key ${pemBody(m.leaf.keyPem)}` },
        },
      }),
      code: 1,
    },
    {
      name: 'the listing answers 401, echoing the token',
      rule: () => ({
        method: 'GET',
        path: '/v2/certificates',
        times: Number.POSITIVE_INFINITY,
        fault: {
          kind: 'status',
          status: 401,
          body: { id: 'unauthorized', message: `Unable to authenticate you (token ${m.doToken})` },
        },
      }),
      code: 1,
    },
    {
      name: 'the listing answers 500s, echoing the key and the token',
      rule: () => ({
        method: 'GET',
        path: '/v2/certificates',
        times: Number.POSITIVE_INFINITY,
        fault: {
          kind: 'status',
          status: 500,
          body: { id: 'server_error', message: `${m.doToken}: ${m.leaf.keyPem}` },
        },
      }),
      code: 1,
    },
    {
      name: 'create: the connection is reset',
      rule: () => ({ method: 'POST', path: '/v2/certificates', fault: { kind: 'reset' } }),
      code: 0,
    },
    {
      name: 'the listing: the connection is reset once',
      rule: () => ({ method: 'GET', path: '/v2/certificates', fault: { kind: 'reset' } }),
      code: 0,
    },
  ];

  for (const f of faults) {
    it(f.name, async () => {
      resetDigitalOcean();
      const rule = f.rule();
      digitalocean.server.inject(rule);
      const before = digitalocean.server.requests.length;
      const result = await action(`apply: ${f.name}`, doInputs());
      const served = digitalocean.server.requests.slice(before).filter((r) => r.fault !== undefined);
      assert.ok(served.length > 0, `${f.name}: the fault was served`);
      assert.equal(result.code, f.code, `${f.name}: ${result.stdout}${result.stderr}`);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The built action: Dokploy, whose listing returns every certificate's private key
// ---------------------------------------------------------------------------------------------

describe('dist/index.js on the Dokploy double (the listing returns private keys)', () => {
  const dokployInputs = (double: DokployDouble, extra: Record<string, string> = {}) => ({
    provider: 'dokploy',
    'api-url': double.url,
    'api-token': m.dokployKey,
    name: 'app',
    certificate: fullchain(),
    'private-key': m.leaf.keyPem,
    'reload-traefik': 'true',
    inventory: 'true',
    'github-token': m.githubToken,
    ...extra,
  });

  it('plan and apply: the old version is replaced; no row key is printed', async () => {
    const double = await startDokploy();
    try {
      const planned = await action('dokploy plan', dokployInputs(double, { mode: 'plan' }));
      assert.equal(planned.code, 0, planned.stdout);
      const applied = await action('dokploy apply', dokployInputs(double));
      assert.equal(applied.code, 0, applied.stdout);
      assert.equal(applied.outputs.status, 'rotated');
      const listings = double.requests.filter((r) => r.path === '/api/certificates.all');
      assert.ok(
        listings.every((r) => JSON.stringify(r.reply?.body).includes('privateKey')),
        'the listing did carry keys',
      );
      assertProvidersNeverSawGitHubToken('dokploy', [double.server]);
    } finally {
      await double.close();
    }
  });

  const faults: { name: string; rule: (double: DokployDouble) => FaultRule; code: number }[] = [
    {
      name: 'the listing answers 500 with every row (keys and all)',
      rule: (double) => ({
        path: '/api/certificates.all',
        times: Number.POSITIVE_INFINITY,
        fault: {
          kind: 'status',
          status: 500,
          body: {
            message: `insert failed: ${JSON.stringify(double.certificates())}`,
            code: 'INTERNAL_SERVER_ERROR',
          },
        },
      }),
      code: 1,
    },
    {
      name: 'create answers 400, quoting the key line by line',
      rule: () => ({
        path: '/api/certificates.create',
        fault: {
          kind: 'status',
          status: 400,
          body: {
            message: 'Input validation failed',
            code: 'BAD_REQUEST',
            issues: keyLines().map((line) => ({ message: `bad value ${line}`, path: ['privateKey'] })),
          },
        },
      }),
      code: 1,
    },
    {
      name: 'remove answers 500 with the removed row',
      rule: (double) => ({
        path: '/api/certificates.remove',
        fault: {
          kind: 'status',
          status: 500,
          body: { message: JSON.stringify(double.certificates('org-a')[0]), code: 'INTERNAL_SERVER_ERROR' },
        },
      }),
      code: 1,
    },
    {
      name: 'the key is refused (401), echoed',
      rule: () => ({
        path: '/api/certificates.all',
        times: Number.POSITIVE_INFINITY,
        fault: { kind: 'status', status: 401, body: { message: `bad key ${m.dokployKey}` } },
      }),
      code: 1,
    },
  ];

  for (const f of faults) {
    it(f.name, async () => {
      const double = await startDokploy();
      try {
        double.inject(f.rule(double));
        const result = await action(`dokploy apply: ${f.name}`, dokployInputs(double));
        assertProvidersNeverSawGitHubToken(f.name, [double.server]);
        assert.ok(
          double.requests.some((r) => r.fault !== undefined),
          `${f.name}: the fault was served`,
        );
        assert.equal(result.code, f.code, `${f.name}: ${result.stdout}${result.stderr}`);
      } finally {
        await double.close();
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Hostile providers: error replies that echo the request, in every form seen (test/doubles/echo-forms.ts)
// ---------------------------------------------------------------------------------------------

/** Where each provider's error replies echo: a create (key and token) and a listing (the token). */
const ECHO_PATHS = {
  digitalocean: [
    { what: 'create', method: 'POST', path: '/v2/certificates', status: 422 },
    { what: 'listing', method: 'GET', path: '/v2/certificates', status: 500 },
  ],
  dokploy: [
    { what: 'create', method: 'POST', path: '/api/certificates.create', status: 400 },
    { what: 'listing', method: 'GET', path: '/api/certificates.all', status: 401 },
  ],
} as const;

/** The notice that stands for an echoing reply: the error path was reached and said so. */
const ECHO_SHOWN = /echoed part of what was sent/;

describe('hostile providers echo the request in every form: dist/index.js and dist/cli/index.js', () => {
  before(resetDigitalOcean);
  after(resetDigitalOcean);

  for (const form of ECHO_FORMS) {
    for (const echo of ECHO_PATHS.digitalocean) {
      it(`DigitalOcean ${echo.what} ${echo.status}, ${form.name}`, async () => {
        for (const entry of ['action', 'command'] as const) {
          resetDigitalOcean();
          digitalocean.server.inject({
            method: echo.method,
            path: echo.path,
            times: Number.POSITIVE_INFINITY,
            fault: echoFault(form, echo.status),
          });
          const before = digitalocean.server.requests.length;
          const label = `${entry}, DigitalOcean ${echo.what}, ${form.name}`;
          const result =
            entry === 'action'
              ? await action(label, doInputs())
              : await cli(
                  label,
                  [
                    'apply',
                    '--provider',
                    'digitalocean',
                    '--api-url',
                    digitalocean.url,
                    '--name',
                    'app',
                  ].concat(['--cert', 'fullchain.pem', '--key', 'privkey.pem']),
                  { CERT_ROTATE_API_TOKEN: m.doToken },
                );
          const served = digitalocean.server.requests.slice(before).filter((r) => r.fault === 'echo');
          assert.ok(served.length > 0, `${label}: the echo was served`);
          assert.equal(result.code, 1, `${label}: ${result.stdout}${result.stderr}`);
          assert.match(result.stdout + result.stderr, ECHO_SHOWN, label);
        }
      });
    }
    for (const echo of ECHO_PATHS.dokploy) {
      it(`Dokploy ${echo.what} ${echo.status}, ${form.name}`, async () => {
        const double = await startDokploy();
        try {
          for (const entry of ['action', 'command'] as const) {
            double.server.clearFaults();
            double.inject({
              path: echo.path,
              times: Number.POSITIVE_INFINITY,
              fault: echoFault(form, echo.status),
            });
            const before = double.requests.length;
            const label = `${entry}, Dokploy ${echo.what}, ${form.name}`;
            const result =
              entry === 'action'
                ? await action(label, {
                    provider: 'dokploy',
                    'api-url': double.url,
                    'api-token': m.dokployKey,
                    name: 'app',
                    certificate: fullchain(),
                    'private-key': m.leaf.keyPem,
                    'github-token': m.githubToken,
                  })
                : await cli(
                    label,
                    ['apply', '--provider', 'dokploy', '--api-url', double.url, '--name', 'app'].concat([
                      '--cert',
                      'fullchain.pem',
                      '--key',
                      'privkey.pem',
                    ]),
                    { CERT_ROTATE_API_TOKEN: m.dokployKey },
                  );
            const served = double.requests.slice(before).filter((r) => r.fault === 'echo');
            assert.ok(served.length > 0, `${label}: the echo was served`);
            assert.equal(result.code, 1, `${label}: ${result.stdout}${result.stderr}`);
            assert.match(result.stdout + result.stderr, ECHO_SHOWN, label);
            assertProvidersNeverSawGitHubToken(label, [double.server]);
          }
        } finally {
          await double.close();
        }
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Secrets pasted where a setting belongs: every error about a setting describes them, never quotes
// ---------------------------------------------------------------------------------------------

/** Every input that is not a secret and whose value an error may name. */
const SETTINGS = [
  'name',
  'name-template',
  'concurrency',
  'warn-days',
  'fail-days',
  'timeout-seconds',
  'repair-chain',
  'mode',
  'provider',
  'api-url',
  'domains',
  'server-id',
] as const;

/** A key (as PEM and as its bare body) and every token, as someone might paste them. */
const pastedSecrets = (): [string, string][] => [
  ['the key', m.leaf.keyPem],
  ['the key body', pemBody(m.leaf.keyPem)],
  ['the DigitalOcean token', m.doToken],
  ['the Dokploy key', m.dokployKey],
  ['the GitHub token', m.githubToken],
];

/** A manifest whose fields hold the key and the tokens where names, domains and variable names belong. */
function pastedManifest(): string {
  const indent = (text: string, by: string) =>
    text
      .trim()
      .split('\n')
      .map((line) => `${by}${line}`)
      .join('\n');
  return `version: ${m.doToken}
certificates:
  - name: ${m.githubToken}
    domains: [${m.dokployKey}]
    certificate: { env: ${m.dokployKey} }
    private-key: { env: ${m.githubToken} }
    key-passphrase: { env: ${m.dokployKey} }
    pkcs12-password: { env: ${m.githubToken} }
    ${m.doToken}: x
  - name: |
${indent(m.leaf.keyPem, '      ')}
    domains: |
${indent(m.leaf.keyPem, '      ')}
    certificate: { file: certs/fullchain.pem }
    private-key: { file: certs/privkey.pem }
  - name: ${m.dokployKey}
    domains: ${pemBody(m.leaf.keyPem)}
    pkcs12: { env: ${pemBody(m.leaf.keyPem)
      .slice(0, 60)
      .replace(/[^A-Za-z0-9]/g, '_')} }
${pemBody(m.leaf.keyPem).slice(100, 164)}: x
`;
}

/** The same with every part's file path a secret: refused where the files are read. */
function pastedPaths(): string {
  return `certificates:
  - name: app
    certificate: { file: ${m.githubToken} }
    private-key: { file: ${JSON.stringify(m.leaf.keyPem)} }
    pkcs12-password: { file: ${m.doToken} }
`;
}

describe('a key or a token pasted into a setting: dist/index.js and dist/cli/index.js', () => {
  before(async () => {
    await writeFile(join(workspace, 'pasted.yml'), pastedManifest());
    await writeFile(join(workspace, 'pasted-paths.yml'), pastedPaths());
  });

  for (const [i, input] of SETTINGS.entries()) {
    it(input, async () => {
      const tokens = [m.doToken, m.dokployKey, m.githubToken];
      const token = tokens[i % tokens.length]!;
      for (const secret of [m.leaf.keyPem, token]) {
        const provider = input === 'server-id' ? { provider: 'dokploy' } : {};
        const result = await action(
          `${input} pasted`,
          doInputs({ mode: 'plan', ...provider, [input]: secret }),
        );
        assert.equal(result.code, 1, `${input}: ${result.stdout}`);
        assert.match(result.stdout, /^::error::/m);
      }
      // The command: the value from its variable (flags win, so the flag is left out), or as the subcommand.
      const secret = i % 2 === 0 ? m.leaf.keyPem : token;
      const flags: Record<string, string> = {
        provider: 'digitalocean',
        'api-url': digitalocean.url,
        name: 'app',
      };
      delete flags[input];
      const args = [
        input === 'mode' ? secret : 'plan',
        ...Object.entries(flags).flatMap(([flag, value]) => [`--${flag}`, value]),
        '--cert',
        'fullchain.pem',
        '--key',
        'privkey.pem',
      ];
      const variable = `CERT_ROTATE_${input.toUpperCase().replace(/-/g, '_')}`;
      const result = await cli(`cli ${input} pasted`, args, {
        CERT_ROTATE_API_TOKEN: m.doToken,
        ...(input === 'mode' ? {} : { [variable]: secret }),
      });
      assert.notEqual(result.code, 0, `cli ${input}: ${result.stdout}${result.stderr}`);
      assert.match(result.stderr, /^cert-rotate: /m);
    });
  }

  it("the manifest's fields and paths", async () => {
    for (const file of ['pasted.yml', 'pasted-paths.yml']) {
      const result = await action(`manifest ${file}`, { mode: 'validate', manifest: file });
      assert.equal(result.code, 1, result.stdout);
      assert.match(result.stdout, /^::error::/m);
      const command = await cli(`cli manifest ${file}`, ['validate', '--manifest', file]);
      assert.notEqual(command.code, 0, command.stderr);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The built action: pull request comment, expiry issue
// ---------------------------------------------------------------------------------------------

describe('dist/index.js posting to the GitHub double', () => {
  before(resetDigitalOcean);

  function pullRequest(number: number): unknown {
    return {
      number,
      pull_request: {
        number,
        head: { sha: 'abc123', repo: { full_name: `${OWNER}/${REPO}` } },
        base: { repo: { full_name: `${OWNER}/${REPO}` } },
      },
      repository: { full_name: `${OWNER}/${REPO}` },
    };
  }

  it('pull_request: plans and posts one comment with the plan and findings', async () => {
    const pr = github.addPullRequest(OWNER, REPO, { title: 'Renew app' });
    const result = await action(
      'pull_request',
      doInputs({ 'warn-days': '120', 'fail-days': '7' }),
      runner('pull_request', pullRequest(pr.number)),
    );
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(result.outputs.status, 'planned');
    const comments = github.comments(OWNER, REPO, pr.number);
    assert.equal(comments.length, 1);
    assert.match(comments[0]?.body ?? '', /EXPIRING/);
  });

  it('pull_request with a broken key: the comment shows the findings, not the key', async () => {
    const pr = github.addPullRequest(OWNER, REPO, { title: 'Wrong key' });
    const result = await action(
      'pull_request, broken key',
      doInputs({ 'private-key': m.other.keyPem, certificate: fullchain() + m.pkcs8Encrypted }),
      runner('pull_request', pullRequest(pr.number)),
    );
    assert.equal(result.code, 1);
    assert.match(github.comments(OWNER, REPO, pr.number)[0]?.body ?? '', /KEY_MISMATCH|EXTRA_PRIVATE_KEY/);
  });

  it('pull_request: GitHub refuses the comment with a reply echoing the token', async () => {
    const pr = github.addPullRequest(OWNER, REPO, { title: 'Refused' });
    github.server.inject({
      method: 'POST',
      path: /\/comments$/,
      times: Number.POSITIVE_INFINITY,
      fault: {
        kind: 'status',
        status: 422,
        body: { message: `Validation Failed for token ${m.githubToken}`, documentation_url: 'x' },
      },
    });
    try {
      const result = await action(
        'pull_request, comment refused',
        doInputs(),
        runner('pull_request', pullRequest(pr.number)),
      );
      assert.equal(result.code, 0, result.stdout);
      assert.ok(
        github.server.requests.some((r) => r.fault !== undefined),
        'the fault was served',
      );
      assert.match(result.stdout, /::warning/);
    } finally {
      github.server.clearFaults();
    }
  });

  it('schedule with expiry-issue: opens an issue for a certificate inside warn-days', async () => {
    const result = await action(
      'schedule, expiry issue',
      doInputs({ mode: 'plan', 'expiry-issue': 'true', 'warn-days': '120' }),
      runner('schedule', { schedule: '0 5 * * *' }),
    );
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const open = github.issues(OWNER, REPO).filter((i) => !i.pull && i.state === 'open');
    assert.equal(open.length, 1);
    // And once renewed (warn-days back to normal): closed with a comment.
    const renewed = await action(
      'schedule, expiry issue closed',
      doInputs({ mode: 'plan', 'expiry-issue': 'true' }),
      runner('schedule', { schedule: '0 5 * * *' }),
    );
    assert.equal(renewed.code, 0);
    assert.equal(github.issue(OWNER, REPO, open[0]!.number)?.state, 'closed');
  });
});

// ---------------------------------------------------------------------------------------------
// The built action: manifests
// ---------------------------------------------------------------------------------------------

describe('dist/index.js with a manifest', () => {
  before(async () => {
    resetDigitalOcean();
    await writeFile(
      join(workspace, 'certificates.yml'),
      `version: 1
certificates:
  - name: app
    domains: ${DOMAIN}
    certificate: { env: APP_CERT }
    private-key: { env: APP_KEY }
  - name: app-file
    certificate: { file: certs/fullchain.pem }
    private-key: { file: certs/privkey.pem }
  - name: app-encrypted
    certificate: { file: certs/fullchain.pem }
    private-key: { env: APP_ENCRYPTED_KEY }
    key-passphrase: { file: passphrase.txt }
  - name: app-pfx
    pkcs12: { env: APP_PFX }
    pkcs12-password: { env: APP_PFX_PASSWORD }
  - name: app-wrong
    certificate: { file: certs/fullchain.pem }
    private-key: { env: APP_WRONG_KEY }
`,
    );
    await writeFile(
      join(workspace, 'missing-env.yml'),
      `certificates:
  - name: app
    certificate: { file: certs/fullchain.pem }
    private-key: { env: CANARY_NOT_SET }
`,
    );
    // A key pasted into the manifest itself: refused, and the refusal must not quote it.
    const indented = m.leaf.keyPem
      .trim()
      .split('\n')
      .map((line) => `      ${line}`)
      .join('\n');
    await writeFile(
      join(workspace, 'inline-key.yml'),
      `certificates:
  - name: app
    certificate: { file: certs/fullchain.pem }
    private-key: |
${indented}
  - name: pasted
    certificate: { file: certs/fullchain.pem }
    private-key: { env: ${pemBody(m.leaf.keyPem).slice(0, 40)} }
${pemBody(m.leaf.keyPem).slice(100, 164)}: x
`,
    );
  });

  const env = () => ({
    APP_CERT: fullchain(),
    APP_KEY: m.leaf.keyPem,
    APP_ENCRYPTED_KEY: m.pkcs8Encrypted,
    APP_PFX: m.p12.toString('base64'),
    APP_PFX_PASSWORD: m.p12Password,
    APP_WRONG_KEY: m.other.keyPem,
  });

  it('validate and plan: keys from env variables and from files', async () => {
    for (const mode of ['validate', 'plan'] as const) {
      const result = await action(
        `manifest ${mode}`,
        {
          mode,
          manifest: 'certificates.yml',
          provider: 'digitalocean',
          'api-url': digitalocean.url,
          'api-token': m.doToken,
          'github-token': m.githubToken,
        },
        runner('push', {}, env()),
      );
      assert.equal(result.code, 1, 'app-wrong fails the step');
      assert.ok(findingCodes(result).includes('KEY_MISMATCH'));
      const report = JSON.parse(result.outputs.report ?? '{}') as { certificates: unknown[] };
      assert.equal(report.certificates.length, 5);
    }
  });

  it('apply: the good entries are rotated', async () => {
    const result = await action(
      'manifest apply',
      {
        manifest: 'certificates.yml',
        provider: 'digitalocean',
        'api-url': digitalocean.url,
        'api-token': m.doToken,
      },
      runner('push', {}, env()),
    );
    assert.equal(result.code, 1, 'app-wrong still fails the step');
    assert.ok(digitalocean.certificates.all().length >= 1, 'the others were uploaded');
  });

  it('a manifest naming an env variable that is not set', async () => {
    const result = await action('manifest, missing env', { mode: 'validate', manifest: 'missing-env.yml' });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /CANARY_NOT_SET/);
  });

  it('a manifest with a key pasted into it', async () => {
    const result = await action('manifest, inline key', { mode: 'validate', manifest: 'inline-key.yml' });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /::error::The manifest inline-key\.yml has/);
  });
});

// ---------------------------------------------------------------------------------------------
// The built action: input errors that echo what they were given
// ---------------------------------------------------------------------------------------------

describe('dist/index.js, input errors', () => {
  it('every input error, with the secret inputs set', async () => {
    const inputs: Record<string, string>[] = [
      { mode: 'validate', certificate: fullchain(), 'private-key': m.leaf.keyPem, domains: 'https://x/ y' },
      {
        mode: 'nope',
        'private-key': m.leaf.keyPem,
        'api-token': m.doToken,
        'pkcs12-password': m.p12Password,
      },
      { ...doInputs(), 'fail-days': '40', 'warn-days': '30', 'key-passphrase': m.passphrase },
      { ...doInputs(), provider: 'dokploy', 'api-url': '' },
      { ...doInputs(), 'api-token': '' },
      { ...doInputs(), 'private-key-file': 'privkey.pem' },
      { ...doInputs(), manifest: 'certificates.yml' },
      { 'private-key': m.leaf.keyPem, 'pkcs12-password': m.p12Password },
    ];
    for (const [i, given] of inputs.entries()) {
      const result = await action(`input error ${i}`, given);
      assert.equal(result.code, 1, `input error ${i}: ${result.stdout}`);
      assert.match(result.stdout, /^::error::/m);
    }
  });

  it('a key given as the path of private-key-file (or a PKCS#12 file as pkcs12-file)', async () => {
    const given: Record<string, string>[] = [
      { mode: 'validate', certificate: fullchain(), 'private-key-file': m.leaf.keyPem },
      { mode: 'validate', 'pkcs12-file': m.p12.toString('base64'), 'pkcs12-password': m.p12Password },
    ];
    const leaks: string[] = [];
    for (const [i, inputs] of given.entries()) {
      const result = await runAction(inputs, workspace, runner('push'));
      cases++;
      assert.equal(result.code, 1, result.stdout);
      assert.match(result.stdout, /is not a file path: it looks like the key or certificate itself/);
      const found = canary.scan(distPlaces(result));
      if (found.length > 0) leaks.push(`${Object.keys(inputs).join(', ')} (${i}):\n${describeLeaks(found)}`);
    }
    assert.deepEqual(leaks, [], leaks.join('\n'));
  });
});

// ---------------------------------------------------------------------------------------------
// The built command
// ---------------------------------------------------------------------------------------------

describe('dist/cli/index.js', () => {
  before(resetDigitalOcean);

  const both = (args: string[]) => [args, [...args, '--json']];

  it('validate: good, mismatched, encrypted, PKCS#12, key as certificate, key from the environment', async () => {
    const runs: { args: string[]; env?: NodeJS.ProcessEnv; code: number }[] = [
      ...both(['validate', '--cert', 'fullchain.pem', '--key', 'privkey.pem', '--domains', DOMAIN]).map(
        (args) => ({ args, code: 0 }),
      ),
      ...both(['validate', '--cert', 'fullchain.pem', '--key', 'other-key.pem']).map((args) => ({
        args,
        code: 1,
      })),
      ...both(['validate', '--cert', 'fullchain.pem', '--key', 'encrypted-key.pem']).map((args) => ({
        args,
        env: { CERT_ROTATE_KEY_PASSPHRASE: m.wrongPassphrase },
        code: 1,
      })),
      ...both(['validate', '--pkcs12', 'site.p12']).map((args) => ({
        args,
        env: { CERT_ROTATE_PKCS12_PASSWORD: m.wrongP12Password },
        code: 1,
      })),
      ...both(['validate', '--pkcs12', 'site.p12']).map((args) => ({
        args,
        env: { CERT_ROTATE_PKCS12_PASSWORD: m.p12Password },
        code: 0,
      })),
      ...both(['validate', '--cert', 'privkey.pem']).map((args) => ({ args, code: 1 })),
      ...both(['validate', '--bundle', 'fullchain.pem']).map((args) => ({
        args,
        env: { CERT_ROTATE_PRIVATE_KEY: m.leaf.keyPem.replace(/\n/g, '\\n') },
        code: 0,
      })),
      ...both(['validate']).map((args) => ({
        args,
        env: {
          CERT_ROTATE_CERTIFICATE: fullchain() + m.other.keyPem,
          CERT_ROTATE_PRIVATE_KEY: m.leaf.keyPem,
        },
        code: 0,
      })),
    ];
    for (const r of runs) {
      const result = await cli(`cli ${r.args.join(' ')}`, r.args, r.env);
      assert.equal(result.code, r.code, `${r.args.join(' ')}: ${result.stdout}${result.stderr}`);
      if (r.args.includes('--json')) JSON.parse(result.stdout);
    }
  });

  it('plan and apply on DigitalOcean and Dokploy, with and without --json', async () => {
    const env = { CERT_ROTATE_API_TOKEN: m.doToken };
    const target = ['--provider', 'digitalocean', '--api-url', digitalocean.url, '--name', 'app'];
    const files = ['--cert', 'fullchain.pem', '--key', 'privkey.pem'];
    for (const args of [...both(['plan', ...target, ...files]), ...both(['apply', ...target, ...files])]) {
      const result = await cli(`cli ${args[0]}`, args, env);
      assert.equal(result.code, 0, result.stdout + result.stderr);
    }
    digitalocean.server.inject({
      method: 'GET',
      path: '/v2/certificates',
      times: Number.POSITIVE_INFINITY,
      fault: { kind: 'status', status: 401, body: { id: 'unauthorized', message: `token ${m.doToken}` } },
    });
    try {
      for (const args of both(['apply', ...target, ...files])) {
        const result = await cli('cli apply, 401', args, env);
        assert.equal(result.code, 1, result.stdout + result.stderr);
        assert.match(result.stderr, /401/);
      }
    } finally {
      resetDigitalOcean();
    }
    const dokploy = await startDokploy();
    try {
      const args = ['apply', '--provider', 'dokploy', '--api-url', dokploy.url, '--name', 'app', ...files];
      for (const a of [...both(args), [...args, '--inventory']]) {
        const result = await cli('cli dokploy apply', a, { CERT_ROTATE_API_TOKEN: m.dokployKey });
        assert.equal(result.code, 0, result.stdout + result.stderr);
      }
    } finally {
      await dokploy.close();
    }
  });

  it('usage and input errors, secrets on the command line among them', async () => {
    const runs: { args: string[]; env?: NodeJS.ProcessEnv }[] = [
      { args: ['validate', '--api-token', m.doToken] },
      { args: ['validate', `--api-token=${m.doToken}`] },
      { args: ['validate', '--key-passphrase', m.passphrase] },
      { args: ['validate', `--pkcs12-password=${m.p12Password}`] },
      { args: ['frobnicate', '--cert', 'fullchain.pem'] },
      { args: [] },
      { args: ['validate', '--cert', 'fullchain.pem', '--warn-days', 'soon'] },
      { args: ['plan', '--cert', 'fullchain.pem', '--key', 'privkey.pem', '--name', 'app'] },
      {
        args: ['plan', '--provider', 'digitalocean', '--cert', 'fullchain.pem', '--key', 'privkey.pem'],
        env: { CERT_ROTATE_API_TOKEN: m.doToken },
      },
      { args: ['validate', '--manifest', 'missing-env.yml'] },
      { args: ['validate', '--manifest', 'inline-key.yml'] },
      { args: ['validate', '--cert', 'no-such-file.pem', '--key', 'privkey.pem'] },
      {
        args: ['validate', '--cert', 'fullchain.pem'],
        env: { CERT_ROTATE_PRIVATE_KEY: m.leaf.keyPem, CERT_ROTATE_PRIVATE_KEY_FILE: 'privkey.pem' },
      },
    ];
    for (const r of runs) {
      const result = await cli(`cli usage ${r.args.join(' ')}`, r.args, r.env);
      assert.equal(result.code, 2, `${r.args.join(' ')}: ${result.stdout}${result.stderr}`);
      assert.match(result.stderr, /^cert-rotate: /);
    }
  });

  it('a key given where its path or an option belongs (--key="$KEY", a positional)', async () => {
    const given: { args: string[]; env?: NodeJS.ProcessEnv }[] = [
      { args: ['validate', '--cert', 'fullchain.pem', `--key=${m.leaf.keyPem}`] },
      { args: ['validate', '--cert', 'fullchain.pem'], env: { CERT_ROTATE_PRIVATE_KEY_FILE: m.leaf.keyPem } },
      { args: ['validate', `--pkcs12=${m.p12.toString('base64')}`] },
      { args: ['validate', '--cert', 'fullchain.pem', m.leaf.keyPem] },
      { args: ['validate', '--cert', 'fullchain.pem', Buffer.from(m.leaf.keyPem).toString('base64')] },
    ];
    const leaks: string[] = [];
    for (const [i, r] of given.entries()) {
      const result = await runCli(r.args, { HOME: process.env.HOME, NO_COLOR: '1', ...r.env }, workspace);
      cases++;
      assert.equal(result.code, 2, result.stderr);
      const found = canary.scan({ stdout: result.stdout, stderr: result.stderr });
      if (found.length > 0) leaks.push(`variant ${i}:\n${describeLeaks(found)}`);
    }
    assert.deepEqual(leaks, [], leaks.join('\n'));
  });
});

// ---------------------------------------------------------------------------------------------
// In process: the errors run() and parseSettings throw
// ---------------------------------------------------------------------------------------------

describe('in process: errors thrown by parseSettings and run()', () => {
  const debug: string[] = [];
  const masked: string[] = [];
  const deps = (env: Record<string, string> = {}) => ({
    cwd: workspace,
    mask: (secret: string) => {
      masked.push(secret);
    },
    env,
    transport: { retry: { baseDelayMs: 1, maxDelayMs: 2 }, debug: (line: string) => void debug.push(line) },
  });

  /** Run, expect a throw, and check everything the error carries (and the debug lines so far). */
  async function throws(label: string, attempt: () => unknown, expected: RegExp): Promise<void> {
    let caught: unknown;
    try {
      await attempt();
    } catch (thrown) {
      caught = thrown;
    }
    assert.ok(caught !== undefined, `${label}: nothing was thrown`);
    assert.ok(caught instanceof CertRotateError, `${label}: ${String(caught)}`);
    assert.match(caught.message, expected, label);
    cases++;
    assertClean(label, { ...errorText(caught), debug: debug.join('\n') });
  }

  const rawFor = (extra: RawInputs): RawInputs => ({
    certificate: fullchain(),
    'private-key': m.leaf.keyPem,
    'key-passphrase': m.passphrase,
    'pkcs12-password': m.p12Password,
    'api-token': m.doToken,
    'github-token': m.githubToken,
    'notify-webhook': receiver.url,
    ...extra,
  });

  it('parseSettings: every refusal, with every secret input set', async () => {
    const refusals: [RawInputs, RegExp][] = [
      [rawFor({ mode: 'sideways' }), /Invalid mode/],
      [rawFor({ 'warn-days': '5', 'fail-days': '9' }), /larger than/],
      [rawFor({ mode: 'validate', inventory: 'true' }), /inventory/],
      [rawFor({ manifest: 'certificates.yml' }), /Both manifest and/],
      [rawFor({ 'private-key-file': 'privkey.pem' }), /Both private-key and private-key-file/],
      [rawFor({ mode: 'plan', name: 'app' }), /provider is required/],
      [rawFor({ mode: 'plan', provider: 'digitalocean' }), /name is required/],
      [rawFor({ mode: 'plan', provider: 'dokploy', name: 'app' }), /api-url is required/],
      [rawFor({ mode: 'plan', provider: 'digitalocean', name: 'app', 'api-token': ' ' }), /api-token/],
      [rawFor({ name: '../../etc' }), /Invalid name/],
      [rawFor({ domains: 'https://app.example.test/x' }), /it is a URL/],
      [rawFor({ mode: 'validate', 'repair-chain': 'perhaps' }), /repair-chain/],
      [{ 'private-key': m.leaf.keyPem, 'pkcs12-password': m.p12Password }, /No certificate was given/],
      [
        rawFor({ mode: 'validate', 'notify-webhook': `http://chat.example.test${receiver.secretPath}` }),
        /notify-webhook/,
      ],
      [rawFor({ mode: 'validate', 'notify-webhook': receiver.secretPath }), /notify-webhook is not a URL/],
      [rawFor({ mode: 'validate', 'notify-on': 'sometimes' }), /notify-on/],
    ];
    for (const [raw, expected] of refusals) {
      await throws(`parseSettings ${expected}`, () => parseSettings(raw), expected);
    }
  });

  it('parseSettings and run(): a key or a token in each setting is refused and never quoted', async () => {
    for (const input of SETTINGS) {
      for (const [what, secret] of pastedSecrets()) {
        const raw = rawFor({
          mode: 'plan',
          provider: input === 'server-id' ? 'dokploy' : 'digitalocean',
          'api-url': digitalocean.url,
          name: 'app',
          [input]: secret,
        });
        await throws(`${what} in ${input}`, () => run(parseSettings(raw), deps()), /./);
      }
    }
  });

  it("run(): a key or a token in a manifest's fields and paths", async () => {
    await writeFile(join(workspace, 'pasted.yml'), pastedManifest());
    await writeFile(join(workspace, 'pasted-paths.yml'), pastedPaths());
    for (const file of ['pasted.yml', 'pasted-paths.yml']) {
      await throws(
        `manifest ${file}`,
        () => run(parseSettings({ mode: 'validate', manifest: file }), deps()),
        /manifest|looks like|not a file path/,
      );
    }
  });

  it('run(): DigitalOcean and Dokploy replies that echo the request, in every form', async () => {
    const settings = parseSettings({
      mode: 'apply',
      provider: 'digitalocean',
      'api-url': digitalocean.url,
      'api-token': m.doToken,
      name: 'app',
      certificate: fullchain(),
      'private-key': m.leaf.keyPem,
    });
    const double = await startDokploy();
    try {
      for (const form of ECHO_FORMS) {
        for (const echo of ECHO_PATHS.digitalocean) {
          resetDigitalOcean();
          digitalocean.server.inject({
            method: echo.method,
            path: echo.path,
            times: Number.POSITIVE_INFINITY,
            fault: echoFault(form, echo.status),
          });
          await throws(
            `DigitalOcean ${echo.what}, ${form.name}`,
            async () => {
              const { report } = await run(settings, deps());
              // A create that fails is reported, not thrown: the report is what is printed then.
              throw new CertRotateError('PROVIDER_REPORT', JSON.stringify(report));
            },
            ECHO_SHOWN,
          );
        }
        for (const echo of ECHO_PATHS.dokploy) {
          double.server.clearFaults();
          double.inject({
            path: echo.path,
            times: Number.POSITIVE_INFINITY,
            fault: echoFault(form, echo.status),
          });
          await throws(
            `Dokploy ${echo.what}, ${form.name}`,
            async () => {
              const { report } = await run(dokployApply(double.url), deps());
              throw new CertRotateError('PROVIDER_REPORT', JSON.stringify(report));
            },
            ECHO_SHOWN,
          );
        }
      }
    } finally {
      resetDigitalOcean();
      await double.close();
    }
  });

  it('run(): manifests with a missing env variable, a missing file, a pasted key', async () => {
    await throws(
      'missing env',
      () => run(parseSettings({ mode: 'validate', manifest: 'missing-env.yml' }), deps()),
      /CANARY_NOT_SET/,
    );
    await writeFile(
      join(workspace, 'missing-file.yml'),
      'certificates:\n  - name: app\n    certificate: { file: certs/fullchain.pem }\n    private-key: { file: nope.pem }\n',
    );
    await throws(
      'missing file',
      () => run(parseSettings({ mode: 'validate', manifest: 'missing-file.yml' }), deps()),
      /does not exist/,
    );
    await throws(
      'pasted key',
      () => run(parseSettings({ mode: 'validate', manifest: 'inline-key.yml' }), deps()),
      /The manifest inline-key\.yml has/,
    );
    await throws(
      'no manifest',
      () => run(parseSettings({ mode: 'validate', manifest: 'nowhere.yml' }), deps()),
      /does not exist/,
    );
  });

  it('run(): DigitalOcean refuses the token, fails, drops the connection (replies echoing secrets)', async () => {
    const settings = parseSettings({
      mode: 'apply',
      provider: 'digitalocean',
      'api-url': digitalocean.url,
      'api-token': m.doToken,
      name: 'app',
      certificate: fullchain(),
      'private-key': m.leaf.keyPem,
    });
    const rules: [FaultRule['fault'], RegExp][] = [
      [{ kind: 'status', status: 401, body: { id: 'unauthorized', message: `bad ${m.doToken}` } }, /401/],
      [{ kind: 'status', status: 403, body: { id: 'forbidden', message: m.leaf.keyPem } }, /403/],
      [{ kind: 'status', status: 500, body: { id: 'server_error', message: escapedKey() } }, /500/],
      [{ kind: 'status', status: 404, body: `<html>${m.doToken}</html>` }, /404/],
      [{ kind: 'reset' }, /failed/],
    ];
    try {
      for (const [fault, expected] of rules) {
        resetDigitalOcean();
        digitalocean.server.inject({
          method: 'GET',
          path: '/v2/certificates',
          times: Number.POSITIVE_INFINITY,
          fault,
        });
        await throws(`DigitalOcean listing ${fault.kind}`, () => run(settings, deps()), expected);
      }
    } finally {
      resetDigitalOcean();
    }
  });

  /** Apply settings for `app` on the Dokploy double at `url`, with the canary key and token. */
  const dokployApply = (url: string, extra: RawInputs = {}) =>
    parseSettings({
      mode: 'apply',
      provider: 'dokploy',
      'api-url': url,
      'api-token': m.dokployKey,
      name: 'app',
      certificate: fullchain(),
      'private-key': m.leaf.keyPem,
      ...extra,
    });

  it('run(): Dokploy answers with the rows (keys and all) in its errors', async () => {
    const double = await startDokploy();
    try {
      const settings = dokployApply(double.url);
      const rows = JSON.stringify(double.certificates());
      for (const status of [500, 400, 401, 502]) {
        double.server.clearFaults();
        double.inject({
          path: '/api/certificates.all',
          times: Number.POSITIVE_INFINITY,
          fault: { kind: 'status', status, body: { message: rows, code: 'INTERNAL_SERVER_ERROR' } },
        });
        await throws(`Dokploy listing ${status}`, () => run(settings, deps()), /Dokploy/);
      }
      // A listing that is not what the API describes: the error names the row, never its key.
      double.server.clearFaults();
      double.inject({
        path: '/api/certificates.all',
        fault: {
          kind: 'status',
          status: 200,
          body: double.certificates('org-a').map((row) => ({ ...row, name: 42 })),
        },
      });
      await throws('Dokploy listing unreadable', () => run(settings, deps()), /Dokploy/);
    } finally {
      await double.close();
    }
  });

  it('run(): reports that do not throw render no secret either (text and JSON)', async () => {
    const double = await startDokploy();
    try {
      const settings = dokployApply(double.url, { inventory: 'true' });
      double.inject({
        path: '/api/certificates.create',
        fault: { kind: 'status', status: 400, body: { message: escapedKey(), code: 'BAD_REQUEST' } },
      });
      const { report } = await run(settings, deps());
      cases++;
      assert.equal(report.ok, false);
      assertClean('in-process report', {
        json: JSON.stringify(report),
        text: renderText(report, { color: false }),
        debug: debug.join('\n'),
      });
    } finally {
      await double.close();
    }
    assert.ok(masked.length > 0, 'secrets were handed to the mask');
  });
});

// ---------------------------------------------------------------------------------------------
// The chat alert
// ---------------------------------------------------------------------------------------------

describe('the chat alert: dist/index.js and dist/cli/index.js', () => {
  before(resetDigitalOcean);

  it('apply, then every run, in both forms: each message holds no secret', async () => {
    for (const [i, extra] of [
      { 'notify-on': 'change' },
      { 'notify-on': 'always', 'notify-format': 'json' },
      { mode: 'plan', 'notify-on': 'always', 'warn-days': '120' },
    ].entries()) {
      const result = await action(`alert ${i}`, doInputs(extra));
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /^Notification sent \((change|always|attention)\)\.$/m, `alert ${i}`);
    }
  });

  it('a webhook that refuses with replies echoing the URL and the tokens: a warning, nothing of them', async () => {
    const echoed = `${receiver.url} ${m.doToken} ${m.githubToken} ${receiver.secretPath.split('/').at(-1)}`;
    for (const status of [500, 403]) {
      receiver.behave = () => ({ kind: 'reply', status, body: echoed });
      try {
        const result = await action(
          `alert refused ${status}`,
          doInputs({ mode: 'validate', 'warn-days': '120' }),
        );
        assert.equal(result.code, 0, result.stdout);
        assert.match(
          result.stdout,
          new RegExp(
            `^::warning::Could not send the notification \\(attention\\): the webhook answered HTTP ${status}`,
            'm',
          ),
        );
      } finally {
        receiver.behave = () => ({ kind: 'reply', status: 200, body: 'ok' });
      }
    }
  });

  it('a webhook refused as plain http to another machine: the error names the input only', async () => {
    const result = await action(
      'alert refused as http',
      doInputs({ mode: 'validate', 'notify-webhook': `http://chat.example.test${receiver.secretPath}` }),
    );
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^::error::notify-webhook is a plain http address/m);
  });

  it('the command: the URL from the environment alerts; as a flag it is refused', async () => {
    const sent = await cli(
      'cli alert',
      ['validate', '--cert', 'fullchain.pem', '--key', 'privkey.pem', '--warn-days', '120', '--json'],
      { CERT_ROTATE_NOTIFY_WEBHOOK: receiver.url },
    );
    assert.equal(sent.code, 0, sent.stderr);
    assert.match(sent.stderr, /^cert-rotate: Notification sent \(attention\)\.$/m);
    assertClean('cli alert sent', webhookPlaces());
    const flag = await cli('cli alert flag', [
      'validate',
      '--cert',
      'fullchain.pem',
      `--notify-webhook=${receiver.url}`,
    ]);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /CERT_ROTATE_NOTIFY_WEBHOOK/);
  });
});
