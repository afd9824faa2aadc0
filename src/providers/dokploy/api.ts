/**
 * Dokploy's certificate procedures over HTTP, in whichever dialect the server speaks.
 *
 * The dialect is found once per run, by the first listing, without ever presenting the key again
 * after the server refused it. Dokploy authenticates before it routes (DOKPLOY-NOTES.md): a wrong
 * key gets 401 on every path, a valid key on a route that does not exist gets 404. So:
 * - `GET /api/certificates.all` with `x-api-key` (the real server): 200 is the answer; 401 is a
 *   refused key, and the run stops there: the key is not sent again, in another header or to
 *   another route (a refused key tried in every form is a key handed to whatever answers);
 * - only a 404 there (the key was not refused: that route does not exist at this address) goes on
 *   to `GET /api/certificate.all` with a Bearer key, the form third-party documents describe. A
 *   401 there stops the run the same way; a 404 means there is no certificate API at the URL.
 * A server of the documented form that refused `x-api-key` before routing would stop at the
 * first step as a refused key: that is the price of never re-sending a refused key.
 *
 * The winner is used for every later call. One HttpClient per dialect, because the key travels
 * in a different header; the second is made only if the first dialect is not the one. Private
 * keys in listings stop in rows.ts.
 */
import {
  HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type Transport,
} from '../http.ts';
import { ProviderError } from '../errors.ts';
import type { CreateCertificateInput, ReloadTraefikInput, RemoveCertificateInput } from './contracts.ts';
import { DIALECTS, type Dialect } from './dialect.ts';
import { replyError } from './reply-errors.ts';
import { type ListedCertificate, readListing, readRow } from './rows.ts';

export interface DokployApiOptions extends Transport {
  apiKey: string;
  /** The API base, ending in /api (base-url.ts). */
  baseUrl: string;
  redactor: HttpClientOptions['redactor'];
  /** The fix of a refused key, worded for the run (keyFix); default: everything apply needs. */
  authFix?: string;
  /** The fix of a key refused after it worked in this run (rateLimitFix). */
  rateLimitFix?: string;
}

const RELOAD_AUTH_FIX =
  'Reloading Traefik needs an API key of the owner or an admin: use one, or turn the Traefik reload off ' +
  '(then reload Traefik yourself so it serves the new certificate; see Dokploy issue #4503).';

type Procedure = 'all' | 'create' | 'remove';

const PROCEDURES: Record<Procedure, string> = {
  all: 'the certificate list',
  create: 'the certificate upload',
  remove: 'the certificate removal',
};

interface Detected {
  dialect: Dialect;
  rows: ListedCertificate[];
}

export class DokployApi {
  private readonly options: DokployApiOptions;
  private readonly clients = new Map<Dialect['name'], HttpClient>();
  private chosen: Dialect | undefined;
  private detection: Promise<Detected> | undefined;
  /**
   * The server has accepted the key in this run. A later bare 401 is then not a wrong key:
   * most likely Dokploy's per-key rate limit (reply-errors.ts says so).
   */
  private keyAccepted = false;

  constructor(options: DokployApiOptions) {
    this.options = options;
    // Made now so that a bad URL fails before anything else happens.
    this.client(DIALECTS[0]!);
  }

  /** The API base URL (for labels). */
  get baseUrl(): URL {
    return this.client(DIALECTS[0]!).baseUrl;
  }

  requestCount(): number {
    let count = 0;
    for (const client of this.clients.values()) count += client.requestCount;
    return count;
  }

  /** Every certificate of the key's organization. */
  async all(): Promise<ListedCertificate[]> {
    if (this.chosen === undefined) return (await this.detect()).rows;
    const res = await this.certificates(this.chosen, 'all', 'GET');
    return readListing(res.body, this.what(this.chosen, 'all'));
  }

  /**
   * The created row, or undefined when the reply does not describe it: the certificate exists
   * then, and the caller finds it in the listing rather than failing a create that worked.
   */
  async create(input: CreateCertificateInput): Promise<ListedCertificate | undefined> {
    const dialect = await this.ensureDialect();
    const res = await this.certificates(dialect, 'create', 'POST', input);
    try {
      return readRow(res.body, `the reply to ${this.what(dialect, 'create')}`);
    } catch {
      return undefined;
    }
  }

  /**
   * A remove is safe to send twice: the second finds nothing, which is what a remove wants. An
   * unknown id is `already-gone`; another organization's id is refused (401) like a wrong key.
   */
  async remove(certificateId: string): Promise<'removed' | 'already-gone'> {
    const dialect = await this.ensureDialect();
    const body: RemoveCertificateInput = { certificateId };
    const res = await this.certificates(dialect, 'remove', 'POST', body, [404]);
    return res.status === 404 ? 'already-gone' : 'removed';
  }

  /** Restart Traefik (on a remote server when `serverId` is given) so it reads the certificate files again. */
  async reloadTraefik(serverId: string | undefined): Promise<void> {
    const dialect = await this.ensureDialect();
    const body: ReloadTraefikInput = serverId === undefined ? {} : { serverId };
    const path = '/settings.reloadTraefik';
    // A reload is a restart: safe to repeat, and its 500 is usually a passing Docker hiccup.
    const res = await this.client(dialect).request({
      method: 'POST',
      path,
      body,
      retry: 'idempotent',
      retryServerErrors: true,
    });
    if (!ok(res)) throw this.error(res, `the Traefik reload (POST ${this.pathOf(path)})`, RELOAD_AUTH_FIX);
    this.keyAccepted = true;
  }

  private async ensureDialect(): Promise<Dialect> {
    return this.chosen ?? (await this.detect()).dialect;
  }

  /** Once per run; a failed detection is forgotten so a later call can try again. */
  private detect(): Promise<Detected> {
    this.detection ??= this.probe().catch((thrown: unknown) => {
      this.detection = undefined;
      throw thrown;
    });
    return this.detection;
  }

  /** See the top of this file: a 401 ends the detection, only a 404 moves on to the next dialect. */
  private async probe(): Promise<Detected> {
    for (const dialect of DIALECTS) {
      const path = `/${dialect.router}.all`;
      const what = this.what(dialect, 'all');
      const res = await this.client(dialect).request({ method: 'GET', path, retry: 'idempotent' });
      this.options.debug?.(`Dokploy: ${dialect.description}: GET ${this.pathOf(path)} → ${res.status}`);
      if (res.status === 404) continue;
      if (!ok(res)) throw this.error(res, what, this.options.authFix);
      this.keyAccepted = true;
      const rows = readListing(res.body, what);
      this.chosen = dialect;
      this.options.debug?.(`Dokploy: speaking ${dialect.description}`);
      return { dialect, rows };
    }
    const tried = DIALECTS.map((d) => `GET ${this.pathOf(`/${d.router}.all`)}`).join(' and ');
    throw new ProviderError(
      'NOT_FOUND',
      `Dokploy: no certificate API at ${this.baseUrl.origin}: ${tried} both answered 404.`,
      {
        status: 404,
        fix: 'Give the address of the Dokploy dashboard, e.g. https://dokploy.example.com (with or without /api).',
      },
    );
  }

  /**
   * One certificate procedure; a reply that is neither a success nor one of `expected` becomes
   * an error. Only a create is `once`: the others may safely be sent again.
   */
  private async certificates(
    dialect: Dialect,
    procedure: Procedure,
    method: 'GET' | 'POST',
    body?: unknown,
    expected: number[] = [],
  ): Promise<HttpResponse> {
    const req: HttpRequest = {
      method,
      path: `/${dialect.router}.${procedure}`,
      retry: procedure === 'create' ? 'once' : 'idempotent',
    };
    if (body !== undefined) req.body = body;
    const res = await this.client(dialect).request(req);
    if (!ok(res) && !expected.includes(res.status)) {
      throw this.error(res, this.what(dialect, procedure), this.options.authFix);
    }
    if (ok(res)) this.keyAccepted = true;
    return res;
  }

  private error(res: HttpResponse, what: string, authFix: string | undefined): ProviderError {
    const { rateLimitFix } = this.options;
    return replyError(res, what, authFix, {
      keyAccepted: this.keyAccepted,
      ...(rateLimitFix === undefined ? {} : { rateLimitFix }),
    });
  }

  private what(dialect: Dialect, procedure: Procedure): string {
    const path = this.pathOf(`/${dialect.router}.${procedure}`);
    return `${PROCEDURES[procedure]} (${procedure === 'all' ? 'GET' : 'POST'} ${path})`;
  }

  /** A procedure's path as the server sees it (`/api/certificates.all`), for messages. */
  private pathOf(path: string): string {
    return `${this.baseUrl.pathname.replace(/\/$/, '')}${path}`;
  }

  private client(dialect: Dialect): HttpClient {
    let client = this.clients.get(dialect.name);
    if (client === undefined) {
      const { apiKey, baseUrl, redactor, ...transport } = this.options;
      client = new HttpClient({
        ...transport,
        provider: 'Dokploy',
        baseUrl,
        headers: dialect.authHeaders(apiKey),
        redactor,
      });
      this.clients.set(dialect.name, client);
    }
    return client;
  }
}

function ok(res: HttpResponse): boolean {
  return res.status >= 200 && res.status < 300;
}
