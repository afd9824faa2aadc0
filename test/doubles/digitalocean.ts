/**
 * A stateful double of DigitalOcean's API on a real loopback server, played from the vendor's
 * OpenAPI excerpts and DIGITALOCEAN-NOTES.md: Bearer tokens with scopes, certificates checked and
 * fingerprinted from their PEMs, pagination with absolute links, load balancers whose PUT replaces
 * everything, CDN endpoints whose PUT resets the ttl, "in use" refusals that outlast a rebind for
 * a while, rate-limit headers on every reply and 429s past the limits. Faults come from
 * `server.inject`. Time is `now()`, so a test can share a fake clock with the client.
 *
 * Its TLS side (`tlsAddress`:`tlsPort`) serves, by SNI, the certificate each load balancer serves
 * now: a regional one its forwarding rules' certificates, for the names the leaf covers (or the
 * names given with `serveNames`); a global one each domain's certificate for that domain, once
 * its edge has it (`loadBalancers.globalServeMs`). Only uploads can be served (seeded certificates
 * have no PEM); a name nothing serves fails the handshake.
 */
import { randomBytes } from 'node:crypto';
import type { Certificate, CdnEndpoint, LoadBalancer } from '../../src/providers/digitalocean/contracts.ts';
import { CdnStore } from './digitalocean/cdn.ts';
import { type CertificateOptions, CertificateStore } from './digitalocean/certificates.ts';
import { type LimitOptions, RateLimits, REAL_LIMITS } from './digitalocean/limits.ts';
import { BUSY_MESSAGE, type LoadBalancerOptions, LoadBalancerStore } from './digitalocean/load-balancers.ts';
import { type PageOptions, paginate } from './digitalocean/pages.ts';
import { badRequest, errorReply, forbidden, notFound } from './digitalocean/replies.ts';
import { fakeCertificate, globalLoadBalancer, regionalLoadBalancer } from './digitalocean/seeds.ts';
import { LoopbackServer, type RecordedRequest, type Reply } from './loopback.ts';
import { nameCovers, type ServedPair, TlsFront } from './tls-front.ts';

export { BUSY_MESSAGE, fakeCertificate, globalLoadBalancer, regionalLoadBalancer };

/** The wording Terraform's provider matches first. */
export const IN_USE_MESSAGE = 'Make sure the certificate is not in use before deleting it.';
export const ALL_SCOPES = ['*'];

export interface DigitalOceanDoubleOptions {
  /** Accepted tokens and their scopes ('*': all). Default: one random token with every scope. */
  tokens?: Record<string, string[]>;
  /** The double's clock (ms); share a fake one with the client to skip waits. */
  now?: () => number;
  pages?: Partial<PageOptions>;
  certificates?: Partial<CertificateOptions>;
  loadBalancers?: Partial<LoadBalancerOptions>;
  /** After the last reference to a certificate goes, its delete is still refused this long. */
  stillInUseMs?: number;
  inUseMessage?: string;
  limits?: Partial<LimitOptions>;
}

type Route = {
  method: string;
  path: RegExp;
  scope: string;
  handle: (req: RecordedRequest, id: string) => Reply;
};

export class DigitalOceanDouble {
  readonly server: LoopbackServer;
  /** The first accepted token. */
  readonly token: string;
  readonly certificates: CertificateStore;
  readonly loadBalancers: LoadBalancerStore;
  readonly cdn: CdnStore;
  /** When each certificate's last reference went away. */
  readonly releasedAt = new Map<string, number>();
  readonly now: () => number;
  /** Names a load balancer serves, where a test says (instead of its certificates' own names). */
  private readonly servedNames = new Map<string, string[]>();
  private tls!: TlsFront;
  private readonly tokens: Record<string, string[]>;
  private readonly limits: RateLimits;
  private readonly pages: PageOptions;
  private readonly stillInUseMs: number;
  private readonly inUseMessage: string;
  private readonly routes: Route[];

  private constructor(server: LoopbackServer, options: DigitalOceanDoubleOptions) {
    this.server = server;
    this.now = options.now ?? Date.now;
    this.tokens = options.tokens ?? { [`dop_v1_${randomBytes(32).toString('hex')}`]: ALL_SCOPES };
    this.token = Object.keys(this.tokens)[0] ?? '';
    this.limits = new RateLimits({ ...REAL_LIMITS, ...options.limits }, this.now);
    this.pages = { linkBase: 'https://api.digitalocean.com', emptyLinks: 'object', ...options.pages };
    this.stillInUseMs = options.stillInUseMs ?? 0;
    this.inUseMessage = options.inUseMessage ?? IN_USE_MESSAGE;
    const exists = (id: string): boolean => this.certificates.byId.has(id);
    const release = (ids: string[]): void => {
      for (const id of ids) this.releasedAt.set(id, this.now());
    };
    this.certificates = new CertificateStore(
      { initialState: 'verified', verifiedAfterReads: 0, ...options.certificates },
      this.now,
    );
    this.loadBalancers = new LoadBalancerStore(
      { settleMs: 0, busyStatus: 'updating', globalBindMs: 0, ...options.loadBalancers },
      this.now,
      exists,
      release,
    );
    this.cdn = new CdnStore(exists, release);
    this.routes = this.routeTable();
  }

  static async start(options: DigitalOceanDoubleOptions = {}): Promise<DigitalOceanDouble> {
    let double: DigitalOceanDouble | undefined;
    const server = await LoopbackServer.start((req) => double!.handle(req));
    double = new DigitalOceanDouble(server, options);
    try {
      double.tls = await TlsFront.start((name) => double!.servedFor(name));
    } catch (error) {
      await server.close();
      throw error;
    }
    return double;
  }

  get url(): string {
    return this.server.url;
  }

  /** Where the load balancers' certificates are served (connect with SNI). */
  get tlsAddress(): string {
    return this.tls.address;
  }

  get tlsPort(): number {
    return this.tls.port;
  }

  async close(): Promise<void> {
    await Promise.all([this.server.close(), this.tls.close()]);
  }

  // --- seeding and looking -------------------------------------------------------------------

  /** `count` listed certificates named `${prefix}-1`…, without PEMs behind them. */
  addCertificates(count: number, prefix = 'seeded'): Certificate[] {
    return Array.from({ length: count }, (_, i) =>
      this.certificates.add(fakeCertificate(`${prefix}-${i + 1}`, this.now())),
    );
  }

  addCertificate(name: string, overrides: Partial<Certificate> = {}): Certificate {
    return this.certificates.add(fakeCertificate(name, this.now(), overrides));
  }

  /** `extra.serves`: the names its TLS side serves (see `serveNames`). */
  addLoadBalancer(
    seed: Record<string, unknown>,
    extra: { busyForMs?: number; status?: string; serves?: string[] } = {},
  ): LoadBalancer {
    const { serves, ...rest } = extra;
    const lb = this.loadBalancers.add(seed, rest);
    if (serves) this.serveNames(lb.id, serves);
    return lb;
  }

  /** The names load balancer `id` serves its certificates for (wildcards allowed), whatever they cover. */
  serveNames(id: string, names: string[]): void {
    this.servedNames.set(id, [...names]);
  }

  addCdnEndpoint(seed: Partial<CdnEndpoint> & { origin: string }): CdnEndpoint {
    return this.cdn.add(seed);
  }

  certificate(id: string): Certificate | undefined {
    return this.certificates.peek(id);
  }

  loadBalancer(id: string): LoadBalancer | undefined {
    this.loadBalancers.tick();
    return this.loadBalancers.view(id);
  }

  cdnEndpoint(id: string): CdnEndpoint | undefined {
    return this.cdn.view(id);
  }

  isInUse(id: string): boolean {
    this.loadBalancers.tick();
    if (this.loadBalancers.referencedIds().has(id) || this.cdn.referencedIds().has(id)) return true;
    const released = this.releasedAt.get(id);
    return released !== undefined && this.now() < released + this.stillInUseMs;
  }

  // --- serving -------------------------------------------------------------------------------

  /** The first binding whose names cover `name` and whose certificate the double has PEMs for. */
  private servedFor(name: string): ServedPair | undefined {
    for (const binding of this.loadBalancers.edge()) {
      const served = this.certificates.served(binding.certificateId);
      if (!served) continue;
      const names = this.servedNames.get(binding.loadBalancerId) ?? binding.names ?? served.names;
      if (names.some((pattern) => nameCovers(pattern, name))) return served.pair;
    }
    return undefined;
  }

  private handle(req: RecordedRequest): Reply {
    const scopes = this.scopesOf(req);
    if (scopes === undefined) {
      return errorReply(401, 'unauthorized', 'Unable to authenticate you.', this.limits.peek());
    }
    const limit = this.limits.take(req.path);
    if ('refused' in limit) return limit.refused;
    this.loadBalancers.tick();
    const reply = this.route(req, scopes);
    return { ...reply, headers: { ...limit.headers, ...reply.headers } };
  }

  private scopesOf(req: RecordedRequest): string[] | undefined {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    return match ? this.tokens[match[1]!] : undefined;
  }

  private route(req: RecordedRequest, scopes: string[]): Reply {
    for (const route of this.routes) {
      const match = route.path.exec(req.path);
      if (!match || route.method !== req.method) continue;
      if (!scopes.includes('*') && !scopes.includes(route.scope)) {
        return forbidden('You do not have access for the attempted action.');
      }
      if (req.rawBody.trim() !== '' && req.body === undefined) return badRequest();
      return route.handle(req, decodeURIComponent(match[1] ?? ''));
    }
    return notFound();
  }

  private routeTable(): Route[] {
    const list =
      <T>(key: string, items: () => T[], show?: (item: T) => unknown) =>
      (req: RecordedRequest): Reply => ({
        status: 200,
        body: paginate(items(), key, req.path, req.query, this.pages, show),
      });
    return [
      {
        method: 'GET',
        path: /^\/v2\/certificates$/,
        scope: 'certificate:read',
        handle: list(
          'certificates',
          () => [...this.certificates.byId.keys()],
          (id) => this.certificates.read(id),
        ),
      },
      {
        method: 'POST',
        path: /^\/v2\/certificates$/,
        scope: 'certificate:create',
        handle: (req) => this.certificates.create(req.body),
      },
      {
        method: 'GET',
        path: /^\/v2\/certificates\/([^/]+)$/,
        scope: 'certificate:read',
        handle: (_, id) => this.certificates.get(id),
      },
      {
        method: 'DELETE',
        path: /^\/v2\/certificates\/([^/]+)$/,
        scope: 'certificate:delete',
        handle: (_, id) => this.deleteCertificate(id),
      },
      {
        method: 'GET',
        path: /^\/v2\/load_balancers$/,
        scope: 'load_balancer:read',
        handle: list('load_balancers', () => this.loadBalancers.all()),
      },
      {
        method: 'GET',
        path: /^\/v2\/load_balancers\/([^/]+)$/,
        scope: 'load_balancer:read',
        handle: (_, id) => this.loadBalancers.get(id),
      },
      {
        method: 'PUT',
        path: /^\/v2\/load_balancers\/([^/]+)$/,
        scope: 'load_balancer:update',
        handle: (req, id) => this.loadBalancers.put(id, req.body),
      },
      {
        method: 'GET',
        path: /^\/v2\/cdn\/endpoints$/,
        scope: 'cdn:read',
        handle: list('endpoints', () => this.cdn.all()),
      },
      {
        method: 'GET',
        path: /^\/v2\/cdn\/endpoints\/([^/]+)$/,
        scope: 'cdn:read',
        handle: (_, id) => this.cdn.get(id),
      },
      {
        method: 'PUT',
        path: /^\/v2\/cdn\/endpoints\/([^/]+)$/,
        scope: 'cdn:update',
        handle: (req, id) => this.cdn.put(id, req.body),
      },
    ];
  }

  private deleteCertificate(id: string): Reply {
    if (!this.certificates.byId.has(id)) return notFound();
    if (this.isInUse(id)) return forbidden(this.inUseMessage);
    this.certificates.byId.delete(id);
    return { status: 204 };
  }
}
