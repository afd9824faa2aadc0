/**
 * The schema layer of the contract tests: vendor OpenAPI documents (YAML or JSON) read from disk,
 * `$ref`s followed across files, and OpenAPI schemas turned into plain JSON Schema 2020-12 for Ajv.
 *
 * $ref resolution is lazy and position-aware: a `$ref` is followed only where the converter or
 * the operation walker meets one (schemas, parameters, request bodies, responses, examples, and a
 * whole `properties` map, which DigitalOcean also writes as a `$ref`), so the `x-codeSamples`
 * links to files the excerpt does not carry are never touched, and example payloads are never
 * searched for `$ref`s. A reference is `file#/json/pointer`: the file part is relative to the file
 * that holds the `$ref` (and must stay inside the spec folder), the pointer is RFC 6901 (`~0`,
 * `~1`, percent-escapes). Everything below a followed reference resolves relative to the file it
 * landed in. Cycles: a reference met again while it is being expanded becomes
 * `{"$ref": "#/$defs/dN"}` and its expansion goes into the root's `$defs`, so recursive schemas
 * validate instead of recursing forever; a chain of bare references that loops back to itself
 * (no schema in between) is an error.
 *
 * OpenAPI 3.0 → JSON Schema 2020-12:
 * - `nullable: true` adds `"null"` to `type` (and `null` to an `enum`); without a `type` the schema
 *   becomes `anyOf: [{type: null}, schema]`.
 * - `example`, `x-*`, `externalDocs`, `xml` are documentation: dropped (Ajv's strict mode would
 *   reject them as unknown keywords; every other unknown keyword still fails loudly).
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` (3.0) become the numeric form.
 * - `readOnly` (request direction) / `writeOnly` (response direction): such properties are taken
 *   out of `required` at their object, across its allOf/anyOf/oneOf branches too (OpenAPI 3.0:
 *   "required will take effect on the response only"). They are NOT forbidden in requests: the
 *   spec says SHOULD NOT send, and DigitalOcean's load balancer PUT is a GET-modify-PUT of the
 *   whole object, which carries them back harmlessly.
 * - `$ref` siblings: ignored in 3.0 (as the spec says); applied beside the target in 3.1.
 * - `unknownProperties: 'reject'` closes every object schema that declares properties with
 *   `unevaluatedProperties: false` at its outermost level (not inside allOf/anyOf/oneOf
 *   branches, which would reject each other's properties), so a double or client that invents
 *   or misspells a field is caught. The vendor documents themselves leave objects open.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';

export type JsonObject = Record<string, unknown>;
export type JsonSchema = JsonObject | boolean;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value inside a document, with where it is (for relative `$ref`s and for messages). */
export interface Located<T = unknown> {
  value: T;
  /** Absolute path of the file the value is in. */
  file: string;
  /** JSON pointer of the value in that file ('' for the whole document). */
  pointer: string;
}

export function pointerChild(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** The documents of one vendor spec folder, parsed once each. */
export class DocumentSet {
  readonly root: string;
  private readonly cache = new Map<string, unknown>();

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The whole parsed document (YAML 1.2 core schema: ISO dates stay strings, as JSON would have them). */
  load(file: string): unknown {
    const path = resolve(file);
    const cached = this.cache.get(path);
    if (cached !== undefined || this.cache.has(path)) return cached;
    if (path !== this.root && !path.startsWith(this.root + sep)) {
      throw new Error(`${path} is outside the spec folder ${this.root}`);
    }
    if (!existsSync(path)) throw new Error(`${this.name(path)} does not exist`);
    const text = readFileSync(path, 'utf8');
    const value: unknown = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
    this.cache.set(path, value);
    return value;
  }

  /** The value at `pointer` in `file`. */
  at(file: string, pointer: string): Located {
    let value = this.load(file);
    if (pointer === '') return { value, file: resolve(file), pointer };
    if (!pointer.startsWith('/')) throw new Error(`${this.name(file)}#${pointer}: not a JSON pointer`);
    for (const raw of pointer.slice(1).split('/')) {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      if (Array.isArray(value) && /^(0|[1-9]\d*)$/.test(key) && Number(key) < value.length) {
        value = value[Number(key)];
      } else if (isObject(value) && Object.hasOwn(value, key)) {
        value = value[key];
      } else {
        throw new Error(`${this.name(file)}#${pointer}: nothing at "${key}"`);
      }
    }
    return { value, file: resolve(file), pointer };
  }

  /** One `$ref` hop: `ref` as written in `from` (a file of this set). */
  resolveRef(ref: string, from: Located): Located {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : decodeURIComponent(ref.slice(hash + 1));
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
      throw new Error(`${this.where(from)}: remote $ref ${ref} is not supported`);
    }
    const file = filePart === '' ? from.file : resolve(dirname(from.file), filePart);
    try {
      return this.at(file, fragment);
    } catch (thrown) {
      throw new Error(`${this.where(from)}: cannot resolve $ref '${ref}': ${(thrown as Error).message}`);
    }
  }

  /** Follows `$ref`s on this node until it is not one (a loop of bare references is an error). */
  deref(node: Located): Located {
    let current = node;
    const seen = new Set<string>();
    while (isObject(current.value) && typeof current.value['$ref'] === 'string') {
      const key = `${current.file}#${current.pointer}`;
      if (seen.has(key))
        throw new Error(`${this.where(node)}: $ref chain loops back to ${this.where(current)}`);
      seen.add(key);
      current = this.resolveRef(current.value['$ref'], current);
    }
    return current;
  }

  /** `file#pointer` relative to the spec folder, for messages. */
  where(node: Pick<Located, 'file' | 'pointer'>): string {
    return `${this.name(node.file)}#${node.pointer}`;
  }

  name(file: string): string {
    return relative(this.root, resolve(file)).split(sep).join('/');
  }
}

export interface ConvertOptions {
  dialect: '3.0' | '3.1';
  direction: 'request' | 'response';
  unknownProperties: 'allow' | 'reject';
}

interface Context {
  /** This node is the outermost schema of an instance location (not a combinator branch). */
  outermost: boolean;
  /** Property names not required here (readOnly in requests, writeOnly in responses). */
  hidden: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();
/** Documentation only: Ajv would reject them as unknown keywords. */
const DOCUMENTATION = new Set(['example', 'externalDocs', 'xml']);
/**
 * Dropped: their `$ref`s (`#/$defs/x`) are document-relative in OpenAPI and get inlined like any
 * other, so the converted schema never refers to them.
 */
const INLINED_DEFINITIONS = new Set(['$defs', 'definitions']);
/** Keywords whose value is a map of property name (or pattern) → schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
/** Keywords whose value is one schema for a new instance location. */
const SUBSCHEMA_NEW_LOCATION = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'propertyNames',
]);
const COMBINATORS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Same instance location, but never closed: closing inside these changes their meaning. */
const SAME_LOCATION = new Set(['not', 'if', 'then', 'else']);

/**
 * Converts one OpenAPI schema (and everything it references) into a standalone JSON Schema
 * 2020-12 document. One converter per root schema: `$defs` for recursive references accumulate here.
 */
export function toJsonSchema(docs: DocumentSet, schema: Located, options: ConvertOptions): JsonObject {
  return new SchemaConverter(docs, options).root(schema);
}

class SchemaConverter {
  private readonly docs: DocumentSet;
  private readonly options: ConvertOptions;
  private readonly defs: Record<string, JsonSchema> = {};
  private readonly ids = new Map<string, string>();
  private readonly expanding = new Set<string>();
  private readonly recursive = new Set<string>();

  constructor(docs: DocumentSet, options: ConvertOptions) {
    this.docs = docs;
    this.options = options;
  }

  root(schema: Located): JsonObject {
    const converted = this.schema(schema, { outermost: true, hidden: NONE });
    const root: JsonObject =
      typeof converted === 'boolean' ? (converted ? {} : { not: {} }) : { ...converted };
    if (Object.keys(this.defs).length > 0) root['$defs'] = this.defs;
    return root;
  }

  private schema(node: Located, context: Context): JsonSchema {
    const { value } = node;
    if (typeof value === 'boolean') return value;
    if (!isObject(value)) throw new Error(`${this.docs.where(node)}: a schema must be an object`);
    if (typeof value['$ref'] === 'string') return this.reference(node, value, context);

    const dialect30 = this.options.dialect === '3.0';
    const nullable = dialect30 && value['nullable'] === true;
    const hidden = new Set([...context.hidden, ...this.hiddenProperties(node, new Set())]);
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      const at: Located = { value: child, file: node.file, pointer: pointerChild(node.pointer, key) };
      if (key.startsWith('x-') || DOCUMENTATION.has(key) || INLINED_DEFINITIONS.has(key)) continue;
      if (key === 'nullable' && dialect30) continue;
      if (SCHEMA_MAPS.has(key)) {
        // DigitalOcean writes a whole `properties` map as a $ref (load_balancer.yml).
        const map = this.docs.deref(at);
        if (!isObject(map.value)) throw new Error(`${this.docs.where(map)}: ${key} must be a map`);
        const converted: JsonObject = {};
        for (const [name, sub] of Object.entries(map.value)) {
          converted[name] = this.schema(
            { value: sub, file: map.file, pointer: pointerChild(map.pointer, name) },
            { outermost: true, hidden: NONE },
          );
        }
        out[key] = converted;
      } else if (SUBSCHEMA_NEW_LOCATION.has(key) || key === 'prefixItems') {
        out[key] = Array.isArray(child)
          ? child.map((item, i) => this.schema(this.item(at, item, i), { outermost: true, hidden: NONE }))
          : this.schema(at, { outermost: true, hidden: NONE });
      } else if (COMBINATORS.has(key)) {
        if (!Array.isArray(child)) throw new Error(`${this.docs.where(at)}: ${key} must be an array`);
        out[key] = child.map((item, i) => this.schema(this.item(at, item, i), { outermost: false, hidden }));
      } else if (SAME_LOCATION.has(key)) {
        out[key] = this.schema(at, { outermost: false, hidden: key === 'not' ? NONE : hidden });
      } else if (key === 'required' && Array.isArray(child)) {
        out[key] = child.filter((name) => !hidden.has(String(name)));
      } else if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof child === 'boolean') {
        const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
        if (child && typeof value[bound] === 'number') out[key] = value[bound];
      } else {
        out[key] = child;
      }
    }
    for (const key of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
      const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
      if (value[key] === true && typeof out[key] === 'number') delete out[bound];
    }
    let result: JsonObject = out;
    if (nullable) {
      if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
      else if (Array.isArray(out['type']) && !out['type'].includes('null'))
        out['type'] = [...out['type'], 'null'];
      if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
      if (out['type'] === undefined && out['enum'] === undefined) result = { anyOf: [{ type: 'null' }, out] };
    }
    if (
      context.outermost &&
      this.options.unknownProperties === 'reject' &&
      out['additionalProperties'] === undefined &&
      out['unevaluatedProperties'] === undefined &&
      declaresProperties(out)
    ) {
      out['unevaluatedProperties'] = false;
    }
    return result;
  }

  private reference(node: Located, value: JsonObject, context: Context): JsonSchema {
    const target = this.docs.resolveRef(value['$ref'] as string, node);
    const key = [
      this.docs.where(target),
      context.outermost ? 'outer' : 'branch',
      [...context.hidden].sort().join(','),
    ].join('|');
    if (this.expanding.has(key)) {
      this.recursive.add(key);
      return { $ref: `#/$defs/${this.idFor(key)}` };
    }
    this.expanding.add(key);
    let converted: JsonSchema;
    try {
      converted = this.schema(target, context);
    } finally {
      this.expanding.delete(key);
    }
    if (this.recursive.has(key)) {
      const ref = `#/$defs/${this.idFor(key)}`;
      if (isObject(converted) && converted['$ref'] === ref) {
        throw new Error(
          `${this.docs.where(node)}: $ref cycle with no schema in it (${this.docs.where(target)})`,
        );
      }
      this.defs[this.idFor(key)] = converted;
      converted = { $ref: ref };
    }
    const siblings = Object.keys(value).filter(
      (k) =>
        k !== '$ref' &&
        k !== 'description' &&
        k !== 'summary' &&
        !k.startsWith('x-') &&
        !DOCUMENTATION.has(k),
    );
    if (this.options.dialect === '3.1' && siblings.length > 0) {
      const rest: JsonObject = {};
      for (const k of siblings) rest[k] = value[k];
      const restSchema = this.schema({ ...node, value: rest }, { outermost: false, hidden: context.hidden });
      return { allOf: [converted, restSchema] };
    }
    return converted;
  }

  private item(array: Located, value: unknown, index: number): Located {
    return { value, file: array.file, pointer: pointerChild(array.pointer, index) };
  }

  private idFor(key: string): string {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `d${this.ids.size}`;
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * Names of the properties of this object (its own and its allOf/anyOf/oneOf branches', the
   * same instance) that must not be required in this direction.
   */
  private hiddenProperties(node: Located, visited: Set<string>): Set<string> {
    const names = new Set<string>();
    const resolved = this.docs.deref(node);
    const key = this.docs.where(resolved);
    if (visited.has(key) || !isObject(resolved.value)) return names;
    visited.add(key);
    const marker = this.options.direction === 'request' ? 'readOnly' : 'writeOnly';
    const value = resolved.value;
    if (value['properties'] !== undefined) {
      const map = this.docs.deref({
        value: value['properties'],
        file: resolved.file,
        pointer: pointerChild(resolved.pointer, 'properties'),
      });
      if (isObject(map.value)) {
        for (const [name, sub] of Object.entries(map.value)) {
          const property = this.docs.deref({
            value: sub,
            file: map.file,
            pointer: pointerChild(map.pointer, name),
          });
          if (isObject(property.value) && property.value[marker] === true) names.add(name);
        }
      }
    }
    for (const combinator of COMBINATORS) {
      const branches = value[combinator];
      if (!Array.isArray(branches)) continue;
      branches.forEach((branch, i) => {
        const at = {
          value: branch,
          file: resolved.file,
          pointer: pointerChild(pointerChild(resolved.pointer, combinator), i),
        };
        for (const name of this.hiddenProperties(at, visited)) names.add(name);
      });
    }
    return names;
  }
}

/** True when closing this object schema means something: it (or a branch) names properties. */
function declaresProperties(schema: JsonSchema): boolean {
  if (!isObject(schema)) return false;
  if (schema['properties'] !== undefined || schema['patternProperties'] !== undefined) return true;
  if (typeof schema['$ref'] === 'string') return true;
  for (const combinator of COMBINATORS) {
    const branches = schema[combinator];
    if (Array.isArray(branches) && branches.some((branch) => declaresProperties(branch as JsonSchema)))
      return true;
  }
  return false;
}
