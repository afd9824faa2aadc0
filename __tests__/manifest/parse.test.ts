import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ManifestError, parseManifest } from '../../src/manifest.ts';

const GOOD = `# two certificates
version: 1
certificates:
  - name: example-com
    domains: [example.com, www.example.com]
    certificate: { file: certs/example.com/fullchain.pem }
    private-key: { env: EXAMPLE_COM_KEY }
  - name: api
    domains: api.example.com, *.api.example.com
    pkcs12: { env: API_PFX }
    pkcs12-password:
      env: API_PFX_PASSWORD
`;

/** The problems of a manifest that must fail, as `line where: message` strings. */
function problems(text: string, requireNames = true): string[] {
  try {
    parseManifest(text, 'm.yml', { requireNames });
  } catch (thrown) {
    assert.ok(thrown instanceof ManifestError, String(thrown));
    return thrown.problems.map((p) => `${p.line} ${p.where}: ${p.message}`);
  }
  assert.fail('the manifest was accepted');
}

describe('parseManifest', () => {
  it('reads entries, their sources and the lines that name them', () => {
    const entries = parseManifest(GOOD, 'm.yml', { requireNames: true });
    assert.equal(entries.length, 2);
    const [first, second] = entries;
    assert.equal(first?.name, 'example-com');
    assert.equal(first?.line, 4);
    assert.deepEqual(first?.domains, ['example.com', 'www.example.com']);
    assert.deepEqual(first?.parts, [
      {
        role: 'certificate',
        key: 'certificate',
        ref: { kind: 'file', path: 'certs/example.com/fullchain.pem', line: 6 },
      },
      { role: 'private-key', key: 'private-key', ref: { kind: 'env', variable: 'EXAMPLE_COM_KEY', line: 7 } },
    ]);
    assert.deepEqual(second?.domains, ['api.example.com', '*.api.example.com']);
    assert.deepEqual(
      second?.parts.map((p) => p.role),
      ['pkcs12'],
    );
    assert.deepEqual(second?.pkcs12Password, { kind: 'env', variable: 'API_PFX_PASSWORD', line: 12 });
    assert.equal(second?.keyPassphrase, undefined);
  });

  it('reports every problem at once, each with its line and a way to fix it', () => {
    const found = problems(`certificates:
  - name: a
    certificate: { env: A_CERT }
    private_key: { env: A_KEY }
  - certificate: "-----BEGIN CERTIFICATE----- inline"
  - name: a
    pkcs12: { env: 1BAD }
    key-passphrase: { env: X, file: y }
    domains: [https://example.com/]
`);
    assert.deepEqual(found, [
      "4 certificates[0]: unknown key 'private_key' (did you mean 'private-key'?). Expected: name, targets, domains, endpoints, certificate, certificate-chain, private-key, pkcs12, key-passphrase, pkcs12-password.",
      '5 certificates[1]: has no name: plan and apply name every uploaded version after it (e.g. name: example-com).',
      '5 certificates[1].certificate: a value in the manifest itself is not read: expected { env: NAME } (an environment variable, e.g. from a secret) or { file: PATH }.',
      "6 certificates[2].name: 'a' is already the name of the certificate on line 2: give each its own.",
      '7 certificates[2].pkcs12.env: expected an environment variable name (letters, digits and _, not starting with a digit).',
      '8 certificates[2].key-passphrase: has both env and file: give one.',
      "9 certificates[2].domains: Invalid domain 'https://example.com/' in domains: it is a URL. Give the host name 'example.com'.",
    ]);
  });

  it('names are optional for validate runs only', () => {
    const text = 'certificates:\n  - certificate: { file: c.pem }\n';
    assert.equal(parseManifest(text, 'm.yml', { requireNames: false })[0]?.name, undefined);
    assert.match(problems(text)[0] ?? '', /^2 certificates\[0\]: has no name/);
  });

  it('says where the YAML itself is broken, and rejects what is not a manifest', () => {
    assert.match(problems('certificates:\n  - name: a\n   bad: [\n')[0] ?? '', /^\d+ : not valid YAML/);
    assert.deepEqual(problems('- a\n- b\n'), [
      '1 : expected a mapping with a certificates: list at the top.',
    ]);
    assert.deepEqual(problems('version: 1\n'), ['1 : there is no certificates: list.']);
    assert.deepEqual(problems('certificates: []\n'), [
      '1 certificates: expected a list of certificates, each starting with "- name:".',
    ]);
    assert.deepEqual(problems('version: 2\ncertificates:\n  - name: a\n    certificate: {file: c}\n'), [
      '1 version: expected 1, the only version there is (or leave it out).',
    ]);
    assert.match(
      problems('certificates:\n  - name: a\n    certificate: {file: c}\n    name: b\n')[0] ?? '',
      /^4 : not valid YAML \(Map keys must be unique/,
    );
    assert.match(
      problems('x: &k { file: c }\ncertificates:\n  - name: a\n    certificate: *k\n').join('\n'),
      /unknown key 'x'/,
    );
  });

  it('gives the file and line of each problem in the error message', () => {
    assert.throws(
      () =>
        parseManifest('certificates:\n  - name: a\n    cert: {file: c}\n', 'certs/manifest.yml', {
          requireNames: true,
        }),
      (error: unknown) =>
        error instanceof ManifestError &&
        /The manifest certs\/manifest.yml has 2 problems:\n.*\n {2}certs\/manifest.yml:3 certificates\[0\]: unknown key 'cert'/.test(
          error.message,
        ) &&
        /README/.test(error.fix ?? ''),
    );
  });
});

describe('manifest.schema.json', () => {
  const schema = JSON.parse(readFileSync(new URL('../../manifest.schema.json', import.meta.url), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
  // The structural cases, where the schema and the parser must agree (domain syntax and unique
  // names are beyond a schema and checked by the parser alone).
  const cases: [string, string][] = [
    ['the example', GOOD],
    ['no list', 'version: 1\n'],
    ['empty list', 'certificates: []\n'],
    ['wrong version', 'version: 2\ncertificates:\n  - name: a\n    certificate: {file: c}\n'],
    ['unknown top key', 'certificate: {file: c}\ncertificates:\n  - name: a\n    certificate: {file: c}\n'],
    ['unknown entry key', 'certificates:\n  - name: a\n    cert: {file: c}\n'],
    ['inline value', 'certificates:\n  - name: a\n    certificate: PEM\n'],
    ['env and file', 'certificates:\n  - name: a\n    certificate: {env: A, file: b}\n'],
    ['empty source', 'certificates:\n  - name: a\n    certificate: {}\n'],
    ['bad env name', 'certificates:\n  - name: a\n    certificate: {env: "A-B"}\n'],
    ['blank file', 'certificates:\n  - name: a\n    certificate: {file: " "}\n'],
    ['no certificate', 'certificates:\n  - name: a\n    private-key: {env: K}\n'],
    ['pkcs12 only', 'certificates:\n  - name: a\n    pkcs12: {env: P}\n    pkcs12-password: {env: W}\n'],
    ['bad name', 'certificates:\n  - name: -a\n    certificate: {file: c}\n'],
    ['no name (validate)', 'certificates:\n  - certificate: {file: c}\n'],
    ['domains as a number', 'certificates:\n  - domains: 5\n    certificate: {file: c}\n'],
    [
      'endpoints as a list',
      'certificates:\n  - endpoints: [lb.example.com:8443]\n    certificate: {file: c}\n',
    ],
    [
      'endpoints as one text',
      'certificates:\n  - endpoints: "a.example.com, b.example.com:8443"\n    certificate: {file: c}\n',
    ],
    ['no endpoints', 'certificates:\n  - endpoints: []\n    certificate: {file: c}\n'],
    ['endpoints as a number', 'certificates:\n  - endpoints: 5\n    certificate: {file: c}\n'],
    ['an endpoint as a number', 'certificates:\n  - endpoints: [5]\n    certificate: {file: c}\n'],
    [
      'too many endpoints',
      `certificates:\n  - endpoints: [${Array.from({ length: 257 }, (_, i) => `h${i}.example.com`).join(', ')}]\n    certificate: {file: c}\n`,
    ],
  ];
  // Targets: the schema takes what the parser takes, and refuses the shapes it refuses. Whether an
  // entry's targets exist, whether each target is used, and whether two share a token variable
  // are beyond a schema and checked by the parser alone, as are quoted numbers out of range.
  const target = (settings: string) =>
    `targets:\n  t: { ${settings} }\ncertificates:\n  - name: a\n    targets: [t]\n    certificate: {file: c}\n`;
  const DO = 'provider: digitalocean, api-token: {env: T}';
  const DOKPLOY = 'provider: dokploy, api-url: https://d.example.com, api-token: {env: T}';
  const targetCases: [string, string, boolean][] = [
    [
      'the fleet example',
      `version: 1
targets:
  do-prod:    { provider: digitalocean, api-token: { env: DO_PROD_TOKEN } }
  do-staging: { provider: digitalocean, api-token: { env: DO_STAGING_TOKEN } }
  dokploy-eu: { provider: dokploy, api-url: https://dokploy.eu.example.com, api-token: { env: DOKPLOY_EU_KEY }, reload-traefik: true }
certificates:
  - name: wildcard-example-com
    targets: [do-prod, do-staging, dokploy-eu]
    certificate: { file: certs/wildcard/fullchain.pem }
    private-key: { env: WILDCARD_KEY }
`,
      true,
    ],
    [
      'every setting',
      target(
        `${DOKPLOY}, server-id: srv-1, name-template: "x-{name}-{sha1:12}", rebind: false, reload-traefik: "True", remove-superseded: false, keep-superseded: 3, concurrency: 8, timeout-seconds: "60"`,
      ),
      true,
    ],
    ['the provider in capitals', target('provider: DigitalOcean, api-token: {env: T}'), true],
    ['no provider', target('api-token: {env: T}'), false],
    ['an unknown provider', target('provider: aws, api-token: {env: T}'), false],
    ['no api-token', target('provider: digitalocean'), false],
    ['an api-token written in', target('provider: digitalocean, api-token: dop_v1_abc'), false],
    ['an api-token from a file', target('provider: digitalocean, api-token: {file: t.txt}'), false],
    ['an unknown key in a target', target(`${DO}, concurency: 4`), false],
    ['dokploy without api-url', target('provider: dokploy, api-token: {env: T}'), false],
    ['server-id on digitalocean', target(`${DO}, server-id: srv-1`), false],
    ['reload-traefik on digitalocean', target(`${DO}, reload-traefik: true`), false],
    ['reload-traefik false on digitalocean', target(`${DO}, reload-traefik: false`), true],
    ['concurrency 0', target(`${DO}, concurrency: 0`), false],
    ['concurrency 101', target(`${DO}, concurrency: 101`), false],
    ['keep-superseded -1', target(`${DO}, keep-superseded: -1`), false],
    ['timeout-seconds 601', target(`${DO}, timeout-seconds: 601`), false],
    ['rebind yes', target(`${DO}, rebind: yes`), false],
    ['a bad server-id', target(`${DOKPLOY}, server-id: "a b"`), false],
    [
      'a target that is not a map',
      'targets:\n  t: digitalocean\ncertificates:\n  - name: a\n    targets: [t]\n    certificate: {file: c}\n',
      false,
    ],
    ['targets as a list', 'targets: [t]\ncertificates:\n  - name: a\n    certificate: {file: c}\n', false],
    ['no targets at all', 'targets: {}\ncertificates:\n  - name: a\n    certificate: {file: c}\n', false],
    [
      'a name that is not plain',
      'targets:\n  a/b: { provider: digitalocean, api-token: {env: T} }\ncertificates:\n  - name: a\n    targets: [a/b]\n    certificate: {file: c}\n',
      false,
    ],
    [
      'a number as a name',
      'targets:\n  123: { provider: digitalocean, api-token: {env: T} }\ncertificates:\n  - name: a\n    targets: ["123"]\n    certificate: {file: c}\n',
      false,
    ],
    [
      'a name with digits and _',
      'targets:\n  eu_1: { provider: digitalocean, api-token: {env: T} }\ncertificates:\n  - name: a\n    targets: [eu_1]\n    certificate: {file: c}\n',
      true,
    ],
    [
      'default as a name',
      'targets:\n  default: { provider: digitalocean, api-token: {env: T} }\ncertificates:\n  - name: a\n    targets: [default]\n    certificate: {file: c}\n',
      false,
    ],
    ['an entry going to default and t', target(DO).replace('[t]', '[t, default]'), true],
    ['an entry with targets as text', target(DO).replace('[t]', 't'), false],
    ['an entry with no targets', target(DO).replace('[t]', '[]'), false],
    ['an entry naming t twice', target(DO).replace('[t]', '[t, t]'), false],
  ];
  for (const [what, text, expected] of targetCases) {
    it(`agrees with the parser on targets: ${what}`, async () => {
      const { parse } = await import('yaml');
      let byParser = true;
      try {
        parseManifest(text, 'm.yml', { requireNames: false });
      } catch (thrown) {
        byParser = false;
        assert.ok(thrown instanceof ManifestError, String(thrown));
      }
      assert.equal(byParser, expected, 'the parser');
      assert.equal(validate(parse(text)), expected, JSON.stringify(validate.errors));
    });
  }
  for (const [what, text] of cases) {
    it(`agrees with the parser: ${what}`, async () => {
      const { parse } = await import('yaml');
      const bySchema = validate(parse(text));
      let byParser = true;
      try {
        parseManifest(text, 'm.yml', { requireNames: false });
      } catch {
        byParser = false;
      }
      assert.equal(bySchema, byParser, JSON.stringify(validate.errors));
    });
  }
});
