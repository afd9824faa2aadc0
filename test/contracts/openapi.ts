/**
 * Contract checks against the providers' own published API descriptions, kept unmodified in
 * test/fixtures/vendor-specs (its README.md names each file's source, commit and licence):
 *
 *   const digitalocean = await loadDigitalOcean();
 *   digitalocean.validateRequest('POST', '/v2/certificates', body);
 *   digitalocean.validateResponse('GET', '/v2/certificates', 200, body);
 *   const dokploy = await loadDokploy();
 *   dokploy.validateRequest('GET', '/api/certificates.one?certificateId=abc');
 *
 * validate* throw a ContractViolation naming the operation and listing every problem; check*
 * return the problems instead. Requests: path parameters, query parameters (typed, unknown ones
 * rejected), the JSON body, and (when headers are given) the authentication header and the JSON
 * content type. Responses: the status must be described (exact, `4XX`-style, or `default`), the
 * body must match its schema or be absent where none is described, declared headers that are
 * present must match theirs.
 *
 * Schemas are validated by Ajv (JSON Schema 2020-12) after openapi-schema.ts has resolved the
 * `$ref`s and converted the OpenAPI dialect. Ajv runs strict except for two checks the vendor
 * files fail without being wrong: `strictTypes` (DigitalOcean puts `minimum: 1` on string path
 * parameters, and `required`/`properties` beside allOf or without `type: object`; both are valid
 * JSON Schema, the first a no-op) and `strictRequired` (`required` names properties defined in
 * allOf branches). `strictSchema` stays on: an OpenAPI keyword the conversion missed fails loudly
 * instead of being silently ignored.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { DOKPLOY_REQUEST_NOTES, DOKPLOY_SUCCESS, dokployErrorSchema } from './dokploy-notes-schemas.ts';
import {
  type ConvertOptions,
  DocumentSet,
  isObject,
  type JsonObject,
  type Located,
  pointerChild,
  toJsonSchema,
} from './openapi-schema.ts';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
type Ajv = InstanceType<typeof Ajv2020>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type UnknownProperties = 'allow' | 'reject';

export interface LoadOptions {
  /** Default: test/fixtures/vendor-specs in the repository. */
  specsDir?: string;
  /**
   * 'allow' (default): objects are as open as the vendor wrote them. 'reject': an object property
   * the description does not name is a violation (catches invented or misspelled fields).
   */
  unknownProperties?: UnknownProperties;
}

export interface OperationInfo {
  id: string;
  method: HttpMethod;
  /** Full path template as sent, e.g. /v2/certificates/{certificate_id}, /api/certificates.one. */
  path: string;
  /** Where it is described, relative to the spec folder. */
  source: string;
}

export interface OperationMatch {
  operation: OperationInfo;
  /** Path parameters, decoded. */
  params: Record<string, string>;
}

export type QueryInput = URLSearchParams | Record<string, string | number | boolean | undefined>;

export interface RequestExtras {
  /** Merged with any `?query` in the path. */
  query?: QueryInput;
  /** When given: authentication header and JSON content type are checked too. */
  headers?: IncomingHttpHeaders | Record<string, string>;
}

export interface ExampleCheck {
  /** e.g. "resources/certificates/responses/all_certificates.yml" or "GET /v2/certificates 200". */
  where: string;
  name: string;
  violations: string[];
}

export interface ContractSpec {
  /** "DigitalOcean", "Dokploy". */
  readonly name: string;
  readonly operations: readonly OperationInfo[];
  match(method: string, path: string): OperationMatch | undefined;
  checkRequest(method: string, path: string, body?: unknown, extras?: RequestExtras): string[];
  checkResponse(
    method: string,
    path: string,
    status: number,
    body: unknown,
    headers?: Record<string, string>,
  ): string[];
  validateRequest(method: string, path: string, body?: unknown, query?: QueryInput): void;
  validateResponse(method: string, path: string, status: number, body: unknown): void;
  /** Every example payload the description carries, validated against its own schema. */
  checkExamples(): ExampleCheck[];
}

export interface DokployContract extends ContractSpec {
  /** Against the published (empty) response schema instead of the notes-based one: for the test that shows why. */
  checkPublishedResponse(method: string, path: string, status: number, body: unknown): string[];
}

/** A request or reply that does not match the vendor's description. */
export class ContractViolation extends Error {
  readonly violations: readonly string[];

  constructor(headline: string, violations: readonly string[]) {
    super(`${headline}\n${violations.map((v) => `  - ${v}`).join('\n')}`);
    this.name = 'ContractViolation';
    this.violations = violations;
  }
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The vendors' API descriptions, test fixtures inside the repository: a clone needs nothing beside it. */
export function vendorSpecsDir(): string {
  return resolve(REPO_ROOT, 'test', 'fixtures', 'vendor-specs');
}

function requireSpecs(dir: string, file: string): void {
  if (!existsSync(join(dir, file))) {
    throw new Error(
      `contract tests need the vendors' API descriptions (test/fixtures/vendor-specs): ${join(dir, file)} is missing`,
    );
  }
}

/**
 * DigitalOcean's routes and the files describing them, from digitalocean/SOURCE.md (the path
 * registrations of DigitalOcean-public.v2.yaml). SOURCE.md also registers DELETE for load
 * balancers and CDN endpoints, but those files are not in the excerpt. The list/create routes of
 * load balancers and CDN endpoints and the forwarding-rule routes are not in SOURCE.md; their files
 * are, and each file's description names its route. __tests__/contracts/openapi.test.ts checks
 * every entry against SOURCE.md and against its file's description.
 */
export const DIGITALOCEAN_ROUTES: readonly { method: HttpMethod; path: string; file: string }[] = [
  { method: 'GET', path: '/v2/certificates', file: 'resources/certificates/certificates_list.yml' },
  { method: 'POST', path: '/v2/certificates', file: 'resources/certificates/certificates_create.yml' },
  {
    method: 'GET',
    path: '/v2/certificates/{certificate_id}',
    file: 'resources/certificates/certificates_get.yml',
  },
  {
    method: 'DELETE',
    path: '/v2/certificates/{certificate_id}',
    file: 'resources/certificates/certificates_delete.yml',
  },
  { method: 'GET', path: '/v2/load_balancers', file: 'resources/load_balancers/loadBalancers_list.yml' },
  {
    method: 'GET',
    path: '/v2/load_balancers/{lb_id}',
    file: 'resources/load_balancers/loadBalancers_get.yml',
  },
  {
    method: 'PUT',
    path: '/v2/load_balancers/{lb_id}',
    file: 'resources/load_balancers/loadBalancers_update.yml',
  },
  {
    method: 'POST',
    path: '/v2/load_balancers/{lb_id}/forwarding_rules',
    file: 'resources/load_balancers/loadBalancers_add_forwardingRules.yml',
  },
  {
    method: 'DELETE',
    path: '/v2/load_balancers/{lb_id}/forwarding_rules',
    file: 'resources/load_balancers/loadBalancers_remove_forwardingRules.yml',
  },
  { method: 'GET', path: '/v2/cdn/endpoints', file: 'resources/cdn/cdn_list_endpoints.yml' },
  { method: 'POST', path: '/v2/cdn/endpoints', file: 'resources/cdn/cdn_create_endpoint.yml' },
  { method: 'GET', path: '/v2/cdn/endpoints/{cdn_id}', file: 'resources/cdn/cdn_get_endpoint.yml' },
  { method: 'PUT', path: '/v2/cdn/endpoints/{cdn_id}', file: 'resources/cdn/cdn_update_endpoint.yml' },
];

const loaded = new Map<string, Promise<ContractSpec>>();

/** One load per specs folder and mode; a failed load is forgotten so the next call tries again. */
function cached<T extends ContractSpec>(key: string, build: () => Promise<T>): Promise<T> {
  let spec = loaded.get(key) as Promise<T> | undefined;
  if (spec === undefined) {
    spec = build();
    spec.catch(() => loaded.delete(key));
    loaded.set(key, spec);
  }
  return spec;
}

export function loadDigitalOcean(options: LoadOptions = {}): Promise<ContractSpec> {
  const dir = resolve(options.specsDir ?? vendorSpecsDir());
  const unknownProperties = options.unknownProperties ?? 'allow';
  return cached(`digitalocean|${dir}|${unknownProperties}`, async () => {
    requireSpecs(dir, 'digitalocean/SOURCE.md');
    const root = join(dir, 'digitalocean');
    const docs = new DocumentSet(root);
    // The PUT schema (load_balancer_create.yml) is a oneOf of "droplet_ids + region" and
    // "tag + region": it only describes regional load balancers. A global one has no region and
    // no droplets (it targets regional load balancers) and is rebound through domains[], so
    // every real PUT of one would fail it. Those bodies are checked against the model both
    // branches build on, load_balancer_base.yml, which does describe type GLOBAL, domains,
    // glb_settings and target_load_balancer_ids.
    const globalLoadBalancer = docs.at(
      join(root, 'resources/load_balancers/models/load_balancer_base.yml'),
      '',
    );
    const operations = DIGITALOCEAN_ROUTES.map((route): OperationDef => {
      const at = docs.at(join(root, route.file), '');
      const id =
        isObject(at.value) && typeof at.value['operationId'] === 'string' ? at.value['operationId'] : '';
      return operationDef({ id, method: route.method, path: route.path, source: route.file }, at, undefined);
    });
    return new OpenApiContract({
      name: 'DigitalOcean',
      docs,
      dialect: '3.0',
      unknownProperties,
      operations,
      // Notes: "header Authorization: Bearer <token>" (bearer_auth in the full spec).
      auth: { header: 'authorization', pattern: /^Bearer \S+$/, describe: 'Authorization: Bearer <token>' },
      exampleFiles: responseFiles(root),
      requestSchema: (operation, body) =>
        operation.id === 'loadBalancers_update' && isObject(body) && body['type'] === 'GLOBAL'
          ? globalLoadBalancer
          : undefined,
    });
  });
}

export function loadDokploy(options: LoadOptions = {}): Promise<DokployContract> {
  const dir = resolve(options.specsDir ?? vendorSpecsDir());
  const unknownProperties = options.unknownProperties ?? 'allow';
  return cached(`dokploy|${dir}|${unknownProperties}`, async () => {
    const file = 'dokploy-certificates.openapi.json';
    requireSpecs(dir, file);
    const docs = new DocumentSet(dir);
    const document = docs.at(join(dir, file), '');
    if (!isObject(document.value) || !isObject(document.value['paths'])) {
      throw new Error(`${file}: no paths`);
    }
    // Paths are relative to the server URL (https://…/api): /certificates.one → /api/certificates.one.
    const servers = document.value['servers'];
    const server = Array.isArray(servers) && isObject(servers[0]) ? String(servers[0]['url']) : '';
    const prefix = server === '' ? '' : new URL(server).pathname.replace(/\/$/, '');
    const operations: OperationDef[] = [];
    const paths = docs.at(document.file, '/paths');
    for (const [path, item] of Object.entries(paths.value as JsonObject)) {
      if (!isObject(item)) continue;
      const pathItem: Located = {
        value: item,
        file: paths.file,
        pointer: pointerChild(paths.pointer, path),
      };
      for (const [method, operation] of Object.entries(item)) {
        if (!HTTP_METHODS.has(method.toUpperCase()) || !isObject(operation)) continue;
        const at: Located = {
          value: operation,
          file: paths.file,
          pointer: pointerChild(pathItem.pointer, method),
        };
        const id =
          typeof operation['operationId'] === 'string' ? operation['operationId'] : `${method} ${path}`;
        operations.push(
          operationDef(
            {
              id,
              method: method.toUpperCase() as HttpMethod,
              path: prefix + path,
              source: `${file}#${at.pointer}`,
            },
            at,
            pathItem,
          ),
        );
      }
    }
    return new OpenApiContract({
      name: 'Dokploy',
      docs,
      dialect: '3.1',
      unknownProperties,
      operations,
      // Notes: "Header x-api-key: <key>. Authorization: Bearer is ignored by the real server."
      // (The published operations name a security scheme "Authorization" the file never defines.)
      auth: { header: 'x-api-key', pattern: /^\S+$/, describe: 'x-api-key: <key>' },
      exampleFiles: [],
      responseSchema: (operation, status) => {
        if (status >= 400) return dokployErrorSchema(status);
        return status === 200 ? DOKPLOY_SUCCESS[operation.id] : undefined;
      },
      requestNotes: (operation) => DOKPLOY_REQUEST_NOTES[operation.id],
    });
  });
}

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

interface OperationDef {
  info: OperationInfo;
  regex: RegExp;
  paramNames: string[];
  operation: Located;
  pathItem: Located | undefined;
}

function operationDef(info: OperationInfo, operation: Located, pathItem: Located | undefined): OperationDef {
  const paramNames: string[] = [];
  const source = info.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (param?.[1] !== undefined) {
        paramNames.push(param[1]);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { info, regex: new RegExp(`^${source}/?$`), paramNames, operation, pathItem };
}

/** Every file in a `responses` folder of the tree: their examples are checked on their own. */
function responseFiles(root: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    const folder = entry.parentPath;
    if (folder.split(/[\\/]/).at(-1) === 'responses') files.push(join(folder, entry.name));
  }
  return files.sort();
}

interface ContractConfig {
  name: string;
  docs: DocumentSet;
  dialect: ConvertOptions['dialect'];
  unknownProperties: UnknownProperties;
  operations: OperationDef[];
  auth: { header: string; pattern: RegExp; describe: string };
  /** Response files whose examples checkExamples() validates beyond the operations'. */
  exampleFiles: string[];
  /** Replaces the published response schema (Dokploy: from the notes). */
  responseSchema?: (operation: OperationInfo, status: number) => JsonObject | undefined;
  /** A vendor schema to use instead of the operation's for this body (a gap in the description). */
  requestSchema?: (operation: OperationInfo, body: unknown) => Located | undefined;
  /** An extra schema every request body of the operation must also match. */
  requestNotes?: (operation: OperationInfo) => JsonObject | undefined;
}

type LocatedObject = Located<JsonObject>;

class OpenApiContract implements DokployContract {
  readonly name: string;
  readonly operations: readonly OperationInfo[];
  private readonly config: ContractConfig;
  private readonly ajv: Ajv;
  /** Coerces strings (path, query, header values) to the parameter's type first. */
  private readonly ajvCoercing: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(config: ContractConfig) {
    this.config = config;
    this.name = config.name;
    this.operations = config.operations.map((op) => op.info);
    this.ajv = newAjv(false);
    this.ajvCoercing = newAjv(true);
  }

  match(method: string, path: string): OperationMatch | undefined {
    const found = this.find(method, path);
    return found && { operation: found.def.info, params: found.params };
  }

  checkRequest(method: string, path: string, body?: unknown, extras: RequestExtras = {}): string[] {
    return this.request(method, path, body, extras).violations;
  }

  validateRequest(method: string, path: string, body?: unknown, query?: QueryInput): void {
    const { headline, violations } = this.request(method, path, body, query === undefined ? {} : { query });
    if (violations.length > 0)
      throw new ContractViolation(`${headline}: the request does not match the contract`, violations);
  }

  checkResponse(
    method: string,
    path: string,
    status: number,
    body: unknown,
    headers?: Record<string, string>,
  ): string[] {
    return this.response(method, path, status, body, headers, 'effective').violations;
  }

  validateResponse(method: string, path: string, status: number, body: unknown): void {
    const { headline, violations } = this.response(method, path, status, body, undefined, 'effective');
    if (violations.length > 0) {
      throw new ContractViolation(`${headline}: the ${status} reply does not match the contract`, violations);
    }
  }

  checkPublishedResponse(method: string, path: string, status: number, body: unknown): string[] {
    return this.response(method, path, status, body, undefined, 'published').violations;
  }

  checkExamples(): ExampleCheck[] {
    const checks: ExampleCheck[] = [];
    const { docs } = this.config;
    for (const def of this.config.operations) {
      const { info } = def;
      const requestBody = this.requestBody(def);
      const media = requestBody && jsonMedia(docs, requestBody);
      if (media) {
        for (const example of examplesOf(docs, media)) {
          checks.push({
            where: `${info.method} ${info.path} request`,
            name: example.name,
            violations: this.validate(`${info.id} request`, media.schema, 'request', 'body', example.value),
          });
        }
      }
      const responses = this.responses(def) ?? { value: {}, file: def.operation.file, pointer: '' };
      for (const status of Object.keys(responses.value)) {
        const response = docs.deref({
          value: responses.value[status],
          file: responses.file,
          pointer: pointerChild(responses.pointer, status),
        });
        const reply = isObject(response.value) ? jsonMedia(docs, response as LocatedObject) : undefined;
        if (!reply) continue;
        for (const example of examplesOf(docs, reply)) {
          checks.push({
            where: `${info.method} ${info.path} ${status}`,
            name: example.name,
            violations: this.validate(
              docs.where(reply.schema),
              reply.schema,
              'response',
              'body',
              example.value,
            ),
          });
        }
      }
    }
    for (const file of this.config.exampleFiles) {
      const response = docs.at(file, '');
      const reply = isObject(response.value) ? jsonMedia(docs, response as LocatedObject) : undefined;
      if (!reply) continue;
      for (const example of examplesOf(docs, reply)) {
        checks.push({
          where: docs.name(file),
          name: example.name,
          violations: this.validate(
            docs.where(reply.schema),
            reply.schema,
            'response',
            'body',
            example.value,
          ),
        });
      }
    }
    return checks;
  }

  // ---------------------------------------------------------------------------------------------

  private find(
    method: string,
    path: string,
  ): { def: OperationDef; params: Record<string, string> } | undefined {
    const pathname = path.split('?')[0] ?? path;
    for (const def of this.config.operations) {
      if (def.info.method !== method.toUpperCase()) continue;
      const m = def.regex.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      def.paramNames.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1] ?? '');
      });
      return { def, params };
    }
    return undefined;
  }

  private unknownOperation(method: string, path: string): string {
    const pathname = path.split('?')[0] ?? path;
    const samePath = this.config.operations
      .filter((op) => op.regex.test(pathname))
      .map((op) => op.info.method);
    return samePath.length > 0
      ? `${method} is not described for ${pathname} (described: ${samePath.join(', ')})`
      : `no operation in ${this.name}'s description matches ${method} ${pathname}`;
  }

  private request(
    method: string,
    path: string,
    body: unknown,
    extras: RequestExtras,
  ): { headline: string; violations: string[] } {
    const found = this.find(method, path);
    if (!found)
      return {
        headline: `${this.name} ${method} ${path}`,
        violations: [this.unknownOperation(method, path)],
      };
    const { def, params } = found;
    const headline = `${this.name} ${method} ${path} (${def.info.id})`;
    const violations: string[] = [];

    violations.push(...this.validateParams(def, 'path', params));
    const query = mergeQuery(path, extras.query);
    violations.push(...this.validateParams(def, 'query', query));

    const requestBody = this.requestBody(def);
    const { docs } = this.config;
    if (requestBody === undefined) {
      if (body !== undefined) violations.push('body: this operation takes no request body');
    } else {
      const required = requestBody.value['required'] === true;
      const media = jsonMedia(docs, requestBody);
      if (body === undefined) {
        if (required) violations.push('body: a JSON request body is required');
      } else if (!media) {
        violations.push('body: the description has no application/json body for this operation');
      } else {
        const schema = this.config.requestSchema?.(def.info, body) ?? media.schema;
        violations.push(...this.validate(`${def.info.id} request`, schema, 'request', 'body', body));
      }
    }
    const notes = body === undefined ? undefined : this.config.requestNotes?.(def.info);
    if (notes)
      violations.push(...this.validateRaw(`${def.info.id} request notes`, notes, 'body', body, 'notes: '));

    if (extras.headers !== undefined) violations.push(...this.checkRequestHeaders(extras.headers, body));
    return { headline, violations };
  }

  private checkRequestHeaders(
    headers: IncomingHttpHeaders | Record<string, string>,
    body: unknown,
  ): string[] {
    const lower = lowerHeaders(headers);
    const violations: string[] = [];
    const { auth } = this.config;
    const value = lower[auth.header];
    if (value === undefined) violations.push(`headers: missing ${auth.header} (${auth.describe})`);
    else if (!auth.pattern.test(value))
      violations.push(`headers: ${auth.header} is not of the form ${auth.describe}`);
    if (body !== undefined) {
      const type = lower['content-type'] ?? '';
      if (!/^application\/json\b/i.test(type)) {
        violations.push(`headers: a JSON body needs content-type application/json (got ${type || 'none'})`);
      }
    }
    return violations;
  }

  private response(
    method: string,
    path: string,
    status: number,
    body: unknown,
    headers: Record<string, string> | undefined,
    source: 'effective' | 'published',
  ): { headline: string; violations: string[] } {
    const found = this.find(method, path);
    if (!found)
      return {
        headline: `${this.name} ${method} ${path}`,
        violations: [this.unknownOperation(method, path)],
      };
    const { def } = found;
    const headline = `${this.name} ${method} ${path} (${def.info.id})`;
    const { docs } = this.config;

    const override = source === 'effective' ? this.config.responseSchema : undefined;
    if (override) {
      const schema = override(def.info, status);
      if (schema === undefined)
        return { headline, violations: [`status ${status} is not described for ${def.info.id}`] };
      if (body === undefined)
        return { headline, violations: ['reply: the description has a JSON body, the reply has none'] };
      return {
        headline,
        violations: this.validateRaw(`${def.info.id} ${status} (notes)`, schema, 'reply', body),
      };
    }

    const response = this.responseFor(def, status);
    if (!response) return { headline, violations: [`status ${status} is not described for ${def.info.id}`] };
    // `default` is DigitalOcean's error catch-all: a success status it does not list is not an error body.
    const listed = Object.keys(this.responses(def)?.value ?? {});
    const successes = listed.filter((code) => /^2/.test(code));
    if (status < 400 && !listed.includes(String(status)) && successes.length > 0) {
      return {
        headline,
        violations: [
          `status ${status} is not described for ${def.info.id} (its success is ${successes.join(', ')})`,
        ],
      };
    }
    const violations: string[] = [];
    const media = jsonMedia(docs, response);
    if (!media) {
      if (body !== undefined && body !== '')
        violations.push(`reply: status ${status} has no body in the description, but the reply has one`);
    } else if (body === undefined) {
      violations.push('reply: the description has a JSON body, the reply has none');
    } else {
      violations.push(...this.validate(docs.where(media.schema), media.schema, 'response', 'reply', body));
    }
    if (headers !== undefined) violations.push(...this.validateResponseHeaders(response, headers));
    return { headline, violations };
  }

  private requestBody(def: OperationDef): LocatedObject | undefined {
    const { value } = def.operation;
    if (!isObject(value) || value['requestBody'] === undefined) return undefined;
    const body = this.config.docs.deref({
      value: value['requestBody'],
      file: def.operation.file,
      pointer: pointerChild(def.operation.pointer, 'requestBody'),
    });
    return isObject(body.value) ? (body as LocatedObject) : undefined;
  }

  private responses(def: OperationDef): LocatedObject | undefined {
    const { value } = def.operation;
    if (!isObject(value) || !isObject(value['responses'])) return undefined;
    return {
      value: value['responses'],
      file: def.operation.file,
      pointer: pointerChild(def.operation.pointer, 'responses'),
    };
  }

  /** The response object for a status: exact, then `4XX`, then `default`. */
  private responseFor(def: OperationDef, status: number): LocatedObject | undefined {
    const responses = this.responses(def);
    if (!responses) return undefined;
    for (const key of [String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`, 'default']) {
      if (responses.value[key] === undefined) continue;
      const response = this.config.docs.deref({
        value: responses.value[key],
        file: responses.file,
        pointer: pointerChild(responses.pointer, key),
      });
      return isObject(response.value) ? (response as LocatedObject) : undefined;
    }
    return undefined;
  }

  private parameters(def: OperationDef): LocatedObject[] {
    const { docs } = this.config;
    const all: LocatedObject[] = [];
    for (const owner of [def.pathItem, def.operation]) {
      if (owner === undefined || !isObject(owner.value) || !Array.isArray(owner.value['parameters']))
        continue;
      const list = owner.value['parameters'];
      list.forEach((param, i) => {
        const at = docs.deref({
          value: param,
          file: owner.file,
          pointer: pointerChild(pointerChild(owner.pointer, 'parameters'), i),
        });
        const { value } = at;
        if (!isObject(value)) throw new Error(`${docs.where(at)}: a parameter must be an object`);
        const index = all.findIndex(
          (p) => p.value['name'] === value['name'] && p.value['in'] === value['in'],
        );
        if (index >= 0) all.splice(index, 1); // the operation's overrides the path item's
        all.push({ value, file: at.file, pointer: at.pointer });
      });
    }
    return all;
  }

  private validateParams(
    def: OperationDef,
    location: 'path' | 'query',
    values: Record<string, string | string[]>,
  ): string[] {
    const key = `${def.info.method} ${def.info.path}|${location}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      const properties: JsonObject = {};
      const required: string[] = [];
      for (const param of this.parameters(def)) {
        if (param.value['in'] !== location) continue;
        const name = String(param.value['name']);
        const schema = param.value['schema'];
        properties[name] =
          schema === undefined
            ? {}
            : this.convert(
                { value: schema, file: param.file, pointer: pointerChild(param.pointer, 'schema') },
                'request',
              );
        if (param.value['required'] === true || location === 'path') required.push(name);
      }
      // Path parameters always exist once the template matched; unknown query parameters are a mistake.
      const schema = { type: 'object', properties, required, additionalProperties: location === 'path' };
      validate = this.ajvCoercing.compile(schema);
      this.compiled.set(key, validate);
    }
    return validate({ ...values }) ? [] : formatErrors(validate, location);
  }

  private validateResponseHeaders(response: LocatedObject, headers: Record<string, string>): string[] {
    const declared = response.value['headers'];
    if (!isObject(declared)) return [];
    const key = `${this.config.docs.where(response)}|headers`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      const properties: JsonObject = {};
      const required: string[] = [];
      for (const [name, header] of Object.entries(declared)) {
        const at = this.config.docs.deref({
          value: header,
          file: response.file,
          pointer: pointerChild(pointerChild(response.pointer, 'headers'), name),
        });
        if (!isObject(at.value) || at.value['schema'] === undefined) continue;
        properties[name.toLowerCase()] = this.convert(
          { value: at.value['schema'], file: at.file, pointer: pointerChild(at.pointer, 'schema') },
          'response',
        );
        if (at.value['required'] === true) required.push(name.toLowerCase());
      }
      validate = this.ajvCoercing.compile({ type: 'object', properties, required });
      this.compiled.set(key, validate);
    }
    return validate(lowerHeaders(headers)) ? [] : formatErrors(validate, 'reply headers');
  }

  private convert(schema: Located, direction: ConvertOptions['direction']): JsonObject {
    const converted = toJsonSchema(this.config.docs, schema, {
      dialect: this.config.dialect,
      direction,
      unknownProperties: this.config.unknownProperties,
    });
    if (converted['$defs'] !== undefined) {
      throw new Error(
        `${this.config.docs.where(schema)}: recursive parameter/header schemas are not supported`,
      );
    }
    return converted;
  }

  /** Validates against a vendor schema (converted once, then cached). */
  private validate(
    label: string,
    schema: Located,
    direction: ConvertOptions['direction'],
    where: string,
    data: unknown,
  ): string[] {
    const key = `${this.config.docs.where(schema)}|${direction}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      const converted = toJsonSchema(this.config.docs, schema, {
        dialect: this.config.dialect,
        direction,
        unknownProperties: this.config.unknownProperties,
      });
      validate = this.compileOrExplain(label, converted);
      this.compiled.set(key, validate);
    }
    return validate(data) ? [] : formatErrors(validate, where);
  }

  /** Validates against a hand-written JSON Schema (Dokploy notes). */
  private validateRaw(
    label: string,
    schema: JsonObject,
    where: string,
    data: unknown,
    prefix = '',
  ): string[] {
    const key = `raw|${label}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = this.compileOrExplain(label, schema);
      this.compiled.set(key, validate);
    }
    return validate(data) ? [] : formatErrors(validate, where, prefix);
  }

  private compileOrExplain(label: string, schema: JsonObject): ValidateFunction {
    try {
      return this.ajv.compile(schema);
    } catch (thrown) {
      throw new Error(`${this.name}: cannot compile the schema of ${label}: ${(thrown as Error).message}`);
    }
  }
}

/**
 * One schema of a spec folder as a checker, converted and compiled like the operations' (for
 * tests of the conversion on small fixtures).
 */
export function schemaChecker(
  root: string,
  file: string,
  pointer: string,
  options: ConvertOptions,
): (data: unknown) => string[] {
  const docs = new DocumentSet(root);
  const validate = newAjv(false).compile(
    toJsonSchema(docs, docs.at(join(docs.root, file), pointer), options),
  );
  return (data) => (validate(data) ? [] : formatErrors(validate, 'data'));
}

function newAjv(coerce: boolean): Ajv {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strictSchema: true,
    strictNumbers: true,
    strictTuples: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    validateFormats: true,
    // Compiling is the cost here (big inlined load balancer schemas, small payloads): Ajv's code
    // optimizer makes compiling 3-4x slower for no gain worth having.
    code: { optimize: false },
    ...(coerce ? { coerceTypes: 'array' as const } : {}),
  });
  addFormats(ajv);
  // OpenAPI's own formats (ajv-formats knows none of them).
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  ajv.addFormat('binary', true);
  ajv.addFormat('password', true);
  return ajv;
}

/** Names that hold secrets: their values never appear in a message. */
const SECRET = /key|secret|token|password|certificate_chain|leaf_certificate|certificateData/i;

function formatErrors(validate: ValidateFunction, where: string, prefix = ''): string[] {
  const errors = validate.errors ?? [];
  // Where a oneOf/anyOf failed, JSON Schema drops its branches' annotations, so a closed object
  // there reports every property as unnamed: noise on top of the real reason.
  const failedCombinators = new Set(
    errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath),
  );
  const lines = errors
    .filter((e) => !(e.keyword === 'unevaluatedProperties' && failedCombinators.has(e.instancePath)))
    .map((error) => prefix + formatError(error, where, validate.schema));
  return [...new Set(lines)];
}

/** Titles of the oneOf/anyOf branches a schema path goes through ("Custom Certificate Request"). */
function branchTitles(root: unknown, schemaPath: string): string[] {
  const titles: string[] = [];
  let node = root;
  let previous = '';
  for (const raw of schemaPath.replace(/^#\/?/, '').split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else break;
    if (
      (previous === 'oneOf' || previous === 'anyOf') &&
      isObject(node) &&
      typeof node['title'] === 'string'
    ) {
      titles.push(node['title']);
    }
    previous = key;
  }
  return titles;
}

function formatError(error: ErrorObject, where: string, root: unknown): string {
  const path = `${where}${error.instancePath}`;
  const params = error.params as Record<string, unknown>;
  let detail = error.message ?? error.keyword;
  switch (error.keyword) {
    case 'enum':
      detail = `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'const':
      detail = `must be ${JSON.stringify(params['allowedValue'])}`;
      break;
    case 'additionalProperties':
      detail = `has "${String(params['additionalProperty'])}", which the description does not name`;
      break;
    case 'unevaluatedProperties':
      detail = `has "${String(params['unevaluatedProperty'])}", which the description does not name`;
      break;
    case 'false schema':
      detail = 'must not be sent';
      break;
  }
  const data: unknown = error.data;
  const shown =
    ['type', 'enum', 'const', 'format', 'pattern', 'minimum', 'maximum', 'minLength'].includes(
      error.keyword,
    ) &&
    !SECRET.test(error.instancePath) &&
    (typeof data !== 'string' || data.length <= 60) &&
    (data === null || typeof data !== 'object')
      ? ` (got ${JSON.stringify(data)})`
      : '';
  const titles = branchTitles(root, error.schemaPath);
  const branch = titles.length > 0 ? ` (in "${titles.join('" > "')}")` : '';
  return `${path || where}: ${detail}${shown}${branch} [${error.schemaPath}]`;
}

interface Media {
  /** The media type object. */
  media: LocatedObject;
  schema: Located;
}

function jsonMedia(docs: DocumentSet, owner: LocatedObject): Media | undefined {
  const content = owner.value['content'];
  if (!isObject(content)) return undefined;
  const type = Object.keys(content).find((t) => /^application\/(.+\+)?json\b/i.test(t));
  if (type === undefined) return undefined;
  const contentAt = pointerChild(owner.pointer, 'content');
  const media = docs.deref({
    value: content[type],
    file: owner.file,
    pointer: pointerChild(contentAt, type),
  });
  if (!isObject(media.value) || media.value['schema'] === undefined) return undefined;
  return {
    media: media as LocatedObject,
    schema: {
      value: media.value['schema'],
      file: media.file,
      pointer: pointerChild(media.pointer, 'schema'),
    },
  };
}

/** The media type's `example` and each of its `examples` (Example Objects, maybe `$ref`s). */
function examplesOf(docs: DocumentSet, { media }: Media): { name: string; value: unknown }[] {
  const found: { name: string; value: unknown }[] = [];
  if (media.value['example'] !== undefined) found.push({ name: 'example', value: media.value['example'] });
  const examples = media.value['examples'];
  if (isObject(examples)) {
    for (const [name, example] of Object.entries(examples)) {
      const at = docs.deref({
        value: example,
        file: media.file,
        pointer: pointerChild(pointerChild(media.pointer, 'examples'), name),
      });
      if (isObject(at.value) && at.value['value'] !== undefined)
        found.push({ name, value: at.value['value'] });
    }
  }
  return found;
}

function mergeQuery(path: string, query: QueryInput | undefined): Record<string, string | string[]> {
  const merged = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '');
  if (query instanceof URLSearchParams) {
    for (const [k, v] of query) merged.append(k, v);
  } else if (query !== undefined) {
    for (const [k, v] of Object.entries(query)) if (v !== undefined) merged.append(k, String(v));
  }
  const out: Record<string, string | string[]> = {};
  for (const name of new Set(merged.keys())) {
    const all = merged.getAll(name);
    out[name] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return out;
}

function lowerHeaders(headers: IncomingHttpHeaders | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
