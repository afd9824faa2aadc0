import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { LoopbackServer, type Reply } from '../../test/doubles/loopback.ts';
import {
  type ContractSpec,
  ContractViolation,
  DIGITALOCEAN_ROUTES,
  type DokployContract,
  loadDigitalOcean,
  loadDokploy,
  schemaChecker,
  vendorSpecsDir,
} from '../../test/contracts/openapi.ts';
import { assertTrafficMatchesContract, trafficViolations } from '../../test/contracts/recorded.ts';
import { pemBegin, pemEnd } from '../../test/support/pem-markers.ts';

const CERT_ID = '892071a0-bb95-49bc-8021-3afd67a210bf';
const LB_ID = '4de7ac8b-495b-4884-9a69-1050c6793cd6';
const CDN_ID = '19f06b6a-3ace-4315-b086-499a0e521b76';
const DO_ROOT = join(vendorSpecsDir(), 'digitalocean');

function doExample(file: string, key: string): Record<string, unknown> {
  const examples = parseYaml(readFileSync(join(DO_ROOT, file), 'utf8')) as Record<string, { value: unknown }>;
  return structuredClone(examples[key]?.value) as Record<string, unknown>;
}

const customUpload = {
  name: 'web-2026-abcdef',
  type: 'custom',
  private_key: `${pemBegin('PRIVATE KEY')}\nAAAA\n${pemEnd('PRIVATE KEY')}\n`,
  leaf_certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
  certificate_chain: '-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n',
};

function violates(fn: () => void, ...patterns: RegExp[]): void {
  assert.throws(fn, (thrown: unknown) => {
    assert.ok(thrown instanceof ContractViolation, `expected a ContractViolation, got ${String(thrown)}`);
    for (const pattern of patterns) assert.match(thrown.message, pattern);
    return true;
  });
}

describe('DigitalOcean description', () => {
  let spec: ContractSpec;
  let closed: ContractSpec;
  before(async () => {
    spec = await loadDigitalOcean();
    closed = await loadDigitalOcean({ unknownProperties: 'reject' });
  });

  it('validates every example payload of every operation and every response file', () => {
    for (const current of [spec, closed]) {
      const checks = current.checkExamples();
      const failed = checks.filter((check) => check.violations.length > 0);
      assert.deepEqual(failed, []);
      const where = new Set(checks.map((check) => check.where));
      for (const file of [
        'resources/certificates/responses/all_certificates.yml',
        'resources/certificates/responses/existing_certificate.yml',
        'resources/certificates/responses/new_certificate.yml',
        'resources/load_balancers/responses/all_load_balancers.yml',
        'resources/load_balancers/responses/load_balancer_create.yml',
        'resources/load_balancers/responses/updated_load_balancer.yml',
        'resources/cdn/responses/existing_endpoint.yml',
        'shared/responses/unprocessable_entity.yml',
        'shared/responses/too_many_requests.yml',
      ]) {
        assert.ok(where.has(file), `${file} was checked`);
      }
      assert.ok(checks.length >= 90, `${checks.length} examples checked`);
      assert.ok(where.has('PUT /v2/load_balancers/{lb_id} request'), 'request examples are checked too');
    }
  });

  it('registers exactly the routes of SOURCE.md whose files are vendored', () => {
    const source = readFileSync(join(DO_ROOT, 'SOURCE.md'), 'utf8');
    const registered: { method: string; path: string; file: string }[] = [];
    for (const line of source.split('\n')) {
      const route = /^\s+(\/v2\/\S+)\s+(.*)$/.exec(line);
      if (!route?.[1] || !route[2]) continue;
      for (const [, methods = '', file = ''] of route[2].matchAll(/(\S+):\s+(\S+)/g)) {
        const verbs = methods.split('/');
        const braces = /\{([^}]+)\}/.exec(file);
        const files = braces?.[1]
          ? braces[1].split(',').map((part) => file.replace(braces[0], part))
          : [file];
        verbs.forEach((verb, i) => {
          registered.push({
            method: verb.toUpperCase(),
            path: route[1] ?? '',
            file: files[i] ?? files[0] ?? '',
          });
        });
      }
    }
    assert.equal(registered.length, 10);
    const table = new Set(DIGITALOCEAN_ROUTES.map((r) => `${r.method} ${r.path} ${r.file}`));
    const missing: string[] = [];
    for (const r of registered) {
      const key = `${r.method} ${r.path} ${r.file}`;
      if (existsSync(join(DO_ROOT, r.file))) assert.ok(table.has(key), `${key} is in the table`);
      else missing.push(key);
    }
    // Registered in SOURCE.md, not in the excerpt: nothing can validate those calls.
    assert.deepEqual(missing, [
      'DELETE /v2/load_balancers/{lb_id} resources/load_balancers/loadBalancers_delete.yml',
      'DELETE /v2/cdn/endpoints/{cdn_id} resources/cdn/cdn_delete_endpoint.yml',
    ]);
  });

  it('routes each file to the method and path its own description names', () => {
    for (const route of DIGITALOCEAN_ROUTES) {
      const doc = parseYaml(readFileSync(join(DO_ROOT, route.file), 'utf8')) as { description: string };
      const text = doc.description.replace(/\s+/g, ' ');
      const path = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '\\$[A-Z_]+');
      assert.match(text, new RegExp(`send a ${route.method} request to \`${path}\``), route.file);
    }
  });

  it('matches concrete paths to templates and decodes the parameters', () => {
    assert.deepEqual(spec.match('GET', `/v2/certificates/${CERT_ID}`), {
      operation: spec.operations.find((op) => op.id === 'certificates_get'),
      params: { certificate_id: CERT_ID },
    });
    assert.equal(spec.match('delete', `/v2/certificates/${CERT_ID}`)?.operation.id, 'certificates_delete');
    assert.equal(spec.match('GET', '/v2/certificates?per_page=200')?.operation.id, 'certificates_list');
    assert.equal(spec.match('GET', '/v2/certificates/')?.operation.id, 'certificates_list');
    assert.equal(spec.match('PUT', `/v2/load_balancers/${LB_ID}`)?.operation.id, 'loadBalancers_update');
    assert.equal(spec.match('PUT', `/v2/cdn/endpoints/${CDN_ID}`)?.operation.id, 'cdn_update_endpoints');
    assert.equal(spec.match('GET', `/v2/certificates/${CERT_ID}/extra`), undefined);
    assert.equal(spec.match('PATCH', `/v2/certificates/${CERT_ID}`), undefined);
    assert.deepEqual(spec.checkRequest('PATCH', `/v2/certificates/${CERT_ID}`), [
      `PATCH is not described for /v2/certificates/${CERT_ID} (described: GET, DELETE)`,
    ]);
    assert.match(
      spec.checkRequest('GET', '/v2/droplets')[0] ?? '',
      /no operation .* matches GET \/v2\/droplets/,
    );
  });

  it('checks path and query parameters with their types', () => {
    assert.deepEqual(spec.checkRequest('GET', '/v2/certificates?per_page=200&page=2&name=web'), []);
    assert.deepEqual(
      spec.checkRequest('GET', '/v2/certificates', undefined, { query: { per_page: 20 } }),
      [],
    );
    assert.deepEqual(
      spec.checkRequest('GET', '/v2/certificates', undefined, { query: new URLSearchParams('page=1') }),
      [],
    );
    const problems = spec.checkRequest('GET', '/v2/certificates?per_page=201&page=x&perPage=5');
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems.join('\n'), /query\/per_page: must be <= 200/);
    assert.match(problems.join('\n'), /query\/page: must be integer/);
    assert.match(problems.join('\n'), /query: has "perPage", which the description does not name/);
    assert.match(
      spec.checkRequest('GET', '/v2/certificates/web-cert-01').join('\n'),
      /path\/certificate_id: must match format "uuid"/,
    );
    assert.deepEqual(spec.checkRequest('GET', `/v2/load_balancers/${LB_ID}`), []);
  });

  it('accepts a custom certificate upload and rejects broken ones, naming the operation', () => {
    spec.validateRequest('POST', '/v2/certificates', customUpload);
    const { certificate_chain: _, ...noChain } = customUpload;
    spec.validateRequest('POST', '/v2/certificates', noChain);
    const { name: __, ...noName } = customUpload;
    violates(
      () => spec.validateRequest('POST', '/v2/certificates', noName),
      /^DigitalOcean POST \/v2\/certificates \(certificates_create\): the request does not match the contract/,
      /\n {2}- body: must have required property 'name' \(in "Custom Certificate Request"\)/,
    );
    violates(
      () => spec.validateRequest('POST', '/v2/certificates', { ...customUpload, name: 42 }),
      /body\/name: must be string \(got 42\)/,
    );
    violates(
      () => spec.validateRequest('POST', '/v2/certificates', { ...customUpload, type: 'bogus' }),
      /body\/type: must be one of "custom", "lets_encrypt" \(got "bogus"\)/,
      /body: must match exactly one schema in oneOf/,
    );
    violates(() => spec.validateRequest('POST', '/v2/certificates'), /body: a JSON request body is required/);
    violates(
      () =>
        spec.validateRequest('POST', '/v2/certificates', {
          name: 'x',
          type: 'custom',
          leaf_certificate: 'c',
        }),
      /body: must have required property 'private_key'/,
    );
    violates(
      () => spec.validateRequest('DELETE', `/v2/certificates/${CERT_ID}`, {}),
      /body: this operation takes no request body/,
    );
  });

  it('never prints secret values in a violation', () => {
    const problems = spec.checkRequest('POST', '/v2/certificates', { ...customUpload, private_key: 7 });
    assert.match(
      problems.join('\n'),
      /body\/private_key: must be string \(in "Custom Certificate Request"\) \[/,
    );
    assert.doesNotMatch(problems.join('\n'), /got 7/);
  });

  it('takes a load balancer back as a full PUT body, readOnly fields and all, but wants the region as a slug', () => {
    const listed = (
      doExample('resources/load_balancers/responses/examples.yml', 'load_balancers_all')
        .load_balancers as Record<string, unknown>[]
    )[1] as Record<string, unknown>;
    const { tag: _, ...withDroplets } = listed;
    const body = { ...withDroplets, region: (listed.region as { slug: string }).slug };
    spec.validateRequest('PUT', `/v2/load_balancers/${LB_ID}`, body);
    violates(
      () => spec.validateRequest('PUT', `/v2/load_balancers/${LB_ID}`, { ...withDroplets }),
      /body\/region: must be string/,
    );
    // Both droplet_ids and tag: "only one of" them, so neither oneOf branch alone matches.
    violates(
      () => spec.validateRequest('PUT', `/v2/load_balancers/${LB_ID}`, { ...body, tag: 'prod:web' }),
      /must match exactly one schema in oneOf/,
    );
  });

  it('checks the PUT of a global load balancer against the base model: the published oneOf only knows regional ones', () => {
    const global = {
      name: 'global-lb-01',
      type: 'GLOBAL',
      forwarding_rules: [
        { entry_protocol: 'https', entry_port: 443, target_protocol: 'http', target_port: 80 },
      ],
      domains: [{ name: 'example.com', is_managed: true, certificate_id: CERT_ID }],
      glb_settings: { target_protocol: 'http', target_port: 80, region_priorities: { nyc3: 1 } },
      target_load_balancer_ids: ['7dbf91fe-cbdb-48dc-8290-c3a181554905'],
    };
    spec.validateRequest('PUT', `/v2/load_balancers/${LB_ID}`, global);
    violates(
      () =>
        spec.validateRequest('PUT', `/v2/load_balancers/${LB_ID}`, {
          ...global,
          domains: [{ name: 'example.com', certificate_id: 5 }],
        }),
      /body\/domains\/0\/certificate_id: must be string/,
    );
    violates(
      () => spec.validateRequest('PUT', `/v2/load_balancers/${LB_ID}`, { ...global, forwarding_rules: [] }),
      /body\/forwarding_rules: must NOT have fewer than 1 items/,
    );
    violates(
      () => spec.validateRequest('PUT', `/v2/load_balancers/${LB_ID}`, { ...global, type: 'REGIONAL' }),
      /must have required property 'region'/,
    );
  });

  it('checks replies: success bodies, shared error bodies, and 204 with no body', () => {
    const list = doExample('resources/certificates/responses/examples.yml', 'certificates_all');
    spec.validateResponse('GET', '/v2/certificates', 200, list);
    violates(
      () => spec.validateResponse('GET', '/v2/certificates', 200, { certificates: [] }),
      /: the 200 reply does not match the contract/,
      /reply: must have required property 'meta'/,
    );
    violates(
      () =>
        spec.validateResponse('GET', `/v2/certificates/${CERT_ID}`, 200, {
          certificate: { id: CERT_ID, state: 'ready', not_after: 'tomorrow' },
        }),
      /reply\/certificate\/state: must be one of "pending", "verified", "error" \(got "ready"\)/,
      /reply\/certificate\/not_after: must match format "date-time"/,
    );
    spec.validateResponse('DELETE', `/v2/certificates/${CERT_ID}`, 204, undefined);
    violates(
      () => spec.validateResponse('DELETE', `/v2/certificates/${CERT_ID}`, 200, {}),
      /status 200 is not described for certificates_delete \(its success is 204\)/,
    );
    violates(
      () => spec.validateResponse('DELETE', `/v2/certificates/${CERT_ID}`, 204, { ok: true }),
      /status 204 has no body in the description/,
    );
    for (const [status, id] of [
      [401, 'unauthorized'],
      [404, 'not_found'],
      [429, 'too_many_requests'],
      [500, 'server_error'],
      [422, 'unprocessable_entity'], // no 422 entry: `default` (the same error model) applies
      [403, 'forbidden'],
    ] as const) {
      spec.validateResponse('DELETE', `/v2/certificates/${CERT_ID}`, status, {
        id,
        message: 'm',
        request_id: 'r',
      });
    }
    violates(
      () => spec.validateResponse('POST', '/v2/certificates', 422, { message: 'name is not unique' }),
      /reply: must have required property 'id'/,
    );
    violates(() => spec.validateResponse('GET', '/v2/certificates', 500, undefined), /the reply has none/);
  });

  it('checks request headers and declared reply headers when given', () => {
    const path = `/v2/certificates/${CERT_ID}`;
    assert.deepEqual(
      spec.checkRequest('GET', path, undefined, { headers: { authorization: 'Bearer t' } }),
      [],
    );
    assert.deepEqual(spec.checkRequest('GET', path, undefined, { headers: {} }), [
      'headers: missing authorization (Authorization: Bearer <token>)',
    ]);
    assert.match(
      spec.checkRequest('POST', '/v2/certificates', customUpload, {
        headers: { Authorization: 'Bearer t' },
      })[0] ?? '',
      /content-type application\/json/,
    );
    const ok = { 'RateLimit-Limit': '5000', 'ratelimit-remaining': '4999', 'ratelimit-reset': '1444931833' };
    assert.deepEqual(spec.checkResponse('GET', path, 404, { id: 'not_found', message: 'm' }, ok), []);
    assert.match(
      spec
        .checkResponse('GET', path, 404, { id: 'not_found', message: 'm' }, { 'ratelimit-limit': 'lots' })
        .join(),
      /reply headers\/ratelimit-limit: must be integer/,
    );
  });

  it("with unknownProperties 'reject', catches invented and misspelled fields", () => {
    const reply = { certificate: { id: CERT_ID, name: 'n', fingerprint: 'x', sha1_fingerprint: 'y' } };
    assert.deepEqual(spec.checkResponse('GET', `/v2/certificates/${CERT_ID}`, 200, reply), []);
    assert.match(
      closed.checkResponse('GET', `/v2/certificates/${CERT_ID}`, 200, reply).join(),
      /reply\/certificate: has "fingerprint", which the description does not name/,
    );
    assert.match(
      closed.checkRequest('POST', '/v2/certificates', { ...customUpload, chain: 'x' }).join(),
      /has "chain"/,
    );
    assert.deepEqual(closed.checkRequest('POST', '/v2/certificates', customUpload), []);
  });

  it('holds no private key: the one the vendor published as an example is left out (fixtures README)', () => {
    const files = readdirSync(vendorSpecsDir(), { recursive: true, encoding: 'utf8' }).filter((name) =>
      /\.(ya?ml|json|md)$/.test(name),
    );
    assert.ok(files.length > 20, `the fixtures were read (${files.length} files)`);
    const marker = /-{5}BEGIN [A-Z0-9 ]*PRIVATE KEY-{5}/;
    for (const name of files) {
      assert.doesNotMatch(readFileSync(join(vendorSpecsDir(), name), 'utf8'), marker, name);
    }
    const model = parseYaml(
      readFileSync(join(DO_ROOT, 'resources/certificates/models/certificate_create.yml'), 'utf8'),
    ) as Record<string, { allOf?: { properties?: Record<string, { type: string; example: unknown }> }[] }>;
    const privateKey = Object.values(model)
      .flatMap((schema) => schema.allOf ?? [])
      .find((part) => part.properties?.private_key)?.properties?.private_key;
    assert.equal(privateKey?.type, 'string');
    assert.match(String(privateKey?.example), /left out here: no private key is committed/);
  });

  it('says what is missing when the vendor descriptions are not there', async () => {
    await assert.rejects(
      loadDigitalOcean({ specsDir: join(tmpdir(), 'no-such-vendor-specs') }),
      /contract tests need the vendors' API descriptions \(test\/fixtures\/vendor-specs\)/,
    );
    await assert.rejects(
      loadDokploy({ specsDir: join(tmpdir(), 'no-such-vendor-specs') }),
      /contract tests need the vendors' API descriptions \(test\/fixtures\/vendor-specs\)/,
    );
  });
});

describe('OpenAPI 3.0 conversion and $ref resolution (fixtures)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'contract-fixtures-'));
    const files: Record<string, string> = {
      'models/node.yml': [
        'type: object',
        'x-internal: true',
        'example: {id: 1}',
        'required: [id, name, secret]',
        'properties:',
        '  id: {type: string, readOnly: true}',
        '  name: {type: string, nullable: true}',
        '  secret: {type: string, writeOnly: true}',
        '  kind: {type: string, enum: [a, b], nullable: true}',
        '  weight: {type: number, minimum: 0, exclusiveMinimum: true}',
        "  children: {type: array, items: {$ref: '#'}}",
        "  parent: {$ref: '../other/parent.yml'}",
        '  extra:',
        "    $ref: '../shared.yml#/with~1slash'",
        '    description: ignored sibling',
      ].join('\n'),
      'other/parent.yml': "$ref: '../models/node.yml'",
      'shared.yml':
        "with/slash: {type: integer, nullable: true}\nloop_a: {$ref: '#/loop_b'}\nloop_b: {$ref: '#/loop_a'}\nmissing: {$ref: 'nowhere.yml'}\nescape: {$ref: '../../etc/passwd'}\n",
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const options = { dialect: '3.0', unknownProperties: 'allow' } as const;

  it('drops readOnly properties from required in requests and writeOnly ones in responses', () => {
    const request = schemaChecker(root, 'models/node.yml', '', { ...options, direction: 'request' });
    const response = schemaChecker(root, 'models/node.yml', '', { ...options, direction: 'response' });
    assert.deepEqual(request({ name: 'n', secret: 's' }), []);
    assert.match(request({ name: 'n' }).join(), /required property 'secret'/);
    assert.deepEqual(response({ id: 'i', name: 'n' }), []);
    assert.match(response({ name: 'n' }).join(), /required property 'id'/);
    // Sending a readOnly property is allowed (SHOULD NOT, not MUST NOT).
    assert.deepEqual(request({ id: 'i', name: 'n', secret: 's' }), []);
  });

  it('turns nullable into a null type (and enum member), and boolean exclusiveMinimum into the numeric form', () => {
    const check = schemaChecker(root, 'models/node.yml', '', { ...options, direction: 'response' });
    const base = { id: 'i', name: null };
    assert.deepEqual(check({ ...base, kind: null, extra: null, weight: 0.5 }), []);
    assert.match(check({ ...base, kind: 'c' }).join(), /data\/kind: must be one of "a", "b", null/);
    assert.match(check({ ...base, weight: 0 }).join(), /data\/weight: must be > 0/);
    assert.match(check({ ...base, extra: 'x' }).join(), /data\/extra: must be integer,null/);
  });

  it('resolves recursive references across files into $defs instead of recursing forever', () => {
    const check = schemaChecker(root, 'models/node.yml', '', { ...options, direction: 'response' });
    const leaf = { id: 'c', name: 'leaf' };
    assert.deepEqual(
      check({ id: 'r', name: 'r', children: [{ ...leaf, children: [leaf] }], parent: leaf }),
      [],
    );
    assert.match(
      check({ id: 'r', name: 'r', children: [{ ...leaf, children: [{ name: 'no id' }] }] }).join(),
      /data\/children\/0\/children\/0: must have required property 'id'/,
    );
    assert.match(
      check({ id: 'r', name: 'r', parent: { name: 3 } }).join(),
      /data\/parent\/name: must be string,null/,
    );
  });

  it('fails clearly on reference loops, missing files and references out of the spec folder', () => {
    const direction = 'request';
    assert.throws(
      () => schemaChecker(root, 'shared.yml', '/loop_a', { ...options, direction }),
      /cycle|loops/,
    );
    assert.throws(
      () => schemaChecker(root, 'shared.yml', '/missing', { ...options, direction }),
      /shared\.yml#\/missing: cannot resolve \$ref 'nowhere\.yml': nowhere\.yml does not exist/,
    );
    assert.throws(
      () => schemaChecker(root, 'shared.yml', '/escape', { ...options, direction }),
      /is outside the spec folder/,
    );
  });
});

describe('Dokploy description', () => {
  let spec: DokployContract;
  before(async () => {
    spec = await loadDokploy();
  });

  const row = {
    certificateId: 'kC2mXoJ1pWqZ3vN8tY5aB',
    name: 'example-com-2026-1a2b3c4d',
    certificateData: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
    privateKey: `${pemBegin('PRIVATE KEY')}\nAAAA\n${pemEnd('PRIVATE KEY')}\n`,
    certificatePath: 'a8Fj3kLm9QwErTy',
    autoRenew: null,
    organizationId: 'org_7Hx2Kp9Lm4Nq',
    serverId: null,
  };
  const create = { name: row.name, certificateData: row.certificateData, privateKey: row.privateKey };

  it('validates requests against the published request schemas', () => {
    spec.validateRequest('POST', '/api/certificates.create', { ...create, organizationId: '' });
    spec.validateRequest('POST', '/api/certificates.create', {
      ...create,
      organizationId: '',
      serverId: 'srv_1',
    });
    violates(
      () => spec.validateRequest('POST', '/api/certificates.create', create),
      /Dokploy POST \/api\/certificates\.create \(certificates-create\)/,
      /body: must have required property 'organizationId'/,
    );
    violates(
      () =>
        spec.validateRequest('POST', '/api/certificates.create', { ...create, name: '', organizationId: '' }),
      /body\/name: must NOT have fewer than 1 characters/,
    );
    spec.validateRequest('GET', '/api/certificates.one?certificateId=abc');
    spec.validateRequest('GET', '/api/certificates.one', undefined, { certificateId: 'abc' });
    violates(
      () => spec.validateRequest('GET', '/api/certificates.one'),
      /query: must have required property 'certificateId'/,
    );
    spec.validateRequest('GET', '/api/certificates.all');
    violates(() => spec.validateRequest('GET', '/api/certificates.all?page=2'), /query: has "page"/);
    spec.validateRequest('POST', '/api/certificates.remove', { certificateId: 'abc' });
    violates(
      () => spec.validateRequest('POST', '/api/certificates.remove', {}),
      /required property 'certificateId'/,
    );
    spec.validateRequest('POST', '/api/certificates.update', { certificateId: 'abc', certificateData: 'x' });
    spec.validateRequest('POST', '/api/settings.reloadTraefik', {});
    spec.validateRequest('POST', '/api/settings.reloadTraefik', { serverId: 'srv_1' });
    spec.validateRequest('POST', '/api/settings.reloadTraefik');
  });

  it("adds the notes' rule: a create never sends certificatePath or certificateId", () => {
    violates(
      () =>
        spec.validateRequest('POST', '/api/certificates.create', {
          ...create,
          organizationId: '',
          certificatePath: 'x',
          certificateId: 'y',
        }),
      /notes: body\/certificatePath: must not be sent/,
      /notes: body\/certificateId: must not be sent/,
    );
  });

  it('does not know the third-party dialect (singular router, Bearer, certificateChain)', () => {
    assert.match(
      spec.checkRequest('POST', '/api/certificate.create', create).join(),
      /no operation in Dokploy's description matches POST \/api\/certificate\.create/,
    );
    assert.deepEqual(
      spec.checkRequest('GET', '/api/certificates.all', undefined, {
        headers: { authorization: 'Bearer k' },
      }),
      ['headers: missing x-api-key (x-api-key: <key>)'],
    );
    assert.deepEqual(
      spec.checkRequest('GET', '/api/certificates.all', undefined, { headers: { 'x-api-key': 'k' } }),
      [],
    );
  });

  it('checks replies against the notes-based schemas: realistic rows pass', () => {
    spec.validateResponse('POST', '/api/certificates.create', 200, row);
    spec.validateResponse('GET', '/api/certificates.one?certificateId=x', 200, {
      ...row,
      autoRenew: false,
      serverId: 's',
    });
    spec.validateResponse('POST', '/api/certificates.update', 200, row);
    spec.validateResponse('GET', '/api/certificates.all', 200, [
      { ...row, server: null },
      { ...row, certificateId: 'other', serverId: 'srv_1', server: { serverId: 'srv_1', name: 'edge' } },
    ]);
    spec.validateResponse('GET', '/api/certificates.all', 200, []);
    spec.validateResponse('POST', '/api/certificates.remove', 200, true);
    spec.validateResponse('POST', '/api/settings.reloadTraefik', 200, true);
  });

  it('rejects rows the server would never send', () => {
    const { certificateId: _, ...noId } = row;
    violates(
      () => spec.validateResponse('POST', '/api/certificates.create', 200, noId),
      /Dokploy POST \/api\/certificates\.create \(certificates-create\): the 200 reply does not match/,
      /reply: must have required property 'certificateId'/,
    );
    violates(
      () => spec.validateResponse('GET', '/api/certificates.one', 200, { ...row, createdAt: '2026-01-01' }),
      /reply: has "createdAt", which the description does not name/,
    );
    violates(
      () => spec.validateResponse('GET', '/api/certificates.all', 200, [row]),
      /reply\/0: must have required property 'server'/,
    );
    violates(
      () => spec.validateResponse('GET', '/api/certificates.all', 200, { certificates: [] }),
      /reply: must be array/,
    );
    violates(() => spec.validateResponse('POST', '/api/certificates.remove', 200, {}), /reply: must be true/);
    violates(
      () => spec.validateResponse('POST', '/api/certificates.create', 200, { ...row, organizationId: '' }),
      /reply\/organizationId: must NOT have fewer than 1 characters/,
    );
  });

  it('checks error replies: the tRPC shape, code and httpStatus matching the status', () => {
    const notFound = {
      message: 'Certificate not found',
      code: 'NOT_FOUND',
      data: { code: 'NOT_FOUND', httpStatus: 404, path: 'certificates.one', zodError: null },
    };
    spec.validateResponse('GET', '/api/certificates.one', 404, notFound);
    spec.validateResponse('POST', '/api/certificates.remove', 404, {
      ...notFound,
      data: { ...notFound.data, path: 'certificates.remove' },
    });
    spec.validateResponse('GET', '/api/certificates.all', 401, { message: 'Unauthorized' });
    spec.validateResponse('POST', '/api/certificates.create', 400, {
      message: 'Input validation failed',
      code: 'BAD_REQUEST',
      issues: [{ message: 'String must contain at least 1 character(s)' }],
      data: {
        code: 'BAD_REQUEST',
        httpStatus: 400,
        path: 'certificates.create',
        zodError: { fieldErrors: {} },
      },
    });
    violates(
      () => spec.validateResponse('GET', '/api/certificates.one', 404, { ...notFound, code: 'BAD_REQUEST' }),
      /reply\/code: must be "NOT_FOUND"/,
    );
    violates(
      () =>
        spec.validateResponse('GET', '/api/certificates.one', 404, {
          ...notFound,
          data: { ...notFound.data, httpStatus: 500 },
        }),
      /reply\/data\/httpStatus: must be 404/,
    );
    violates(
      () => spec.validateResponse('GET', '/api/certificates.one', 500, { error: 'boom' }),
      /required property 'message'/,
    );
    violates(
      () => spec.validateResponse('GET', '/api/certificates.one', 204, undefined),
      /status 204 is not described/,
    );
  });

  it('shows why the published response schemas are not used: they reject every real reply', () => {
    assert.match(
      spec.checkPublishedResponse('POST', '/api/certificates.create', 200, row).join('\n'),
      /reply: has "certificateId", which the description does not name/,
    );
    assert.match(
      spec.checkPublishedResponse('GET', '/api/certificates.all', 200, [{ ...row, server: null }]).join(),
      /must be object/,
    );
    assert.match(
      spec.checkPublishedResponse('POST', '/api/certificates.remove', 200, true).join(),
      /must be object/,
    );
    // Its error schemas are closed over message/code/issues: the real error carries data.
    assert.match(
      spec
        .checkPublishedResponse('GET', '/api/certificates.one', 404, {
          message: 'Certificate not found',
          code: 'NOT_FOUND',
          data: { code: 'NOT_FOUND', httpStatus: 404, path: 'certificates.one', zodError: null },
        })
        .join(),
      /has "data"/,
    );
    // The one reply it accepts is one the server never sends.
    assert.deepEqual(spec.checkPublishedResponse('POST', '/api/certificates.create', 200, {}), []);
  });
});

describe('recorded traffic', () => {
  let digitalocean: ContractSpec;
  let server: LoopbackServer;
  const replies = new Map<string, Reply>();
  before(async () => {
    digitalocean = await loadDigitalOcean();
    server = await LoopbackServer.start(
      (req) =>
        replies.get(`${req.method} ${req.path}`) ?? { status: 404, body: { id: 'not_found', message: 'no' } },
    );
  });
  after(() => server.close());

  async function send(method: string, path: string, body?: unknown, auth = true): Promise<void> {
    const headers: Record<string, string> = auth ? { authorization: 'Bearer token' } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(server.url + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).catch(() => undefined);
    await response?.arrayBuffer();
  }

  it('passes traffic that keeps to the contract, skipping injected faults and dropped connections', async () => {
    server.requests.length = 0;
    const certificate = { id: CERT_ID, name: 'web', type: 'custom', state: 'verified', dns_names: [''] };
    replies.set('GET /v2/certificates', {
      status: 200,
      body: { certificates: [certificate], links: {}, meta: { total: 1 } },
    });
    replies.set('POST /v2/certificates', { status: 201, body: { certificate } });
    replies.set(`DELETE /v2/certificates/${CERT_ID}`, { status: 204 });
    server.inject({
      method: 'GET',
      path: '/v2/certificates',
      fault: { kind: 'status', status: 503, body: 'whatever' },
    });
    server.inject({ method: 'DELETE', fault: { kind: 'reset' } });
    await send('GET', '/v2/certificates?per_page=200');
    await send('GET', '/v2/certificates?per_page=200');
    await send('POST', '/v2/certificates', customUpload);
    await send('DELETE', `/v2/certificates/${CERT_ID}`);
    await send('DELETE', `/v2/certificates/${CERT_ID}`);
    assert.equal(server.requests.length, 5);
    assertTrafficMatchesContract(digitalocean, server.requests);
  });

  it('lists every bad request and bad reply in one error', async () => {
    server.requests.length = 0;
    server.clearFaults();
    replies.set('GET /v2/certificates', { status: 200, body: { certificates: [{ id: 'not-a-uuid' }] } });
    replies.set('POST /v2/certificates', { status: 201, body: { certificate: { id: CERT_ID } } });
    await send('GET', '/v2/certificates?perPage=200');
    await send('POST', '/v2/certificates', { ...customUpload, type: 'bogus' }, false);
    await send('GET', '/v2/droplets');
    assert.throws(
      () => assertTrafficMatchesContract(digitalocean, server.requests),
      (thrown: unknown) => {
        assert.ok(thrown instanceof ContractViolation);
        assert.match(thrown.message, /^\d+ contract violation\(s\) in 3 recorded DigitalOcean request\(s\):/);
        assert.match(thrown.message, /- #1 GET \/v2\/certificates\?perPage=200: query: has "perPage"/);
        assert.match(
          thrown.message,
          /- #1 GET \/v2\/certificates\?perPage=200 → 200: reply\/certificates\/0\/id: must match format "uuid"/,
        );
        assert.match(thrown.message, /- #1 GET .* → 200: reply: must have required property 'meta'/);
        assert.match(thrown.message, /- #2 POST \/v2\/certificates: body\/type: must be one of/);
        assert.match(thrown.message, /- #2 POST \/v2\/certificates: headers: missing authorization/);
        assert.match(thrown.message, /- #3 GET \/v2\/droplets: no operation/);
        assert.doesNotMatch(thrown.message, /#3 GET \/v2\/droplets →/);
        return true;
      },
    );
    assert.equal(trafficViolations(digitalocean, server.requests, { skip: (r) => r.seq !== 3 }).length, 1);
  });
});
