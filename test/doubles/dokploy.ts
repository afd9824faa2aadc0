/**
 * Dokploy, played over real HTTP on 127.0.0.1 (LoopbackServer), in either dialect:
 * - `trpc` (default), what the server really does: `/api/certificates.*`, `x-api-key`, tRPC
 *   errors, a listing that returns every row whole (private key included) with its `server`;
 * - `docs`, as third-party documentation describes it: `/api/certificate.*`, a Bearer key,
 *   `{"error","message"}` errors, a listing without certificate data, and a `certificateChain`
 *   that this double appends to `certificateData` (the way a server that honours the field
 *   would serve it: so a client that sends both shows up as duplicated intermediates).
 *
 * Stateful like the real one: keys belong to organizations, every call is scoped to the key's
 * organization (another organization's id on remove is 401, or 403 in the docs dialect), rows
 * are stored exactly as given (no PEM, key or expiry check), `remove` answers `true` or 404.
 *
 * Order of checks as in Dokploy (DOKPLOY-NOTES.md, Authentication): under `/api/`, the key
 * first, then the route, permission, input, handler. So a wrong key gets 401 on every path,
 * even one that does not exist, and a valid key on an unknown route gets 404. Each call
 * verifies the key twice, and a key with a `rateLimit` (one created through the API) is refused
 * with the same bare 401 once its verifications are used up. `settings.reloadTraefik` answers
 * `200 true` at once; the restart happens afterwards, and its failure shows only in `serverLog`.
 * The docs dialect is a description, not a server: it routes first (an unknown route is 404
 * whatever the key), then checks its Bearer key.
 *
 * Its TLS side (`tlsAddress`:`tlsPort`) plays the Dokploy host's Traefik: the rows without a
 * server are its file provider's certificates, served by SNI for the names each leaf covers (an
 * exact name before a wildcard; among rows covering the same name, `traefikPrefers`), and a
 * self-signed "TRAEFIK DEFAULT CERT" for any other name. With `traefikStale` it plays issue 4503:
 * Traefik keeps serving the rows it had when it (re)started (seeded rows count as there before)
 * until a successful `settings.reloadTraefik` for the host; a failed restart changes nothing.
 * A row it cannot parse is skipped, as Traefik skips a bad file.
 */
import { randomBytes } from 'node:crypto';
import { Pki } from '../support/pki.ts';
import {
  type DokployDialect,
  type DokployServer,
  docsItem,
  errorReply,
  type Issue,
  invalidInput,
  type StoredCertificate,
  trpcListedRow,
  trpcRow,
  unauthenticated,
} from './dokploy-replies.ts';
import { type FaultRule, LoopbackServer, type RecordedRequest, type Reply } from './loopback.ts';
import { nameCovers, namesOf, type ServedPair, TlsFront } from './tls-front.ts';

export type { DokployDialect, DokployServer, StoredCertificate } from './dokploy-replies.ts';

export type Permission = 'read' | 'create' | 'delete';

export interface DokployKey {
  key: string;
  organizationId: string;
  /**
   * owner and admin may do everything (reloading Traefik too); a member only what `permissions`
   * grants. Default: a member with all three certificate permissions, which cannot reload Traefik.
   */
  role?: 'owner' | 'admin' | 'member';
  /** A member's certificate permissions; default all three. */
  permissions?: Permission[];
  /**
   * Verifications the key may have (better-auth's per-key rate limit: 10 a day for a key created
   * through the API without `rateLimitEnabled: false`). Unset: no limit, as for a key made with
   * the dashboard's form.
   */
  rateLimit?: number;
}

export interface DokployDoubleOptions {
  dialect?: DokployDialect;
  keys?: DokployKey[];
  servers?: DokployServer[];
  /** Dokploy Cloud: a create without serverId is refused (401, "Please set a server …"). */
  cloud?: boolean;
  /** For the docs dialect's status and expiry. */
  now?: () => Date;
  /** The Traefik restart that follows a reload fails (in the background: the reply is still `200 true`). */
  traefikRestartFails?: boolean;
  /** Issue 4503: new and removed certificates reach Traefik only with a reload. Default: at once. */
  traefikStale?: boolean;
  /** Several served rows cover the same name: the one created first (default) or last. */
  traefikPrefers?: 'first' | 'last';
}

export interface ReloadRecord {
  organizationId: string;
  serverId: string | null;
}

type Route = (req: RecordedRequest, key: DokployKey) => Reply;

export class DokployDouble {
  readonly dialect: DokployDialect;
  readonly server: LoopbackServer;
  /** Every settings.reloadTraefik that went through, in order. */
  readonly reloads: ReloadRecord[] = [];
  /** What the server writes to its own log and never to a client: how each Traefik restart ended. */
  readonly serverLog: string[] = [];
  private readonly rows = new Map<string, StoredCertificate>();
  private readonly keys = new Map<string, DokployKey>();
  private readonly servers = new Map<string, DokployServer>();
  private readonly cloud: boolean;
  private readonly now: () => Date;
  private readonly restartFails: boolean;
  /** Verifications each key has had (its rate limit counts them). */
  private readonly verified = new Map<string, number>();
  /** In stale mode, the rows Traefik loaded; undefined: it sees the rows as they are. */
  private loaded: StoredCertificate[] | undefined;
  private readonly prefers: 'first' | 'last';
  /** Names each row's leaf covers, by row (a row is never changed, only replaced). */
  private readonly names = new WeakMap<StoredCertificate, string[]>();
  private readonly pairs = new WeakMap<StoredCertificate, ServedPair>();
  private tls!: TlsFront;
  private defaultPair!: ServedPair;

  private constructor(server: LoopbackServer, options: DokployDoubleOptions) {
    this.server = server;
    this.dialect = options.dialect ?? 'trpc';
    this.cloud = options.cloud === true;
    this.now = options.now ?? (() => new Date());
    this.restartFails = options.traefikRestartFails === true;
    if (options.traefikStale === true) this.loaded = [];
    this.prefers = options.traefikPrefers ?? 'first';
    for (const key of options.keys ?? []) this.addKey(key);
    for (const s of options.servers ?? []) this.servers.set(s.serverId, s);
  }

  static async start(options: DokployDoubleOptions = {}): Promise<DokployDouble> {
    let double: DokployDouble | undefined;
    const server = await LoopbackServer.start((req) => double!.handle(req));
    double = new DokployDouble(server, options);
    try {
      double.defaultPair = await traefikDefaultCertificate();
      double.tls = await TlsFront.start((name) => double!.servedFor(name), double.defaultPair);
    } catch (error) {
      await server.close();
      throw error;
    }
    return double;
  }

  /** Where the host's Traefik serves certificates (connect with SNI). */
  get tlsAddress(): string {
    return this.tls.address;
  }

  get tlsPort(): number {
    return this.tls.port;
  }

  /** Traefik's own certificate, served for names no row covers. */
  get defaultCertificate(): string {
    return this.defaultPair.cert;
  }

  /** The dashboard's address (the API is under `/api`). */
  get url(): string {
    return this.server.url;
  }

  get requests(): RecordedRequest[] {
    return this.server.requests;
  }

  addKey(key: DokployKey): void {
    this.keys.set(key.key, key);
  }

  /** Store a row as if created earlier (through the dashboard, another run, another organization). */
  seed(
    row: Pick<StoredCertificate, 'name' | 'certificateData' | 'privateKey' | 'organizationId'> &
      Partial<StoredCertificate>,
  ): StoredCertificate {
    const stored = this.store(row);
    this.loaded?.push(this.rows.get(stored.certificateId)!);
    return stored;
  }

  private store(
    row: Pick<StoredCertificate, 'name' | 'certificateData' | 'privateKey' | 'organizationId'> &
      Partial<StoredCertificate>,
  ): StoredCertificate {
    const stored: StoredCertificate = {
      certificateId: row.certificateId ?? newId(),
      certificatePath: row.certificatePath ?? newId(),
      autoRenew: row.autoRenew ?? null,
      serverId: row.serverId ?? null,
      name: row.name,
      certificateData: row.certificateData,
      privateKey: row.privateKey,
      organizationId: row.organizationId,
    };
    this.rows.set(stored.certificateId, stored);
    return { ...stored };
  }

  /** Copies of the stored rows, of one organization or all, in creation order. */
  certificates(organizationId?: string): StoredCertificate[] {
    return [...this.rows.values()]
      .filter((row) => organizationId === undefined || row.organizationId === organizationId)
      .map((row) => ({ ...row }));
  }

  /** How many verifications `key` has had: two per authenticated call. */
  verifications(key: string): number {
    return this.verified.get(key) ?? 0;
  }

  inject(rule: FaultRule): void {
    this.server.inject(rule);
  }

  async close(): Promise<void> {
    await Promise.all([this.server.close(), this.tls.close()]);
  }

  /** The certificate Traefik on the Dokploy host serves for `name` (the default one is the caller's fallback). */
  private servedFor(name: string): ServedPair | undefined {
    const rows = (this.loaded ?? [...this.rows.values()]).filter((row) => row.serverId === null);
    if (this.prefers === 'last') rows.reverse();
    const covering = (exact: boolean) =>
      rows.find((row) =>
        this.namesOfRow(row).some(
          (pattern) => pattern.startsWith('*.') !== exact && nameCovers(pattern, name),
        ),
      );
    const row = covering(true) ?? covering(false);
    if (!row) return undefined;
    let pair = this.pairs.get(row);
    if (!pair) {
      pair = { cert: row.certificateData, key: row.privateKey };
      this.pairs.set(row, pair);
    }
    return pair;
  }

  private namesOfRow(row: StoredCertificate): string[] {
    let names = this.names.get(row);
    if (!names) {
      try {
        names = namesOf(row.certificateData);
      } catch {
        names = [];
      }
      this.names.set(row, names);
    }
    return names;
  }

  private get router(): string {
    return this.dialect === 'trpc' ? 'certificates' : 'certificate';
  }

  private handle(req: RecordedRequest): Reply {
    const api = req.path.startsWith('/api/');
    const procedure = api ? req.path.slice(5) : '';
    // The real server authenticates everything under /api/ before it routes; the docs dialect
    // (and anything outside /api/, a page of the dashboard) routes first.
    if (api && this.dialect === 'trpc') {
      const key = this.authenticate(req);
      if (!key) return unauthenticated(this.dialect);
      return this.route(req, procedure, key);
    }
    if (!this.routes[procedure]) return errorReply(this.dialect, 404, 'Not found', procedure);
    const key = this.authenticate(req);
    if (!key) return unauthenticated(this.dialect);
    return this.route(req, procedure, key);
  }

  private get routes(): Record<string, { method: string; route: Route }> {
    return {
      [`${this.router}.all`]: { method: 'GET', route: (r, k) => this.all(r, k) },
      [`${this.router}.one`]: { method: 'GET', route: (r, k) => this.one(r, k) },
      [`${this.router}.create`]: { method: 'POST', route: (r, k) => this.create(r, k) },
      [`${this.router}.remove`]: { method: 'POST', route: (r, k) => this.remove(r, k) },
      'settings.reloadTraefik': { method: 'POST', route: (r, k) => this.reloadTraefik(r, k) },
    };
  }

  private route(req: RecordedRequest, procedure: string, key: DokployKey): Reply {
    const found = this.routes[procedure];
    if (!found) return errorReply(this.dialect, 404, 'Not found', procedure);
    if (found.method !== req.method) return errorReply(this.dialect, 405, 'Method not allowed', procedure);
    return found.route(req, key);
  }

  /**
   * `x-api-key` for the real server (a Bearer header is ignored); `Authorization: Bearer` for the
   * docs. Dokploy verifies a key twice per call; a verification past the key's rate limit fails,
   * and the call gets the same bare 401 as a wrong key.
   */
  private authenticate(req: RecordedRequest): DokployKey | undefined {
    let presented: string | undefined;
    if (this.dialect === 'trpc') {
      const header = req.headers['x-api-key'];
      presented = Array.isArray(header) ? header[0] : header;
    } else {
      const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
      presented = match?.[1];
    }
    const key = presented === undefined ? undefined : this.keys.get(presented);
    if (!key) return undefined;
    for (let i = 0; i < 2; i++) {
      const used = this.verifications(key.key);
      if (key.rateLimit !== undefined && used >= key.rateLimit) return undefined;
      this.verified.set(key.key, used + 1);
    }
    return key;
  }

  /** Missing permission is a 401 UNAUTHORIZED in Dokploy (never 403); the docs dialect says 403. */
  private refuse(key: DokployKey, permission: Permission | 'admin', path: string): Reply | undefined {
    const role = key.role ?? 'member';
    if (role === 'owner' || role === 'admin') return undefined;
    if (permission !== 'admin' && (key.permissions ?? ['read', 'create', 'delete']).includes(permission)) {
      return undefined;
    }
    const message =
      permission === 'admin'
        ? 'Only owners and admins can do this'
        : `You do not have permission to ${permission} certificates`;
    return errorReply(this.dialect, this.dialect === 'trpc' ? 401 : 403, message, path);
  }

  private all(_req: RecordedRequest, key: DokployKey): Reply {
    const path = `${this.router}.all`;
    const refused = this.refuse(key, 'read', path);
    if (refused) return refused;
    const rows = this.certificates(key.organizationId);
    const body = rows.map((row) =>
      this.dialect === 'trpc' ? trpcListedRow(row, this.servers) : docsItem(row, this.now()),
    );
    return { status: 200, body };
  }

  private one(req: RecordedRequest, key: DokployKey): Reply {
    const path = `${this.router}.one`;
    const refused = this.refuse(key, 'read', path);
    if (refused) return refused;
    const id = req.query.get('certificateId') ?? '';
    if (id === '') return invalidInput(this.dialect, [tooSmall('certificateId')], path);
    const row = this.rows.get(id);
    if (!row) return errorReply(this.dialect, 404, 'Certificate not found', path);
    if (row.organizationId !== key.organizationId) {
      return errorReply(this.dialect, 401, 'You are not allowed to access this certificate', path);
    }
    return { status: 200, body: this.view(row) };
  }

  private create(req: RecordedRequest, key: DokployKey): Reply {
    const path = `${this.router}.create`;
    const refused = this.refuse(key, 'create', path);
    if (refused) return refused;
    const input = isRecord(req.body) ? req.body : {};
    const issues = createIssues(input, this.dialect);
    if (issues.length > 0) return invalidInput(this.dialect, issues, path);
    const serverId =
      typeof input['serverId'] === 'string' && input['serverId'] !== '' ? input['serverId'] : null;
    if (this.cloud && serverId === null) {
      return errorReply(this.dialect, 401, 'Please set a server to create a certificate', path);
    }
    let certificateData = input['certificateData'] as string;
    const chain = input['certificateChain'];
    if (this.dialect === 'docs' && typeof chain === 'string' && chain !== '') {
      certificateData += certificateData.endsWith('\n') ? chain : `\n${chain}`;
    }
    const row = this.store({
      name: input['name'] as string,
      certificateData,
      privateKey: input['privateKey'] as string,
      organizationId: key.organizationId, // whatever was sent: the key's organization wins
      serverId,
      ...(typeof input['certificatePath'] === 'string' ? { certificatePath: input['certificatePath'] } : {}),
      ...(typeof input['certificateId'] === 'string' ? { certificateId: input['certificateId'] } : {}),
      ...(typeof input['autoRenew'] === 'boolean' ? { autoRenew: input['autoRenew'] } : {}),
    });
    return { status: 200, body: this.view(row) };
  }

  private remove(req: RecordedRequest, key: DokployKey): Reply {
    const path = `${this.router}.remove`;
    const refused = this.refuse(key, 'delete', path);
    if (refused) return refused;
    const id = isRecord(req.body) ? req.body['certificateId'] : undefined;
    if (typeof id !== 'string' || id === '') {
      return invalidInput(
        this.dialect,
        [typeof id === 'string' ? tooSmall('certificateId') : required('certificateId')],
        path,
      );
    }
    const row = this.rows.get(id);
    if (!row) return errorReply(this.dialect, 404, 'Certificate not found', path);
    if (row.organizationId !== key.organizationId) {
      const status = this.dialect === 'trpc' ? 401 : 403;
      return errorReply(this.dialect, status, 'You are not allowed to delete this certificate', path);
    }
    this.rows.delete(id);
    return { status: 200, body: true };
  }

  private reloadTraefik(req: RecordedRequest, key: DokployKey): Reply {
    const path = 'settings.reloadTraefik';
    const refused = this.refuse(key, 'admin', path);
    if (refused) return refused;
    const serverId = isRecord(req.body) ? req.body['serverId'] : undefined;
    if (serverId !== undefined && typeof serverId !== 'string') {
      return invalidInput(
        this.dialect,
        [{ code: 'invalid_type', message: 'Expected string', path: ['serverId'] }],
        path,
      );
    }
    this.reloads.push({ organizationId: key.organizationId, serverId: serverId ?? null });
    // Fire-and-forget, as Dokploy does: the reply goes before the restart, which ends in the log only.
    const where = serverId ?? 'the Dokploy host';
    setImmediate(() => {
      this.serverLog.push(
        this.restartFails ? `Traefik restart on ${where} failed` : `Traefik restarted on ${where}`,
      );
      if (this.loaded && !this.restartFails && serverId === undefined) this.loaded = [...this.rows.values()];
    });
    return { status: 200, body: true };
  }

  /** A single row (create, one). */
  private view(row: StoredCertificate): unknown {
    return this.dialect === 'trpc' ? trpcRow(row) : docsItem(row, this.now());
  }
}

let defaultCertificate: Promise<ServedPair> | undefined;

/**
 * Traefik's self-signed fallback (CN "TRAEFIK DEFAULT CERT", a random `….traefik.default` name),
 * made once per test process at test time: every double serves the same one.
 */
function traefikDefaultCertificate(): Promise<ServedPair> {
  defaultCertificate ??= (async () => {
    const pki = await Pki.create();
    try {
      const hex = () => randomBytes(16).toString('hex');
      const issued = await pki.leaf('self', {
        cn: 'TRAEFIK DEFAULT CERT',
        dns: [`${hex()}.${hex()}.traefik.default`],
      });
      return { cert: issued.certPem, key: issued.keyPem };
    } finally {
      await pki.cleanup();
    }
  })().catch((error: unknown) => {
    defaultCertificate = undefined; // the next double tries again
    throw error;
  });
  return defaultCertificate;
}

/** Dokploy's create schema: three non-empty strings, organizationId a string (docs: optional). */
function createIssues(input: Record<string, unknown>, dialect: DokployDialect): Issue[] {
  const issues: Issue[] = [];
  for (const field of ['name', 'certificateData', 'privateKey']) {
    const value = input[field];
    if (typeof value !== 'string') issues.push(required(field));
    else if (value === '') issues.push(tooSmall(field));
  }
  if (dialect === 'trpc' && typeof input['organizationId'] !== 'string')
    issues.push(required('organizationId'));
  return issues;
}

function required(field: string): Issue {
  return { code: 'invalid_type', message: 'Required', path: [field] };
}

function tooSmall(field: string): Issue {
  return { code: 'too_small', message: 'String must contain at least 1 character(s)', path: [field] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Dokploy's ids are nanoids: 21 URL-safe characters. */
function newId(): string {
  return randomBytes(16).toString('base64url').slice(0, 21);
}
