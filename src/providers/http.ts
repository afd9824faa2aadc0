/**
 * The one place provider HTTP happens: undici with keep-alive, timeouts and the runner's proxy
 * settings; retries with backoff and jitter for what is safe to retry; the shared rate limiter;
 * secrets kept out of every message.
 *
 * Retry rules. A request that never reached the server (connection refused, connect timeout) or
 * that the server refused to process (429) is always retried. After it may have been processed
 * (reset mid-request, header/body timeout, 502/503/504), only idempotent requests are retried; a
 * create fails as AMBIGUOUS so its caller can look whether it landed before trying again. A 500
 * is retried on reads (GET changes nothing, so asking again is always safe: godo's retrying
 * client, which Terraform's DigitalOcean provider uses, does the same) and where the caller says
 * so; a 500 on a write comes back to the caller, as does every other 4xx.
 */
import { Agent, type Dispatcher, EnvHttpProxyAgent, request } from 'undici';
import { ECHO_NOTICE, looksSecret, quotable, quoteValue, type Redactor } from '../secrets.ts';
import { USER_AGENT } from '../version.ts';
import { type Clock, realClock } from './clock.ts';
import { ProviderError } from './errors.ts';
import { headerNumber, type RateLimiter } from './rate-limit.ts';
import { causeChain, NOT_SENT } from '../network-errors.ts';
import { isLoopbackHost } from '../loopback.ts';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once this much time has passed since the first try. */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  budgetMs: 120_000,
};

export interface Timeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };

export interface HttpClientOptions {
  /** For messages: "DigitalOcean", "Dokploy". */
  provider: string;
  baseUrl: string;
  /** Sent with every request (authentication among them: its value must be in `redactor`). */
  headers: Record<string, string>;
  redactor: Redactor;
  allowInsecureHttp?: boolean;
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  /** For tests (MockAgent, a plain Agent to loopback); default: the runner's proxy settings. */
  dispatcher?: Dispatcher;
  limiter?: RateLimiter;
  /** Debug lines: method, path, status, timing. Never headers or bodies. */
  debug?: (line: string) => void;
}

/** How requests travel, shared by every provider: injectable for tests and benchmarks. */
export type Transport = Pick<
  HttpClientOptions,
  'allowInsecureHttp' | 'clock' | 'dispatcher' | 'limiter' | 'retry' | 'timeouts' | 'debug'
>;

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: Method;
  /** Appended to the base URL's path. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** 'idempotent': safe to send twice. 'once': a create; never resent after it may have landed. */
  retry: 'idempotent' | 'once';
  /**
   * The window of a limit this route has of its own (DigitalOcean's CDN: 5 per 10 s). A 429 that
   * names no wait is waited out for this long: that is what frees the limit.
   */
  limitWindowMs?: number;
  /**
   * Also retry 500 (with backoff) on an idempotent write whose 500 is usually passing, such as
   * Dokploy's Traefik reload, which restarts a service. Reads (GET) retry a 500 anyway.
   */
  retryServerErrors?: boolean;
}

export interface HttpResponse {
  status: number;
  /** Lowercase names. */
  headers: Record<string, string>;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  body: unknown;
  /** The raw text, redacted: the notice alone when the reply echoed part of a secret. */
  text: string;
  /**
   * The reply echoed part of a secret that was sent (a key, the token). An error reply that did
   * has no body either: no field of it is quoted, whatever escaping hid the echo.
   */
  echoed?: boolean;
}

/** Network errors after which the server may or may not have processed the request. */
const MAYBE_SENT = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);
const GATEWAY = new Set([502, 503, 504]);
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export class HttpClient {
  readonly baseUrl: URL;
  private readonly options: HttpClientOptions;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly dispatcher: Dispatcher;
  /** Requests sent, retries included: for reports and the request-count benchmarks. */
  requestCount = 0;

  constructor(options: HttpClientOptions) {
    this.options = options;
    this.baseUrl = checkBaseUrl(options.provider, options.baseUrl, options.allowInsecureHttp === true);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.clock = options.clock ?? realClock;
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    const agentOptions = {
      connect: { timeout: timeouts.connectMs },
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
      keepAliveTimeout: 10_000,
      maxResponseSize: MAX_RESPONSE_BYTES,
    };
    // Never through a proxy to this machine: the proxy's loopback is not ours, and plain http
    // (allowed to loopback only because it stays here) would carry the token off the machine.
    this.dispatcher =
      options.dispatcher ??
      (isLoopbackHost(this.baseUrl.hostname) ? new Agent(agentOptions) : new EnvHttpProxyAgent(agentOptions));
    this.timeouts = timeouts;
  }

  private readonly timeouts: Timeouts;

  async request(req: HttpRequest): Promise<HttpResponse> {
    const started = this.clock.now();
    const what = `${req.method} ${req.path}`;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.once(req);
      const retryIn = this.retryDelay(req, outcome, attempt);
      const elapsed = this.clock.now() - started;
      if (retryIn === undefined) return this.settle(req, outcome);
      if (attempt >= this.retry.attempts || elapsed + retryIn > this.retry.budgetMs) {
        return this.settle(req, outcome, attempt);
      }
      this.options.debug?.(`${what}: ${describe(outcome)}; retry ${attempt} in ${Math.round(retryIn)} ms`);
      await this.clock.sleep(retryIn);
    }
  }

  /** One try: a response, or the network error code it failed with. */
  private async once(req: HttpRequest): Promise<Outcome> {
    await this.options.limiter?.acquire();
    const url = new URL(this.baseUrl.href.replace(/\/$/, '') + req.path);
    for (const [name, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: 'application/json',
      ...this.options.headers,
    };
    let body: string | null = null;
    if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers['content-type'] = 'application/json';
    }
    this.requestCount++;
    const sentAt = this.clock.now();
    try {
      const res = await request(url, {
        method: req.method,
        headers,
        body,
        dispatcher: this.dispatcher,
        headersTimeout: this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyMs,
      });
      const raw = await res.body.text();
      const echoed = this.options.redactor.echoes(raw);
      const scrubbed = this.options.redactor.scrub(raw);
      const text = echoed ? ECHO_NOTICE : scrubbed;
      // A success is data the caller reads (a listing holds keys: scrubbed); an error is text to quote.
      const success = res.statusCode >= 200 && res.statusCode < 300;
      const parsed = echoed && !success ? undefined : parseJson(scrubbed);
      const responseHeaders = flatHeaders(res.headers);
      this.options.limiter?.observe(responseHeaders);
      this.options.debug?.(`${req.method} ${req.path} → ${res.statusCode} (${this.clock.now() - sentAt} ms)`);
      return {
        kind: 'response',
        response: {
          status: res.statusCode,
          headers: responseHeaders,
          body: parsed,
          text,
          ...(echoed ? { echoed } : {}),
        },
      };
    } catch (thrown) {
      const code = networkCode(thrown);
      this.options.debug?.(`${req.method} ${req.path} failed: ${code} (${this.clock.now() - sentAt} ms)`);
      return { kind: 'network', code };
    }
  }

  /** Milliseconds to wait before trying again, or undefined when this outcome is final. */
  private retryDelay(req: HttpRequest, outcome: Outcome, attempt: number): number | undefined {
    if (outcome.kind === 'network') {
      if (NOT_SENT.has(outcome.code)) return this.backoff(attempt);
      if (MAYBE_SENT.has(outcome.code) && req.retry === 'idempotent') return this.backoff(attempt);
      return undefined;
    }
    const { status, headers } = outcome.response;
    // Never sooner than the backoff, whatever the headers say: a 429 retried at once is another 429.
    if (status === 429) {
      return Math.max(this.rateLimitDelay(headers) ?? req.limitWindowMs ?? 0, this.backoff(attempt));
    }
    if (GATEWAY.has(status) && req.retry === 'idempotent') return this.backoff(attempt);
    if (
      status === 500 &&
      req.retry === 'idempotent' &&
      (req.method === 'GET' || req.retryServerErrors === true)
    )
      return this.backoff(attempt);
    return undefined;
  }

  /** Exponential, capped, with "equal jitter": half fixed, half random, so runs spread out. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return ceiling / 2 + (this.clock.random() * ceiling) / 2;
  }

  /**
   * `retry-after` (seconds or an HTTP date). Else `ratelimit-reset`, but only when
   * `ratelimit-remaining` is 0: it is when the HOURLY budget refills (DigitalOcean), up to an
   * hour away, and not what a burst 429 waits for. A far reset makes the budget check fail fast.
   */
  private rateLimitDelay(headers: Record<string, string>): number | undefined {
    const retryAfter = headers['retry-after'];
    if (retryAfter !== undefined) {
      const seconds = headerNumber(retryAfter);
      if (seconds !== undefined) return Math.max(0, seconds * 1000);
      const date = Date.parse(retryAfter);
      if (Number.isFinite(date)) return Math.max(0, date - this.clock.now());
    }
    const reset = headerNumber(headers['ratelimit-reset']);
    if (reset !== undefined && headerNumber(headers['ratelimit-remaining']) === 0) {
      return Math.max(0, reset * 1000 - this.clock.now());
    }
    return undefined;
  }

  /** The final outcome: a response goes back to the caller; a failure becomes a coded error. */
  private settle(req: HttpRequest, outcome: Outcome, attempts?: number): HttpResponse {
    const what = `${req.method} ${req.path}`;
    const tries = attempts === undefined ? '' : ` after ${attempts} ${attempts === 1 ? 'try' : 'tries'}`;
    const provider = this.options.provider;
    if (outcome.kind === 'network') {
      if (req.retry === 'once' && !NOT_SENT.has(outcome.code) && attempts === undefined) {
        throw new ProviderError(
          'AMBIGUOUS',
          `${provider}: ${what} failed (${outcome.code}) after the request may have reached the server.`,
          { fix: 'Run again: the rotation looks for what this request created before creating anything.' },
        );
      }
      throw new ProviderError('NETWORK', `${provider}: ${what} failed (${outcome.code})${tries}.`, {
        fix: `Check that ${quotable(this.baseUrl.host)} is reachable from this machine (and the proxy settings, if it uses one).`,
      });
    }
    const { status } = outcome.response;
    if (status === 429 && attempts !== undefined) {
      throw new ProviderError('RATE_LIMITED', `${provider}: ${what} was rate limited (429)${tries}.`, {
        status,
        fix: 'Lower concurrency, or run again after the rate limit resets.',
      });
    }
    if (GATEWAY.has(status)) {
      if (req.retry === 'once' && attempts === undefined) {
        throw new ProviderError(
          'AMBIGUOUS',
          `${provider}: ${what} got ${status} from a gateway; the request may have been processed.`,
          {
            status,
            fix: 'Run again: the rotation looks for what this request created before creating anything.',
          },
        );
      }
      throw new ProviderError('UNAVAILABLE', `${provider}: ${what} got ${status}${tries}.`, {
        status,
        fix: `${provider} is having trouble; run again later.`,
      });
    }
    return outcome.response;
  }
}

type Outcome = { kind: 'response'; response: HttpResponse } | { kind: 'network'; code: string };

function describe(outcome: Outcome): string {
  return outcome.kind === 'network' ? outcome.code : `HTTP ${outcome.response.status}`;
}

function networkCode(thrown: unknown): string {
  for (const { code } of causeChain(thrown)) {
    if (typeof code === 'string' && (NOT_SENT.has(code) || MAYBE_SENT.has(code))) return code;
  }
  const code = (thrown as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'NETWORK_ERROR';
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A base URL the action may send a token to: https, or plain http only to this machine or with
 * an explicit opt-in. Credentials in the URL are refused (they would end up in logs).
 */
export function checkBaseUrl(provider: string, raw: string, allowInsecureHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ProviderError('INSECURE_URL', `${provider}: ${quoteValue(raw.trim())} is not a URL.`, {
      fix: 'Give the full base URL, e.g. https://dokploy.example.com.',
    });
  }
  if (url.username || url.password) {
    throw new ProviderError(
      'INSECURE_URL',
      `${provider}: the URL must not contain a user name or password.`,
      {
        fix: 'Pass the credentials as the API token, not in the URL.',
      },
    );
  }
  // A token pasted where the address belongs would be sent as a host name and named in messages.
  if (looksSecret(url.host) || looksSecret(url.pathname)) {
    throw new ProviderError(
      'INSECURE_URL',
      `${provider}: the URL ${quotable(raw.trim())} looks like it holds a token or key.`,
      {
        fix: 'Give the base URL alone (e.g. https://dokploy.example.com) and the token as the API token.',
      },
    );
  }
  // Paths are appended to the base: a query or fragment on it would swallow them.
  url.search = '';
  url.hash = '';
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && (isLoopbackHost(url.hostname) || allowInsecureHttp)) return url;
  throw new ProviderError(
    'INSECURE_URL',
    url.protocol === 'http:'
      ? `${provider}: refusing to send the API token over plain http to ${quotable(url.host)}.`
      : `${provider}: unsupported URL scheme ${quoteValue(url.protocol)}.`,
    {
      fix:
        'Use an https:// address. Plain http is accepted only to this machine (localhost, 127.0.0.1, [::1]), ' +
        'e.g. through an SSH tunnel to the server.',
    },
  );
}
