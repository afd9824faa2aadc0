/**
 * The double's load balancers, strict where DigitalOcean is: a PUT REPLACES the whole load
 * balancer, and every attribute it leaves out goes back to the spec's default (an attribute the
 * double does not know is kept only if sent). So a client that drops attributes is caught by
 * comparing before and after. Region must be a slug, droplet_ids and tag are exclusive, network,
 * network_stack, type and vpc_uuid cannot change. Resource tags are not the PUT's to set (they
 * are attached through /v2/tags): a PUT keeps them. After a PUT the load balancer is busy for
 * `settleMs` (status `busyStatus`, and a PUT then gets the busy 403); a global load balancer
 * shows new domain certificates only `globalBindMs` later, and its edge serves them only
 * `globalServeMs` after that (the double's TLS side reads `edge`); a regional one serves its
 * forwarding rules' certificates as soon as they show.
 */
import { randomUUID } from 'node:crypto';
import type { LbDomain, LoadBalancer, Region } from '../../../src/providers/digitalocean/contracts.ts';
import type { Reply } from '../loopback.ts';
import { badRequest, forbidden, isObject, notFound, unprocessable } from './replies.ts';

export interface LoadBalancerOptions {
  settleMs: number;
  busyStatus: string;
  globalBindMs: number;
  /** After a global load balancer's domains show a new certificate, clients still get the old one this long. Default 0. */
  globalServeMs?: number;
}

/** A certificate a load balancer serves now, and for which names if the load balancer says (global: its domains). */
export interface EdgeBinding {
  loadBalancerId: string;
  certificateId: string;
  names?: string[];
}

export const BUSY_MESSAGE = "Load Balancer can't be updated while it processes previous actions";
export const DEFAULT_PROJECT = '9cc10173-e9ea-4176-9dbc-a4cee4c4ff30';
export const DEFAULT_VPC = 'c33931f2-a26a-4e61-b85c-4e95a2ec431b';

type Json = Record<string, unknown>;

/** load_balancer_base.yml defaults, for what a PUT leaves out. */
const HEALTH_CHECK = {
  protocol: 'http',
  port: 80,
  path: '/',
  check_interval_seconds: 10,
  response_timeout_seconds: 5,
  unhealthy_threshold: 5,
  healthy_threshold: 3,
};
const RESET: Json = {
  project_id: DEFAULT_PROJECT,
  algorithm: 'round_robin',
  redirect_http_to_https: false,
  enable_proxy_protocol: false,
  enable_backend_keepalive: false,
  http_idle_timeout_seconds: 60,
  disable_lets_encrypt_dns_records: false,
  tls_cipher_policy: 'DEFAULT',
  droplet_ids: [],
  tag: '',
  target_load_balancer_ids: [],
};
/** Cannot change after creation: left out means the default, which must equal what is there. */
const FIXED: Json = { network: 'EXTERNAL', network_stack: 'IPV4', type: 'REGIONAL', vpc_uuid: DEFAULT_VPC };
const SIZES: Record<number, string> = { 1: 'lb-small', 3: 'lb-medium', 6: 'lb-large' };
const UNITS: Record<string, number> = { 'lb-small': 1, 'lb-medium': 3, 'lb-large': 6 };
const READ_ONLY = new Set(['id', 'ip', 'ipv6', 'status', 'created_at']);
const HANDLED = new Set([
  ...Object.keys(RESET),
  ...Object.keys(FIXED),
  ...READ_ONLY,
  'name',
  'region',
  'size',
  'size_unit',
  'forwarding_rules',
  'health_check',
  'sticky_sessions',
  'firewall',
  'domains',
  'glb_settings',
  'tags',
]);

export const REGIONS: Record<string, Region> = Object.fromEntries(
  ['nyc3', 'ams3', 'fra1', 'sfo3', 'sgp1'].map((slug) => [
    slug,
    {
      name: slug.toUpperCase(),
      slug,
      features: ['private_networking', 'backups', 'ipv6', 'metadata', 'install_agent'],
      available: true,
      sizes: ['s-1vcpu-1gb', 's-1vcpu-2gb', 's-2vcpu-4gb'],
    },
  ]),
);

interface Stored {
  lb: Json;
  busyUntil: number;
  /** Sticky status (e.g. 'errored') instead of active/busy. */
  status?: string;
  /** A global load balancer's domains, bound in the background. */
  pending?: { domains: Json[]; at: number };
  /** A global load balancer's domains as its edge serves them, from `at` on (oldest first; pruned when read). */
  edge?: { domains: Json[]; at: number }[];
}

export class LoadBalancerStore {
  readonly byId = new Map<string, Stored>();
  private readonly options: LoadBalancerOptions;
  private readonly now: () => number;
  private readonly certificateExists: (id: string) => boolean;
  private readonly release: (ids: string[]) => void;

  constructor(
    options: LoadBalancerOptions,
    now: () => number,
    certificateExists: (id: string) => boolean,
    release: (ids: string[]) => void,
  ) {
    this.options = options;
    this.now = now;
    this.certificateExists = certificateExists;
    this.release = release;
  }

  /** Seed one; the result is what a GET shows. */
  add(seed: Json, extra: { busyForMs?: number; status?: string } = {}): LoadBalancer {
    const region = typeof seed['region'] === 'string' ? REGIONS[seed['region']] : undefined;
    const lb = build(seed, {
      id: typeof seed['id'] === 'string' ? seed['id'] : randomUUID(),
      ip: `203.0.113.${this.byId.size % 250}`,
      created_at: '2024-02-01T22:22:58Z',
      ...(region ? { region } : {}),
    });
    const stored: Stored = { lb, busyUntil: this.now() + (extra.busyForMs ?? 0) };
    if (extra.status !== undefined) stored.status = extra.status;
    if (lb['type'] === 'GLOBAL')
      stored.edge = [{ domains: structuredClone(lb['domains'] as Json[]), at: this.now() }];
    this.byId.set(lb['id'] as string, stored);
    return this.view(lb['id'] as string)!;
  }

  /** Apply background bindings whose time has come. */
  tick(): void {
    const now = this.now();
    for (const stored of this.byId.values()) {
      if (stored.pending && now >= stored.pending.at) {
        const before = referenced(stored);
        stored.lb['domains'] = stored.pending.domains;
        this.toEdge(stored, stored.pending.at);
        delete stored.pending;
        this.releaseDropped(before, referenced(stored));
      }
    }
  }

  view(id: string): LoadBalancer | undefined {
    const stored = this.byId.get(id);
    if (!stored) return undefined;
    const status = stored.status ?? (this.now() < stored.busyUntil ? this.options.busyStatus : 'active');
    return { ...structuredClone(stored.lb), status } as LoadBalancer;
  }

  all(): LoadBalancer[] {
    return [...this.byId.keys()].map((id) => this.view(id)!);
  }

  /** Certificate ids any load balancer shows or is about to show. */
  referencedIds(): Set<string> {
    return new Set([...this.byId.values()].flatMap(referenced));
  }

  get(id: string): Reply {
    const lb = this.view(id);
    return lb ? { status: 200, body: { load_balancer: lb } } : notFound();
  }

  put(id: string, body: unknown): Reply {
    const stored = this.byId.get(id);
    if (!stored) return notFound();
    const current = stored.lb;
    if (stored.status !== undefined || this.now() < stored.busyUntil) return forbidden(BUSY_MESSAGE);
    if (!isObject(body)) return badRequest();
    const global = current['type'] === 'GLOBAL';
    const region = body['region'];
    if (region !== undefined && typeof region !== 'string') {
      return badRequest('error parsing request body: region must be a region slug');
    }
    if (!global && region === undefined) return unprocessable('region is required');
    if (!global && region !== (current['region'] as Region).slug)
      return unprocessable('region cannot be changed');
    for (const [key, fallback] of Object.entries(FIXED)) {
      if ((body[key] ?? fallback) !== (current[key] ?? fallback))
        return unprocessable(`${key} cannot be changed`);
    }
    const next = build(body, {
      id,
      ip: current['ip'],
      created_at: current['created_at'],
      tags: current['tags'],
      ...(current['region'] ? { region: current['region'] } : {}),
    });
    const problem = invalid(next) ?? this.missingCertificate(next);
    if (problem) return unprocessable(problem);
    const before = referenced(stored);
    const domainsNow = current['domains'] as Json[] | undefined;
    if (
      global &&
      this.options.globalBindMs > 0 &&
      JSON.stringify(next['domains']) !== JSON.stringify(domainsNow)
    ) {
      stored.pending = { domains: next['domains'] as Json[], at: this.now() + this.options.globalBindMs };
      next['domains'] = domainsNow ?? [];
    }
    stored.lb = next;
    this.toEdge(stored, this.now());
    stored.busyUntil = this.now() + this.options.settleMs;
    this.releaseDropped(before, referenced(stored));
    return { status: 200, body: { load_balancer: this.view(id) } };
  }

  /** What each load balancer serves now: regional rules at once, global domains once their edge has them. */
  edge(): EdgeBinding[] {
    this.tick();
    const now = this.now();
    const bindings: EdgeBinding[] = [];
    for (const [loadBalancerId, stored] of this.byId) {
      if (!stored.edge) {
        for (const certificateId of idsIn({ forwarding_rules: stored.lb['forwarding_rules'] })) {
          bindings.push({ loadBalancerId, certificateId });
        }
        continue;
      }
      const live = stored.edge.filter((entry) => entry.at <= now).length;
      if (live > 1) stored.edge.splice(0, live - 1);
      for (const domain of stored.edge[0]?.domains ?? []) {
        const certificateId = domain['certificate_id'];
        if (typeof certificateId === 'string' && certificateId !== '' && typeof domain['name'] === 'string') {
          bindings.push({ loadBalancerId, certificateId, names: [domain['name']] });
        }
      }
    }
    return bindings;
  }

  /** The domains a global load balancer now shows reach its edge `globalServeMs` after `since`. */
  private toEdge(stored: Stored, since: number): void {
    if (!stored.edge) return;
    const domains = stored.lb['domains'] as Json[];
    const last = stored.edge[stored.edge.length - 1];
    if (last && JSON.stringify(last.domains) === JSON.stringify(domains)) return;
    stored.edge.push({ domains: structuredClone(domains), at: since + (this.options.globalServeMs ?? 0) });
  }

  private missingCertificate(lb: Json): string | undefined {
    const missing = idsIn(lb).find((certificateId) => !this.certificateExists(certificateId));
    return missing === undefined ? undefined : `certificate ${missing} could not be found`;
  }

  private releaseDropped(before: string[], after: string[]): void {
    const dropped = before.filter((id) => !after.includes(id));
    if (dropped.length > 0) this.release(dropped);
  }
}

/** A whole load balancer from a full body: what is missing takes the default. */
function build(body: Json, kept: Json): Json {
  const lb: Json = { ...kept };
  for (const [key, value] of Object.entries(body)) {
    if (!HANDLED.has(key)) lb[key] = structuredClone(value);
  }
  for (const [key, fallback] of Object.entries({ ...RESET, ...FIXED })) {
    lb[key] = structuredClone(body[key] ?? fallback);
  }
  lb['name'] = body['name'];
  lb['tags'] = structuredClone(kept['tags'] ?? body['tags'] ?? []);
  const unit = typeof body['size_unit'] === 'number' ? body['size_unit'] : UNITS[String(body['size'])];
  lb['size_unit'] = unit ?? 1;
  lb['size'] = SIZES[unit ?? 1] ?? 'lb-small';
  lb['forwarding_rules'] = Array.isArray(body['forwarding_rules'])
    ? body['forwarding_rules'].map((rule: Json) => ({ certificate_id: '', tls_passthrough: false, ...rule }))
    : body['forwarding_rules'];
  lb['health_check'] = { ...HEALTH_CHECK, ...(isObject(body['health_check']) ? body['health_check'] : {}) };
  lb['sticky_sessions'] = isObject(body['sticky_sessions'])
    ? structuredClone(body['sticky_sessions'])
    : { type: 'none' };
  const firewall = isObject(body['firewall']) ? body['firewall'] : {};
  lb['firewall'] = { deny: firewall['deny'] ?? [], allow: firewall['allow'] ?? [] };
  if (lb['type'] === 'GLOBAL') {
    lb['domains'] = (Array.isArray(body['domains']) ? body['domains'] : []).map((domain: LbDomain) => ({
      name: domain.name,
      is_managed: domain.is_managed ?? false,
      certificate_id: domain.certificate_id ?? '',
      status: 'ACTIVE',
    }));
  }
  if (isObject(body['glb_settings'])) lb['glb_settings'] = structuredClone(body['glb_settings']);
  return lb;
}

function invalid(lb: Json): string | undefined {
  if (typeof lb['name'] !== 'string' || lb['name'] === '') return 'name is required';
  const rules = lb['forwarding_rules'];
  if (!Array.isArray(rules) || rules.length === 0) return 'forwarding_rules must contain at least one rule';
  for (const rule of rules as Json[]) {
    for (const key of ['entry_protocol', 'entry_port', 'target_protocol', 'target_port']) {
      if (rule[key] === undefined) return `forwarding_rules: ${key} is required`;
    }
  }
  if ((lb['droplet_ids'] as unknown[]).length > 0 && lb['tag'] !== '') {
    return 'load balancer can have either droplet_ids or tag, not both';
  }
  return undefined;
}

function idsIn(lb: Json): string[] {
  const rules = (lb['forwarding_rules'] as Json[] | undefined) ?? [];
  const domains = (lb['domains'] as Json[] | undefined) ?? [];
  return [...rules, ...domains]
    .map((item) => item['certificate_id'])
    .filter((id): id is string => typeof id === 'string' && id !== '');
}

function referenced(stored: Stored): string[] {
  const pending = stored.pending ? idsIn({ domains: stored.pending.domains }) : [];
  return [...new Set([...idsIn(stored.lb), ...pending])];
}
