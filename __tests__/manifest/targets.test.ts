/**
 * A manifest's targets as parsed: the map of named provider settings, each entry's targets, and
 * every problem at once with its line, worded as the inputs word the same mistake.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandWords } from '../../src/cli/flags.ts';
import { ManifestError, type ManifestOptions, parseManifestDocument } from '../../src/manifest.ts';
import { DEFAULT_TARGET } from '../../src/manifest/targets.ts';

/** The example of issue 13 (and of the README). */
const FLEET = `version: 1
targets:
  do-prod:    { provider: digitalocean, api-token: { env: DO_PROD_TOKEN } }
  do-staging: { provider: digitalocean, api-token: { env: DO_STAGING_TOKEN } }
  dokploy-eu: { provider: dokploy, api-url: https://dokploy.eu.example.com, api-token: { env: DOKPLOY_EU_KEY }, reload-traefik: true }
certificates:
  - name: wildcard-example-com
    targets: [do-prod, do-staging, dokploy-eu]
    certificate: { file: certs/wildcard/fullchain.pem }
    private-key: { env: WILDCARD_KEY }
`;

const PLAN: ManifestOptions = { requireNames: true, defaultTarget: 'absent' };

/** The problems of a manifest that must fail, as `line where: message` strings. */
function problems(text: string, options: ManifestOptions = PLAN): string[] {
  try {
    parseManifestDocument(text, 'm.yml', options);
  } catch (thrown) {
    assert.ok(thrown instanceof ManifestError, String(thrown));
    return thrown.problems.map((p) => `${p.line} ${p.where}: ${p.message}`);
  }
  assert.fail('the manifest was accepted');
}

describe('manifest targets', () => {
  it('reads the targets, each with the defaults the inputs have, and where each entry goes', () => {
    const { entries, targets } = parseManifestDocument(FLEET, 'm.yml', PLAN);
    assert.deepEqual(
      entries.map((e) => e.targets),
      [['do-prod', 'do-staging', 'dokploy-eu']],
    );
    assert.deepEqual(targets[0], {
      name: 'do-prod',
      line: 3,
      kind: 'digitalocean',
      token: { kind: 'env', variable: 'DO_PROD_TOKEN', line: 3 },
      apiUrl: undefined,
      serverId: undefined,
      reloadTraefik: false,
      template: '{name}-{sha1:12}',
      plan: { removeSuperseded: true, keepSuperseded: 0, rebind: true },
      concurrency: 32,
      timeoutSeconds: 30,
    });
    const eu = targets[2];
    assert.equal(eu?.kind, 'dokploy');
    assert.equal(eu?.apiUrl, 'https://dokploy.eu.example.com');
    assert.equal(eu?.reloadTraefik, true);
    assert.equal(eu?.line, 5);
  });

  it('reads every setting as the inputs do: case, booleans, numbers, a template', () => {
    const { targets } = parseManifestDocument(
      `targets:
  eu:
    provider: Dokploy
    api-url: https://dokploy.example.com
    api-token: { env: EU_KEY }
    server-id: srv-1
    name-template: tls-{name}-{sha256:16}
    rebind: false
    reload-traefik: "True"
    remove-superseded: false
    keep-superseded: 2
    concurrency: 8
    timeout-seconds: "90"
certificates:
  - name: a
    targets: [eu]
    certificate: { file: a.pem }
`,
      'm.yml',
      PLAN,
    );
    assert.deepEqual(targets[0], {
      name: 'eu',
      line: 2,
      kind: 'dokploy',
      token: { kind: 'env', variable: 'EU_KEY', line: 5 },
      apiUrl: 'https://dokploy.example.com',
      serverId: 'srv-1',
      reloadTraefik: true,
      template: 'tls-{name}-{sha256:16}',
      plan: { removeSuperseded: false, keepSuperseded: 2, rebind: false },
      concurrency: 8,
      timeoutSeconds: 90,
    });
  });

  it(`sends an entry without targets to '${DEFAULT_TARGET}', the run's own provider settings`, () => {
    const text = `targets:
  do-prod: { provider: digitalocean, api-token: { env: DO_PROD_TOKEN } }
certificates:
  - name: a
    certificate: { file: a.pem }
  - name: b
    targets: [default, do-prod]
    certificate: { file: b.pem }
`;
    const { entries } = parseManifestDocument(text, 'm.yml', { requireNames: true, defaultTarget: 'given' });
    assert.deepEqual(
      entries.map((e) => e.targets),
      [['default'], ['default', 'do-prod']],
    );
    // A manifest without targets at all: as before, every entry to the default target.
    const plain = 'certificates:\n  - name: a\n    certificate: { file: a.pem }\n';
    const only = parseManifestDocument(plain, 'm.yml', { requireNames: true, defaultTarget: 'given' });
    assert.deepEqual(only.targets, []);
    assert.deepEqual(only.entries[0]?.targets, ['default']);
  });

  it('reports every problem of the targets at once, each with its line', () => {
    const found = problems(`targets:
  do-prod: { provider: digitalocean, api-token: { env: DO_TOKEN }, server-id: srv-1 }
  do-staging:
    provider: digitalocean
    api-token: { env: DO_TOKEN }
    reload-traefik: true
    concurency: 4
  a/b: { provider: digitalocean, api-token: { env: AB_TOKEN } }
  default: { provider: digitalocean, api-token: { env: DEFAULT_TOKEN } }
  do-dev: { provider: digitalocean, api-token: { env: DO_DEV_TOKEN } }
  eu: { provider: dokploy, api-token: { env: EU_KEY }, keep-superseded: -1 }
  bare: { provider: aws, api-token: "dop_v1_written_here" }
  nothing: { api-url: https://x.example.com }
certificates:
  - name: a
    targets: [do-prod, do-stagng, default, eu, bare, nothing, a/b]
    certificate: { file: a.pem }
  - name: b
    certificate: { file: b.pem }
`);
    assert.deepEqual(found, [
      '2 targets.do-prod.server-id: server-id applies to Dokploy only. Remove it, or set provider to dokploy.',
      '5 targets.do-staging.api-token: DO_TOKEN is already the api-token of target do-prod (line 2): give each target its own token, as each has its own rate limit and its own listing.',
      '6 targets.do-staging.reload-traefik: reload-traefik applies to Dokploy only. Remove it, or set provider to dokploy.',
      "7 targets.do-staging: unknown key 'concurency' (did you mean 'concurrency'?). Expected: provider, api-url, api-token, server-id, name-template, rebind, reload-traefik, remove-superseded, keep-superseded, concurrency, timeout-seconds.",
      "8 targets: 'a/b' is not a plain name for a target: use letters, digits, '-' and '_' (at most 63, starting with a letter), e.g. do-prod.",
      "9 targets: 'default' is the name of the target the run's own provider settings give (provider, api-token …): call this one otherwise, e.g. do-prod.",
      '10 targets.do-dev: no certificate names it in its targets: name it there, or remove the target.',
      '11 targets.eu.api-url: api-url is required for Dokploy. Set it to the dashboard address, e.g. https://dokploy.example.com.',
      "11 targets.eu.keep-superseded: Invalid keep-superseded '-1'. Expected a whole number from 0 to 100.",
      "12 targets.bare.provider: Invalid provider 'aws'. Expected one of: digitalocean, dokploy.",
      '12 targets.bare.api-token: a value in the manifest itself is not read: expected { env: NAME } (an environment variable, e.g. from a secret); a token is read from the environment only.',
      '13 targets.nothing: has no provider: set provider: digitalocean or dokploy.',
      '13 targets.nothing: has no api-token: give api-token: { env: NAME }, the environment variable that holds the token (from a secret).',
      "16 certificates[0].targets: unknown target 'do-stagng' (did you mean 'do-staging'?). Expected: do-prod, do-staging, do-dev, eu, bare, nothing.",
      "16 certificates[0].targets: 'default' is the target of the run's own provider settings, and provider is not set: set provider and api-token, or name a target from targets:.",
      '18 certificates[1]: has no targets:, so it goes to the default target, and provider is not set: name its targets (e.g. targets: [do-prod]), or set provider and api-token.',
    ]);
  });

  it('checks each entry’s list of targets', () => {
    const head = 'targets:\n  t: { provider: digitalocean, api-token: { env: T } }\ncertificates:\n';
    assert.deepEqual(problems(`${head}  - name: a\n    targets: t\n    certificate: { file: a.pem }\n`), [
      '5 certificates[0].targets: expected a list of target names, e.g. targets: [do-prod, do-staging].',
    ]);
    assert.deepEqual(problems(`${head}  - name: a\n    targets: []\n    certificate: { file: a.pem }\n`), [
      '5 certificates[0].targets: an empty list sends the certificate nowhere: name at least one target, or leave targets: out for the default target.',
    ]);
    assert.deepEqual(
      problems(`${head}  - name: a\n    targets: [t, t]\n    certificate: { file: a.pem }\n`),
      ["5 certificates[0].targets: names 't' twice."],
    );
  });

  it('refuses a token from a file, and a targets: that is not a map of targets', () => {
    assert.deepEqual(
      problems(
        'targets:\n  t: { provider: digitalocean, api-token: { file: token.txt } }\ncertificates:\n  - name: a\n    targets: [t]\n    certificate: { file: a.pem }\n',
      ),
      [
        '2 targets.t.api-token: expected { env: NAME } (an environment variable, e.g. from a secret); a token is read from the environment only.',
      ],
    );
    assert.deepEqual(
      problems('targets: [t]\ncertificates:\n  - name: a\n    certificate: { file: a.pem }\n'),
      [
        // targets: comes first: what the entries lack follows from it.
        '1 targets: expected a mapping of target names to their settings, e.g. do-prod: { provider: digitalocean, api-token: { env: DO_PROD_TOKEN } }.',
      ],
    );
    assert.deepEqual(
      problems(
        'targets:\n  t: digitalocean\ncertificates:\n  - name: a\n    targets: [t]\n    certificate: { file: a.pem }\n',
      ),
      [
        "2 targets.t: expected the target's settings, e.g. { provider: digitalocean, api-token: { env: DO_PROD_TOKEN } }.",
      ],
    );
  });

  it("says so when the run's provider settings are given but nothing goes to them", () => {
    const text = `targets:\n  t: { provider: digitalocean, api-token: { env: T } }\ncertificates:\n  - name: a\n    targets: [t]\n    certificate: { file: a.pem }\n`;
    assert.deepEqual(problems(text, { requireNames: true, defaultTarget: 'given' }), [
      'undefined : provider is set, which makes the default target, but no certificate goes to it (each names its targets): remove provider and api-token, or add default to a certificate’s targets.',
    ]);
  });

  it('says once that a manifest without targets has nowhere to go when the provider is not set', () => {
    const text =
      'certificates:\n  - name: a\n    certificate: { file: a.pem }\n  - name: b\n    certificate: { file: b.pem }\n';
    assert.deepEqual(problems(text), [
      'undefined : provider is not set, and the manifest has no targets:, so its certificates have nowhere to go: set provider and api-token, or add targets: (see the README, Targets).',
    ]);
  });

  it('names the run’s own settings as the terminal does, where it runs in a terminal', () => {
    const text =
      'targets:\n  t: { provider: digitalocean, api-token: { env: T } }\ncertificates:\n  - name: a\n    certificate: { file: a.pem }\n';
    assert.deepEqual(
      problems(text, { ...PLAN, words: commandWords() }),
      [
        '4 certificates[0]: has no targets:, so it goes to the default target, and --provider is not set: name its targets (e.g. targets: [t]), or set --provider and CERT_ROTATE_API_TOKEN.',
        '2 targets.t: no certificate names it in its targets: name it there, or remove the target.',
      ].sort(),
    );
  });

  it('where no target is used (validate, check), checks the targets among themselves only', () => {
    const text = `targets:\n  t: { provider: digitalocean, api-token: { env: T } }\ncertificates:\n  - name: a\n    targets: [t, default]\n    certificate: { file: a.pem }\n  - name: b\n    certificate: { file: b.pem }\n`;
    const { entries } = parseManifestDocument(text, 'm.yml', { requireNames: false });
    assert.deepEqual(
      entries.map((e) => e.targets),
      [['t', 'default'], ['default']],
    );
    assert.match(
      problems(text.replace('[t, default]', '[t, tt]'), { requireNames: false }).join('\n'),
      /unknown target 'tt' \(did you mean 't'\?\)\. Expected: t, default\./,
    );
  });
});
