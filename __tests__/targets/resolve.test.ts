/**
 * A manifest's targets where the environment is read (load-certificates.ts): each token from its
 * variable, masked the moment it is read and never in an error; variables that are not set listed
 * with the parts' ones, with their lines; one token under two names refused without showing it;
 * and the (certificate, target) pairs a run rotates.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError, messageWithFix } from '../../src/errors.ts';
import { loadCertificates } from '../../src/load-certificates.ts';
import { parseSettings, type Settings } from '../../src/settings.ts';
import { byTarget, pairsFor } from '../../src/targets/pairs.ts';

const FLEET = `version: 1
targets:
  do-prod:    { provider: digitalocean, api-token: { env: DO_PROD_TOKEN } }
  do-staging: { provider: digitalocean, api-token: { env: DO_STAGING_TOKEN }, concurrency: 4 }
  dokploy-eu: { provider: dokploy, api-url: https://dokploy.eu.example.com, api-token: { env: DOKPLOY_EU_KEY }, reload-traefik: true }
certificates:
  - name: wildcard-example-com
    targets: [do-prod, do-staging, dokploy-eu]
    certificate: { env: WILDCARD_CERT }
    private-key: { env: WILDCARD_KEY }
  - name: api
    targets: [dokploy-eu]
    certificate: { env: API_CERT }
`;

// Shaped as tokens are (the secret scanner's and looksLikeToken's patterns), made up here.
const TOKENS = {
  DO_PROD_TOKEN: `dop_v1_${'a1'.repeat(32)}`,
  DO_STAGING_TOKEN: `dop_v1_${'b2'.repeat(32)}`,
  DOKPLOY_EU_KEY: 'eu-KeyMadeUpForTheTest0123456789abcdefXYZ',
};
const PARTS = { WILDCARD_CERT: 'cert text', WILDCARD_KEY: 'key text', API_CERT: 'api cert text' };

let workspace: string;
before(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-targets-'));
});
after(async () => {
  await rm(workspace, { recursive: true, force: true });
});

/** Settings for a manifest run with no provider inputs: every entry names its targets. */
function fleetSettings(mode: 'plan' | 'apply' | 'validate', secretsOptional = false): Settings {
  return {
    ...parseSettings({ mode: 'validate', manifest: 'fleet.yml' }),
    mode,
    rotation: undefined,
    secretsOptional,
  };
}

async function load(
  settings: Pick<Settings, 'certificates' | 'mode' | 'secretsOptional' | 'rotation'>,
  env: Record<string, string>,
  text = FLEET,
) {
  await writeFile(join(workspace, 'fleet.yml'), text);
  const masked: string[] = [];
  const loaded = await loadCertificates(settings, { cwd: workspace, mask: (s) => masked.push(s), env });
  return { loaded, masked };
}

/** An error's whole text as a person would read it, and as it would be logged. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (thrown) {
    assert.ok(thrown instanceof InputError, String(thrown));
    return `${messageWithFix(thrown)}\n${thrown.stack ?? ''}`;
  }
  return assert.fail('loaded');
}

function assertNoToken(text: string): void {
  for (const token of Object.values(TOKENS)) {
    // Not whole, and not a piece of it either.
    for (let i = 0; i + 12 <= token.length; i += 4) assert.ok(!text.includes(token.slice(i, i + 12)), text);
  }
}

describe('targets at load time', () => {
  it('reads each token from its variable, masks it at once, and gives what a run needs per target', async () => {
    const { loaded, masked } = await load(fleetSettings('apply'), { ...TOKENS, ...PARTS });
    for (const token of Object.values(TOKENS)) assert.ok(masked.includes(token), 'masked');
    assert.deepEqual(
      loaded.targets.map((t) => t.name),
      ['do-prod', 'do-staging', 'dokploy-eu'],
    );
    const [prod, staging, eu] = loaded.targets;
    assert.deepEqual(prod, {
      name: 'do-prod',
      provider: {
        kind: 'digitalocean',
        token: TOKENS.DO_PROD_TOKEN,
        apiUrl: undefined,
        serverId: undefined,
        reloadTraefik: false,
        tokenHelp: {
          access: 'write',
          via: 'in the environment variable DO_PROD_TOKEN (target do-prod, fleet.yml:3)',
        },
      },
      template: '{name}-{sha1:12}',
      plan: { removeSuperseded: true, keepSuperseded: 0, rebind: true, allowDroppedNames: false },
      concurrency: 32,
      timeoutSeconds: 30,
    });
    assert.equal(staging?.concurrency, 4);
    assert.equal(eu?.provider.kind, 'dokploy');
    assert.equal(eu?.provider.apiUrl, 'https://dokploy.eu.example.com');
    assert.equal(eu?.provider.reloadTraefik, true);
    assert.deepEqual(
      loaded.certificates.map((c) => c.targets),
      [['do-prod', 'do-staging', 'dokploy-eu'], ['dokploy-eu']],
    );

    const pairs = pairsFor(loaded.certificates, loaded.targets, (c) => c.targets);
    assert.deepEqual(
      pairs.map((p) => `${p.certificate.name} → ${p.target.name}`),
      [
        'wildcard-example-com → do-prod',
        'wildcard-example-com → do-staging',
        'wildcard-example-com → dokploy-eu',
        'api → dokploy-eu',
      ],
    );
    assert.deepEqual(
      byTarget(pairs).map((g) => `${g.target.name}: ${g.certificates.map((c) => c.name).join(', ')}`),
      [
        'do-prod: wildcard-example-com',
        'do-staging: wildcard-example-com',
        'dokploy-eu: wildcard-example-com, api',
      ],
    );
    // Every target has its group when asked, one with nothing to rotate too (it is still listed).
    const some = pairs.filter((p) => p.target.name !== 'do-staging');
    assert.deepEqual(
      byTarget(some, loaded.targets).map((g) => `${g.target.name}: ${g.certificates.length}`),
      ['do-prod: 1', 'do-staging: 0', 'dokploy-eu: 2'],
    );
  });

  it('asks plan for read access, in the words of where the token is', async () => {
    const { loaded } = await load(fleetSettings('plan'), { ...TOKENS, ...PARTS });
    assert.equal(loaded.targets[2]?.provider.tokenHelp?.access, 'read');
  });

  it("adds the run's own provider settings as the default target, for entries without targets", async () => {
    const settings = parseSettings({
      mode: 'apply',
      manifest: 'fleet.yml',
      provider: 'digitalocean',
      'api-token': `dop_v1_${'c3'.repeat(32)}`,
      'allow-dropped-names': 'true',
    });
    const text = FLEET.replace('    targets: [dokploy-eu]\n', '');
    const { loaded } = await load(settings, { ...TOKENS, ...PARTS }, text);
    assert.deepEqual(
      loaded.targets.map((t) => t.name),
      ['default', 'do-prod', 'do-staging', 'dokploy-eu'],
    );
    assert.deepEqual(loaded.targets[0], { name: 'default', ...settings.rotation });
    // The run's allow-dropped-names holds for every target.
    assert.equal(loaded.targets[1]?.plan.allowDroppedNames, true);
    assert.deepEqual(
      pairsFor(loaded.certificates, loaded.targets, (c) => c.targets).map(
        (p) => `${p.certificate.name} → ${p.target.name}`,
      ),
      [
        'wildcard-example-com → do-prod',
        'wildcard-example-com → do-staging',
        'wildcard-example-com → dokploy-eu',
        'api → default',
      ],
    );
  });

  it('lists every variable that is not set, tokens with the parts, each with its line', async () => {
    const message = await refusal(
      load(fleetSettings('apply'), {
        DO_PROD_TOKEN: TOKENS.DO_PROD_TOKEN,
        DOKPLOY_EU_KEY: ' ',
        API_CERT: 'x',
        WILDCARD_CERT: 'x',
      }),
    );
    assert.match(
      message,
      /names environment variables that are not set:\n {2}DO_STAGING_TOKEN \(fleet\.yml:4, target do-staging api-token\)\n {2}DOKPLOY_EU_KEY \(fleet\.yml:5, target dokploy-eu api-token\)\n {2}WILDCARD_KEY \(fleet\.yml:10, wildcard-example-com private-key\)\n/,
    );
    assert.match(message, /env: block/);
    assertNoToken(message);
  });

  it('refuses one token under two variable names, naming both and never the token', async () => {
    const same = { ...TOKENS, DO_STAGING_TOKEN: ` ${TOKENS.DO_PROD_TOKEN}\n` };
    const message = await refusal(load(fleetSettings('apply'), { ...same, ...PARTS }));
    assert.match(
      message,
      /^The targets do-prod \(DO_PROD_TOKEN, fleet\.yml:3\) and do-staging \(DO_STAGING_TOKEN, fleet\.yml:4\) hold the same token \(not shown\)\. Give each target its own token/,
    );
    assertNoToken(message);
  });

  it("refuses a target's token that is the run's own api-token", async () => {
    const settings = parseSettings({
      mode: 'apply',
      manifest: 'fleet.yml',
      provider: 'digitalocean',
      'api-token': TOKENS.DOKPLOY_EU_KEY,
    });
    const text = FLEET.replace('    targets: [dokploy-eu]\n', '');
    const message = await refusal(load(settings, { ...TOKENS, ...PARTS }, text));
    assert.match(
      message,
      /^The targets default \(api-token\) and dokploy-eu \(DOKPLOY_EU_KEY, fleet\.yml:5\) hold the same token \(not shown\)/,
    );
    assertNoToken(message);
  });

  it('refuses a token too long to be one, without showing it', async () => {
    const huge = `dop_v1_${'d4'.repeat(3000)}`;
    const message = await refusal(load(fleetSettings('apply'), { ...TOKENS, DO_PROD_TOKEN: huge, ...PARTS }));
    assert.match(
      message,
      /target do-prod api-token: DO_PROD_TOKEN holds 6007 characters, not shown; a token is at most 4096/,
    );
    assert.ok(!message.includes('d4d4d4d4d4d4'));
  });

  it('validate reads no token: nothing is sent', async () => {
    const { loaded, masked } = await load(fleetSettings('validate'), { ...PARTS });
    assert.deepEqual(loaded.targets, []);
    assert.equal(loaded.certificates.length, 2);
    assert.ok(!masked.some((m) => m.startsWith('dop_v1_')));
  });

  it('a pull request leaves out a target whose token it cannot see, and says so', async () => {
    const { DO_STAGING_TOKEN: _, ...seen } = TOKENS;
    const { loaded } = await load(fleetSettings('plan', true), { ...seen, ...PARTS });
    assert.deepEqual(
      loaded.targets.map((t) => t.name),
      ['do-prod', 'dokploy-eu'],
    );
    assert.ok(
      loaded.skipped.includes(
        'target do-staging: not planned, its api-token (DO_STAGING_TOKEN) comes from a secret this pull request cannot see.',
      ),
      loaded.skipped.join('\n'),
    );
    assert.deepEqual(
      pairsFor(loaded.certificates, loaded.targets, (c) => c.targets).map((p) => p.target.name),
      ['do-prod', 'dokploy-eu', 'dokploy-eu'],
    );
  });

  it('the single-certificate inputs go to the default target alone', async () => {
    const settings = parseSettings({
      mode: 'plan',
      certificate: 'cert text',
      name: 'example-com',
      provider: 'digitalocean',
      'api-token': TOKENS.DO_PROD_TOKEN,
    });
    const { loaded } = await load(settings, {});
    assert.deepEqual(loaded.certificates[0]?.targets, ['default']);
    assert.deepEqual(loaded.targets, [{ name: 'default', ...settings.rotation }]);
  });
});
