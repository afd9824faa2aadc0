/**
 * The HTTP layer over real sockets: a LoopbackServer on 127.0.0.1 answers, fails, resets and
 * stalls on cue. Delays are asserted through a fake clock whose sleep returns at once and records
 * what was asked; socket timeouts run on real time (undici's header timer ticks at about 0.5 s,
 * so a 200 ms timeout fires within about a second: the stalls last far longer).
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, describe, it, type TestContext } from 'node:test';
import { inspect } from 'node:util';
import { Agent } from 'undici';
import type { Clock } from '../../src/providers/clock.ts';
import { isProviderError, type ProviderError, type ProviderErrorCode } from '../../src/providers/errors.ts';
import {
  checkBaseUrl,
  HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
} from '../../src/providers/http.ts';
import { RateLimiter } from '../../src/providers/rate-limit.ts';
import { Redactor } from '../../src/secrets.ts';
import { USER_AGENT, VERSION } from '../../src/version.ts';
import { type Handler, LoopbackServer } from '../../test/doubles/loopback.ts';

// EnvHttpProxyAgent reads these when a client is built: none may leak in from the machine.
const PROXY_VARS = [
  'http_proxy',
  'HTTP_PROXY',
  'https_proxy',
  'HTTPS_PROXY',
  'no_proxy',
  'NO_PROXY',
] as const;
const savedEnv = new Map(PROXY_VARS.map((name) => [name, process.env[name]]));
for (const name of PROXY_VARS) delete process.env[name];
after(() => {
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Made up; shaped like a DigitalOcean token so a redaction slip would be obvious. */
const TOKEN = 'dop_v1_test0123456789abcdef0123456789abcdef0123456789abcdef01234567';
const START = Date.UTC(2025, 5, 1, 12, 0, 0);

class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  t: number;
  rnd: number;
  /** Runs inside each sleep, after the time has moved on. */
  onSleep: ((ms: number) => Promise<void> | void) | undefined;

  constructor(rnd = 0.5, start = START) {
    this.rnd = rnd;
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += Math.max(0, ms);
    await this.onSleep?.(ms);
  }

  random(): number {
    return this.rnd;
  }
}

const ok: Handler = (req) => ({ status: 200, body: { ok: true, path: req.path } });

async function serve(t: TestContext, handler: Handler = ok): Promise<LoopbackServer> {
  const server = await LoopbackServer.start(handler);
  t.after(() => server.close());
  return server;
}

function redactorWith(...secrets: string[]): Redactor {
  const redactor = new Redactor();
  redactor.add(TOKEN);
  for (const secret of secrets) redactor.add(secret);
  return redactor;
}

function makeClient(
  base: LoopbackServer | string,
  clock: FakeClock,
  overrides: Partial<HttpClientOptions> = {},
): HttpClient {
  return new HttpClient({
    provider: 'TestCloud',
    baseUrl: typeof base === 'string' ? base : base.url,
    headers: { authorization: `Bearer ${TOKEN}` },
    redactor: redactorWith(),
    clock,
    retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: 60_000 },
    ...overrides,
  });
}

async function rejectsWith(promise: Promise<unknown>, code: ProviderErrorCode): Promise<ProviderError> {
  try {
    await promise;
  } catch (thrown) {
    assert.ok(isProviderError(thrown, code), `expected PROVIDER_${code}, got ${inspect(thrown)}`);
    return thrown;
  }
  return assert.fail(`expected PROVIDER_${code}, got a response`);
}

const get = { method: 'GET', path: '/things', retry: 'idempotent' } as const;
const create = { method: 'POST', path: '/things', body: { name: 'cert-a' }, retry: 'once' } as const;

/** A port nothing listens on: bound, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('HttpClient: a plain request', () => {
  it('sends method, path under the base path, query, JSON body and headers; parses the JSON reply', async (t) => {
    const server = await serve(t, (req) => ({
      status: 201,
      headers: { 'x-id': '7' },
      body: { got: req.body },
    }));
    const clock = new FakeClock();
    const client = makeClient(`${server.url}/api`, clock);
    const res = await client.request({
      method: 'POST',
      path: '/certificates.create',
      query: { page: 2, name: 'a b', skipped: undefined },
      body: { name: 'cert-a', n: 1 },
      retry: 'once',
    });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, { got: { name: 'cert-a', n: 1 } });
    assert.equal(res.headers['x-id'], '7');
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(JSON.parse(res.text).got.name, 'cert-a');

    const [seen, ...rest] = server.requests;
    assert.equal(rest.length, 0);
    assert.ok(seen);
    assert.equal(seen.method, 'POST');
    assert.equal(seen.path, '/api/certificates.create');
    assert.equal(seen.query.get('page'), '2');
    assert.equal(seen.query.get('name'), 'a b');
    assert.equal(seen.query.has('skipped'), false);
    assert.equal(seen.headers['content-type'], 'application/json');
    assert.equal(seen.headers.accept, 'application/json');
    assert.equal(seen.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(client.requestCount, 1);
    assert.deepEqual(clock.sleeps, []);
  });

  it('keeps the base path with or without a trailing slash, and sends no body or content-type on a GET', async (t) => {
    const server = await serve(t);
    for (const base of [`${server.url}/api`, `${server.url}/api/`]) {
      await makeClient(base, new FakeClock()).request({ ...get, path: '/certificates.all' });
    }
    await makeClient(server.url, new FakeClock()).request({ ...get, path: '/certificates.all' });
    assert.deepEqual(
      server.requests.map((r) => r.path),
      ['/api/certificates.all', '/api/certificates.all', '/certificates.all'],
    );
    for (const r of server.requests) {
      assert.equal(r.rawBody, '');
      assert.equal(r.headers['content-type'], undefined);
    }
  });

  it('gives body undefined for an empty or non-JSON reply, with the text as it came', async (t) => {
    const server = await serve(t, () => ({ status: 204 }));
    const empty = await makeClient(server, new FakeClock()).request(get);
    assert.equal(empty.status, 204);
    assert.equal(empty.body, undefined);
    assert.equal(empty.text, '');

    // The double always answers JSON; a gateway's HTML page needs a bare server.
    const page = '<html><body>Bad request</body></html>';
    const bare = createServer((_req, res) => res.writeHead(400, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => bare.close(() => resolve())));
    const { port } = bare.address() as AddressInfo;
    const html = await makeClient(`http://127.0.0.1:${port}`, new FakeClock()).request(get);
    assert.equal(html.status, 400);
    assert.equal(html.body, undefined);
    assert.equal(html.text, page);
  });

  it('uses a dispatcher it is given (a plain undici Agent)', async (t) => {
    const server = await serve(t);
    const agent = new Agent({ keepAliveTimeout: 1_000 });
    t.after(() => agent.close());
    const res = await makeClient(server, new FakeClock(), { dispatcher: agent }).request(get);
    assert.equal(res.status, 200);
    assert.equal(server.requests.length, 1);
  });
});

describe('redirects', () => {
  it('are not followed: the 3xx comes back, and the token goes nowhere else', async (t) => {
    const elsewhere = await serve(t);
    const server = await serve(t, () => ({ status: 302, headers: { location: `${elsewhere.url}/steal` } }));
    const res = await makeClient(server, new FakeClock()).request(get);
    assert.equal(res.status, 302);
    assert.equal(server.requests.length, 1);
    assert.equal(elsewhere.requests.length, 0);
  });
});

describe('User-Agent and version', () => {
  it('names the action and its version in the User-Agent of every request', async (t) => {
    const server = await serve(t);
    await makeClient(server, new FakeClock()).request(get);
    const ua = server.requests[0]?.headers['user-agent'];
    assert.equal(ua, USER_AGENT);
    assert.match(String(ua), new RegExp(`^cert-rotate-action/${VERSION.replaceAll('.', '\\.')} \\(node/`));
  });

  it('VERSION equals the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    assert.equal(VERSION, pkg.version);
  });
});

describe('idempotent requests: retried on gateway errors and dropped connections', () => {
  for (const status of [502, 503, 504]) {
    it(`retries a GET on ${status} and succeeds when it clears`, async (t) => {
      const server = await serve(t);
      server.inject({ fault: { kind: 'status', status }, times: 2 });
      const clock = new FakeClock();
      const client = makeClient(server, clock);
      const res = await client.request(get);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { ok: true, path: '/things' });
      assert.equal(server.requests.length, 3);
      assert.equal(client.requestCount, 3);
      assert.equal(clock.sleeps.length, 2);
    });
  }

  it('gives UNAVAILABLE (with the status) after `attempts` tries of 503', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'status', status: 503 }, times: Infinity });
    const clock = new FakeClock();
    const err = await rejectsWith(makeClient(server, clock).request(get), 'UNAVAILABLE');
    assert.equal(err.status, 503);
    assert.equal(err.code, 'PROVIDER_UNAVAILABLE');
    assert.match(err.message, /GET \/things got 503 after 3 tries/);
    assert.equal(server.requests.length, 3);
    assert.equal(clock.sleeps.length, 2);
  });

  it('retries PUT and DELETE like GET', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'status', status: 502 }, times: 1, method: 'PUT' });
    server.inject({ fault: { kind: 'status', status: 504 }, times: 1, method: 'DELETE' });
    const client = makeClient(server, new FakeClock());
    assert.equal(
      (await client.request({ method: 'PUT', path: '/x', body: {}, retry: 'idempotent' })).status,
      200,
    );
    assert.equal((await client.request({ method: 'DELETE', path: '/x', retry: 'idempotent' })).status, 200);
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['PUT', 'PUT', 'DELETE', 'DELETE'],
    );
  });

  it('retries a GET whose connection was reset, and succeeds when it clears', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'reset' }, times: 2 });
    const clock = new FakeClock();
    const res = await makeClient(server, clock).request(get);
    assert.equal(res.status, 200);
    assert.deepEqual(
      server.requests.map((r) => r.fault),
      ['reset', 'reset', undefined],
    );
    assert.equal(clock.sleeps.length, 2);
  });

  it('retries a GET answered then dropped (reset after handling)', async (t) => {
    let handled = 0;
    const server = await serve(t, (req) => {
      handled++;
      return ok(req);
    });
    server.inject({ fault: { kind: 'reset-after' } });
    const res = await makeClient(server, new FakeClock()).request(get);
    assert.equal(res.status, 200);
    assert.equal(handled, 2);
  });

  it('gives NETWORK (naming the failure) after `attempts` resets', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'reset' }, times: Infinity });
    const clock = new FakeClock();
    const err = await rejectsWith(makeClient(server, clock).request(get), 'NETWORK');
    assert.match(err.message, /GET \/things failed \((UND_ERR_SOCKET|ECONNRESET|EPIPE)\) after 3 tries/);
    assert.match(err.fix ?? '', /127\.0\.0\.1:\d+ is reachable/);
    assert.equal(server.requests.length, 3);
    assert.equal(clock.sleeps.length, 2);
  });

  it('starts no retry that would begin past budgetMs', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'status', status: 503 }, times: Infinity });
    const clock = new FakeClock(0);
    const retry = { attempts: 10, baseDelayMs: 400, maxDelayMs: 100_000, budgetMs: 1_000 };
    // Delays 200, 400, 800: the third would start at 1 400 ms > 1 000 ms.
    const err = await rejectsWith(makeClient(server, clock, { retry }).request(get), 'UNAVAILABLE');
    assert.deepEqual(clock.sleeps, [200, 400]);
    assert.equal(server.requests.length, 3);
    assert.match(err.message, /after 3 tries/);
  });

  it('counts the time the tries themselves take against the budget', async (t) => {
    const clock = new FakeClock(0);
    const server = await serve(t, () => {
      clock.t += 300; // every try "takes" 300 ms
      return { status: 503, body: {} };
    });
    const retry = { attempts: 10, baseDelayMs: 100, maxDelayMs: 100, budgetMs: 1_000 };
    await rejectsWith(makeClient(server, clock, { retry }).request(get), 'UNAVAILABLE');
    // Tries end at 300, 650, 1 000 ms (50 ms sleeps between): a fourth would start at 1 050 ms.
    assert.deepEqual(clock.sleeps, [50, 50]);
    assert.equal(server.requests.length, 3);
  });

  it('with budgetMs 0, makes exactly one try', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'status', status: 502 }, times: Infinity });
    const clock = new FakeClock();
    const retry = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: 0 };
    const err = await rejectsWith(makeClient(server, clock, { retry }).request(get), 'UNAVAILABLE');
    assert.match(err.message, /after 1 try\./);
    assert.deepEqual(clock.sleeps, []);
    assert.equal(server.requests.length, 1);
  });
});

describe('timeouts (real time)', { concurrency: true }, () => {
  const timeouts = { headersMs: 200 };

  it('retries a GET that stalled past the header timeout, and succeeds when it clears', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'stall', ms: 5_000 } });
    const clock = new FakeClock();
    const debug: string[] = [];
    const started = performance.now();
    const res = await makeClient(server, clock, { timeouts, debug: (l) => debug.push(l) }).request(get);
    assert.ok(performance.now() - started < 3_000, 'the client gave up long before the stall ended');
    assert.equal(res.status, 200);
    assert.deepEqual(
      server.requests.map((r) => r.fault),
      ['stall', undefined],
    );
    assert.equal(clock.sleeps.length, 1);
    assert.ok(
      debug.some((l) => l.includes('UND_ERR_HEADERS_TIMEOUT')),
      debug.join('\n'),
    );
  });

  it('gives NETWORK after `attempts` timeouts, through a plain Agent too', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'stall', ms: 5_000 }, times: Infinity });
    const agent = new Agent();
    t.after(() => agent.close());
    const clock = new FakeClock();
    const retry = { attempts: 2, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: 60_000 };
    const err = await rejectsWith(
      makeClient(server, clock, { timeouts, retry, dispatcher: agent }).request(get),
      'NETWORK',
    );
    assert.match(err.message, /failed \(UND_ERR_HEADERS_TIMEOUT\) after 2 tries/);
    assert.equal(server.requests.length, 2);
    assert.equal(clock.sleeps.length, 1);
  });

  it('gives AMBIGUOUS for a create that timed out, without resending it', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'stall', ms: 5_000 }, times: Infinity });
    const clock = new FakeClock();
    const err = await rejectsWith(makeClient(server, clock, { timeouts }).request(create), 'AMBIGUOUS');
    assert.match(err.message, /UND_ERR_HEADERS_TIMEOUT/);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(clock.sleeps, []);
  });
});

describe("requests with retry 'once' (creates)", () => {
  for (const status of [502, 503, 504]) {
    it(`gives AMBIGUOUS on ${status}: sent once, never resent`, async (t) => {
      const server = await serve(t);
      server.inject({ fault: { kind: 'status', status }, times: Infinity });
      const clock = new FakeClock();
      const client = makeClient(server, clock);
      const err = await rejectsWith(client.request(create), 'AMBIGUOUS');
      assert.equal(err.status, status);
      assert.match(err.fix ?? '', /looks for what this request created/);
      assert.equal(server.requests.length, 1);
      assert.equal(client.requestCount, 1);
      assert.deepEqual(clock.sleeps, []);
    });
  }

  it('gives AMBIGUOUS on a 503 after the write happened', async (t) => {
    const created: unknown[] = [];
    const server = await serve(t, (req) => {
      created.push(req.body);
      return { status: 201, body: { id: 1 } };
    });
    server.inject({ fault: { kind: 'status', status: 503, afterHandling: true } });
    await rejectsWith(makeClient(server, new FakeClock()).request(create), 'AMBIGUOUS');
    assert.deepEqual(created, [{ name: 'cert-a' }]);
    assert.equal(server.requests.length, 1);
  });

  it('gives AMBIGUOUS when the connection drops after the server handled it', async (t) => {
    const created: unknown[] = [];
    const server = await serve(t, (req) => {
      created.push(req.body);
      return { status: 201, body: { id: 1 } };
    });
    server.inject({ fault: { kind: 'reset-after' }, times: Infinity });
    const clock = new FakeClock();
    const err = await rejectsWith(makeClient(server, clock).request(create), 'AMBIGUOUS');
    assert.match(err.message, /POST \/things failed \((UND_ERR_SOCKET|ECONNRESET|EPIPE)\)/);
    assert.equal(err.status, undefined);
    assert.deepEqual(created, [{ name: 'cert-a' }]);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(clock.sleeps, []);
  });

  it('gives AMBIGUOUS on a reset before handling too: the client cannot tell the two apart', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'reset' }, times: Infinity });
    await rejectsWith(makeClient(server, new FakeClock()).request(create), 'AMBIGUOUS');
    assert.equal(server.requests.length, 1);
  });

  it('retries a refused connection (the request was never sent), then gives NETWORK', async () => {
    const port = await freePort();
    const clock = new FakeClock();
    const client = makeClient(`http://127.0.0.1:${port}`, clock);
    const err = await rejectsWith(client.request(create), 'NETWORK');
    assert.match(err.message, /POST \/things failed \(ECONNREFUSED\) after 3 tries/);
    assert.equal(client.requestCount, 3);
    assert.equal(clock.sleeps.length, 2);
  });

  it('a refused create succeeds once the server is up, reaching it exactly once', async (t) => {
    const port = await freePort();
    const clock = new FakeClock();
    let server: LoopbackServer | undefined;
    clock.onSleep = async () => {
      if (server) return;
      server = await LoopbackServer.start((req) => ({ status: 201, body: { created: req.body } }), { port });
      t.after(() => server?.close());
    };
    const res = await makeClient(`http://127.0.0.1:${port}`, clock).request(create);
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, { created: { name: 'cert-a' } });
    assert.equal(server?.requests.length, 1);
    assert.equal(clock.sleeps.length, 1);
  });

  it('retries a create refused with 429 (not processed)', async (t) => {
    const server = await serve(t, () => ({ status: 201, body: { id: 9 } }));
    server.inject({ fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } } });
    const clock = new FakeClock();
    const res = await makeClient(server, clock).request(create);
    assert.equal(res.status, 201);
    assert.equal(server.requests.length, 2);
    assert.deepEqual(clock.sleeps, [1_000]);
  });
});

describe('429: the wait the server asks for', () => {
  async function delayFor(
    t: TestContext,
    headers: Record<string, string>,
    kind: HttpRequest = get,
  ): Promise<number[]> {
    const server = await serve(t);
    server.inject({ fault: { kind: 'status', status: 429, headers } });
    const clock = new FakeClock();
    const res = await makeClient(server, clock).request(kind);
    assert.equal(res.status, 200);
    assert.equal(server.requests.length, 2);
    return clock.sleeps;
  }

  it('retry-after in seconds, for idempotent requests and creates alike', async (t) => {
    assert.deepEqual(await delayFor(t, { 'retry-after': '3' }), [3_000]);
    assert.deepEqual(await delayFor(t, { 'retry-after': '3' }, create), [3_000]);
  });

  it('retry-after as an HTTP date', async (t) => {
    const at = new Date(START + 5_000).toUTCString();
    assert.deepEqual(await delayFor(t, { 'retry-after': at }), [5_000]);
  });

  it('retry-after as an HTTP date already past: the ordinary backoff, never an instant retry', async (t) => {
    const at = new Date(START - 60_000).toUTCString();
    assert.deepEqual(await delayFor(t, { 'retry-after': at }), [75]);
  });

  it('ratelimit-reset while the hour still has requests left is not the wait (a burst 429): backoff', async (t) => {
    const reset = String(START / 1000 + 3_000);
    assert.deepEqual(await delayFor(t, { 'ratelimit-reset': reset, 'ratelimit-remaining': '120' }), [75]);
  });

  it('ratelimit-reset (a Unix time, seconds) when there is no retry-after', async (t) => {
    const reset = String(START / 1000 + 7);
    assert.deepEqual(await delayFor(t, { 'ratelimit-reset': reset, 'ratelimit-remaining': '0' }), [7_000]);
  });

  it('retry-after wins over ratelimit-reset', async (t) => {
    const reset = String(START / 1000 + 40);
    assert.deepEqual(await delayFor(t, { 'retry-after': '2', 'ratelimit-reset': reset }), [2_000]);
  });

  it('a route with a limit of its own waits out that window when the 429 names no wait', async (t) => {
    assert.deepEqual(await delayFor(t, {}, { ...get, limitWindowMs: 10_000 }), [10_000]);
    assert.deepEqual(await delayFor(t, { 'retry-after': '2' }, { ...get, limitWindowMs: 10_000 }), [2_000]);
  });

  it('neither usable: the ordinary backoff', async (t) => {
    // random 0.5, base 100: 100/2 + 0.5 * 100/2 = 75.
    assert.deepEqual(await delayFor(t, { 'retry-after': 'soon' }), [75]);
    assert.deepEqual(await delayFor(t, { 'ratelimit-reset': 'later' }), [75]);
  });

  it('blank headers are not "0 seconds": the ordinary backoff, not an instant retry', async (t) => {
    assert.deepEqual(await delayFor(t, { 'retry-after': '' }), [75]);
    assert.deepEqual(await delayFor(t, { 'retry-after': ' ', 'ratelimit-reset': '' }), [75]);
  });

  it('gives RATE_LIMITED (status 429) after `attempts` tries, for both kinds', async (t) => {
    const server = await serve(t);
    server.inject({
      fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
      times: Infinity,
    });
    for (const req of [get, create]) {
      const clock = new FakeClock();
      const err = await rejectsWith(makeClient(server, clock).request(req), 'RATE_LIMITED');
      assert.equal(err.status, 429);
      assert.match(err.message, /rate limited \(429\) after 3 tries/);
      assert.deepEqual(clock.sleeps, [1_000, 1_000]);
    }
    assert.equal(server.requests.length, 6);
  });

  it('gives RATE_LIMITED at once when the wait asked for is past the budget', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'status', status: 429, headers: { 'retry-after': '3600' } } });
    const clock = new FakeClock();
    const err = await rejectsWith(makeClient(server, clock).request(get), 'RATE_LIMITED');
    assert.match(err.message, /after 1 try\./);
    assert.deepEqual(clock.sleeps, []);
    assert.equal(server.requests.length, 1);
  });
});

describe('statuses that are not retried come back to the caller', () => {
  for (const status of [400, 401, 403, 404, 409, 422]) {
    it(`${status}: one request, the response returned with its parsed body`, async (t) => {
      const server = await serve(t, () => ({ status, body: { id: 'unprocessable', message: `m${status}` } }));
      for (const req of [get, create]) {
        const clock = new FakeClock();
        const res: HttpResponse = await makeClient(server, clock).request(req);
        assert.equal(res.status, status);
        assert.deepEqual(res.body, { id: 'unprocessable', message: `m${status}` });
        assert.deepEqual(clock.sleeps, []);
      }
      assert.equal(server.requests.length, 2);
    });
  }

  it("500 on a write: one request, the response returned (a create may have landed; an update is the caller's to judge)", async (t) => {
    const server = await serve(t, () => ({ status: 500, body: { id: 'server_error', message: 'm500' } }));
    for (const req of [create, { ...get, method: 'PUT' as const }, { ...get, method: 'DELETE' as const }]) {
      const clock = new FakeClock();
      const res = await makeClient(server, clock).request(req);
      assert.equal(res.status, 500);
      assert.deepEqual(clock.sleeps, []);
    }
    assert.equal(server.requests.length, 3);
  });
});

describe('500 on a read: retried like a gateway error', () => {
  it('a GET that gets 500 once is asked again after the backoff, and the run goes on', async (t) => {
    const server = await serve(t);
    server.inject({ method: 'GET', fault: { kind: 'status', status: 500, body: { message: 'passing' } } });
    const clock = new FakeClock();
    const res = await makeClient(server, clock).request(get);
    assert.equal(res.status, 200);
    assert.equal(server.requests.length, 2);
    assert.deepEqual(clock.sleeps, [75]);
  });

  it('a GET that keeps getting 500 stops at the attempts the policy allows, with the last reply', async (t) => {
    const server = await serve(t, () => ({ status: 500, body: { message: 'lasting' } }));
    const clock = new FakeClock();
    const res = await makeClient(server, clock).request(get);
    assert.equal(res.status, 500);
    assert.equal(server.requests.length, 3);
    assert.deepEqual(clock.sleeps, [75, 150]);
  });
});

describe('retryServerErrors: a 500 retried only where the caller says it is safe', () => {
  it('retries a 500 for an idempotent request that asks for it, and not for a create', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'status', status: 500 } });
    const clock = new FakeClock();
    const res = await makeClient(server, clock).request({ ...get, method: 'POST', retryServerErrors: true });
    assert.equal(res.status, 200);
    assert.equal(server.requests.length, 2);
    server.inject({ fault: { kind: 'status', status: 500 } });
    const once = await makeClient(server, new FakeClock()).request({ ...create, retryServerErrors: true });
    assert.equal(once.status, 500, 'a create is never resent on a 500');
  });
});

describe('backoff: exponential, equal jitter, capped', () => {
  async function sleepsWith(t: TestContext, random: number, fault: 'status' | 'reset'): Promise<number[]> {
    const server = await serve(t);
    server.inject({
      fault: fault === 'status' ? { kind: 'status', status: 503 } : { kind: 'reset' },
      times: Infinity,
    });
    const clock = new FakeClock(random);
    const retry = { attempts: 7, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: 600_000 };
    await makeClient(server, clock, { retry })
      .request(get)
      .catch(() => {});
    assert.equal(server.requests.length, 7);
    return clock.sleeps;
  }

  it('random() = 0: half of each ceiling (100, 200, 400, 800, 1000, 1000)', async (t) => {
    assert.deepEqual(await sleepsWith(t, 0, 'status'), [50, 100, 200, 400, 500, 500]);
  });

  it('random() = 1: the full ceiling', async (t) => {
    assert.deepEqual(await sleepsWith(t, 1, 'status'), [100, 200, 400, 800, 1_000, 1_000]);
  });

  it('random() = 0.5: three quarters; network failures back off the same way', async (t) => {
    assert.deepEqual(await sleepsWith(t, 0.5, 'reset'), [75, 150, 300, 600, 750, 750]);
  });

  it('the defaults: 500 ms base, 30 s cap', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'status', status: 502 }, times: Infinity });
    const clock = new FakeClock(1);
    const client = new HttpClient({
      provider: 'TestCloud',
      baseUrl: server.url,
      headers: {},
      redactor: new Redactor(),
      clock,
    });
    await rejectsWith(client.request(get), 'UNAVAILABLE');
    assert.deepEqual(clock.sleeps, [500, 1_000, 2_000, 4_000]);
  });
});

describe('secrets stay out of errors, response text and debug lines', () => {
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const pemLines = pem.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));
  const secrets = [TOKEN, pem, ...pemLines, pemLines.join('')];

  function assertClean(text: string, where: string): void {
    for (const secret of secrets) assert.ok(!text.includes(secret), `${where} leaks ${secret.slice(0, 12)}…`);
  }

  /** Echoes the request's headers and body back in an error body: what careless APIs do. */
  const echo =
    (status: number): Handler =>
    (req) => ({
      status,
      headers: { 'retry-after': '0' },
      body: { message: `rejected ${req.rawBody}`, headers: req.headers, raw: req.rawBody },
    });
  const sendKey = {
    method: 'POST',
    path: '/certificates',
    body: { private_key: pem },
    retry: 'once',
  } as const;

  it('redacts the token and every registered secret from the response text and body', async (t) => {
    const server = await serve(t, echo(422));
    const debug: string[] = [];
    const client = makeClient(server, new FakeClock(), {
      redactor: redactorWith(pem),
      debug: (l) => debug.push(l),
    });
    const res = await client.request(sendKey);
    assert.equal(res.status, 422);
    // The server did get them: the echo is real.
    assert.equal(server.requests[0]?.headers.authorization, `Bearer ${TOKEN}`);
    assert.ok(server.requests[0]?.rawBody.includes(pemLines[0] ?? '?'));
    assertClean(res.text, 'response text');
    assertClean(JSON.stringify(res.body ?? null), 'parsed body');
    // An error reply that echoes a secret is neither parsed nor quoted: the notice stands for it.
    assert.equal(res.body, undefined);
    assert.equal(res.echoed, true);
    assert.equal(res.text, 'the reply echoed part of what was sent and is not shown');
    assertClean(debug.join('\n'), 'debug lines');
  });

  for (const [name, status, req, code] of [
    ['503 on a create', 503, sendKey, 'AMBIGUOUS'],
    ['503 on a GET', 503, { ...sendKey, method: 'PUT', retry: 'idempotent' }, 'UNAVAILABLE'],
    ['429 throughout', 429, sendKey, 'RATE_LIMITED'],
  ] as const) {
    it(`keeps them out of the error for ${name}`, async (t) => {
      const server = await serve(t, echo(status));
      const debug: string[] = [];
      const client = makeClient(server, new FakeClock(), {
        redactor: redactorWith(pem),
        debug: (l) => debug.push(l),
      });
      const err = await rejectsWith(client.request(req), code);
      assertClean(`${err.message}\n${err.fix}\n${err.stack}`, 'error');
      assertClean(inspect(err, { depth: 10, showHidden: true }), 'inspected error');
      assertClean(debug.join('\n'), 'debug lines');
      assert.ok(debug.length > 0);
    });
  }

  it('keeps them out of network errors and their debug lines', async (t) => {
    const server = await serve(t);
    server.inject({ fault: { kind: 'reset' }, times: Infinity });
    const debug: string[] = [];
    const client = makeClient(server, new FakeClock(), {
      redactor: redactorWith(pem),
      debug: (l) => debug.push(l),
    });
    for (const req of [sendKey, { ...sendKey, retry: 'idempotent' } as const]) {
      const err = await rejectsWith(client.request(req), req.retry === 'once' ? 'AMBIGUOUS' : 'NETWORK');
      assertClean(inspect(err, { depth: 10, showHidden: true }), 'network error');
    }
    assertClean(debug.join('\n'), 'debug lines');
  });

  it('debug lines carry method, path, status; never the query, headers or body', async (t) => {
    const server = await serve(t, () => ({ status: 200, body: { secret: TOKEN } }));
    const debug: string[] = [];
    const client = makeClient(server, new FakeClock(), { debug: (l) => debug.push(l) });
    await client.request({ ...get, query: { q: 'find-me' } });
    assert.equal(debug.length, 1);
    assert.match(debug[0] ?? '', /^GET \/things → 200 \(\d+ ms\)$/);
  });
});

describe('base URL policy', () => {
  const policy = (url: string, insecure = false): URL => checkBaseUrl('TestCloud', url, insecure);
  const refused = (url: string, insecure = false, message?: RegExp): void => {
    assert.throws(
      () => policy(url, insecure),
      (e: unknown) =>
        isProviderError(e, 'INSECURE_URL') && (message === undefined || message.test(e.message)),
      url,
    );
  };

  it('accepts https anywhere', () => {
    assert.equal(policy('https://api.digitalocean.com/v2').href, 'https://api.digitalocean.com/v2');
    assert.equal(policy('  https://dokploy.example.com  ').host, 'dokploy.example.com');
  });

  it('drops a query or fragment from the base URL (paths are appended to it)', () => {
    assert.equal(policy('https://dokploy.example.com/api?x=1#top').href, 'https://dokploy.example.com/api');
  });

  it('accepts plain http to this machine', () => {
    for (const url of [
      'http://127.0.0.1:3000',
      'http://127.8.9.10/api',
      'http://localhost:3000',
      'http://LOCALHOST',
      'http://[::1]:3000/api',
      'http://dokploy.localhost',
    ]) {
      assert.equal(policy(url).protocol, 'http:', url);
    }
  });

  it('refuses plain http to a public name unless allowInsecureHttp', () => {
    refused('http://dokploy.example.com', false, /plain http to dokploy\.example\.com/);
    refused('http://10.0.0.5:3000');
    refused('http://127.0.0.1.nip.io');
    refused('http://localhost.example.com');
    assert.equal(policy('http://dokploy.example.com', true).hostname, 'dokploy.example.com');
    assert.throws(
      () => makeClient('http://dokploy.example.com', new FakeClock()),
      (e: unknown) => isProviderError(e, 'INSECURE_URL'),
    );
  });

  it('the fix for plain http says what really works, and names no input the action does not have', () => {
    const inputs = new Set(
      [
        ...readFileSync(new URL('../../action.yml', import.meta.url), 'utf8').matchAll(
          /^ {2}([a-z0-9-]+):$/gm,
        ),
      ].map((m) => m[1]),
    );
    let fix = '';
    try {
      policy('http://dokploy.example.com');
    } catch (thrown) {
      assert.ok(isProviderError(thrown, 'INSECURE_URL'));
      fix = thrown.fix ?? '';
    }
    assert.match(fix, /https:\/\//);
    assert.match(fix, /only to this machine \(localhost, 127\.0\.0\.1, \[::1\]\)/);
    for (const named of fix.matchAll(/\b([a-z]+(?:-[a-z]+)+)\b/g)) {
      assert.ok(inputs.has(named[1]), `the fix names '${named[1]}', which action.yml does not have`);
    }
  });

  it('refuses credentials in the URL, even over https or with the opt-in', () => {
    refused('https://user:pass@api.example.com', false, /must not contain a user name or password/);
    refused('https://token@api.example.com');
    refused('http://user:pass@127.0.0.1:3000', true);
  });

  it('refuses garbage and other schemes', () => {
    refused('not a url', false, /is not a URL/);
    refused('', false, /is not a URL/);
    refused('api.digitalocean.com');
    refused('ftp://files.example.com', true, /unsupported URL scheme 'ftp:'/);
    refused('file:///etc/passwd', true);
  });
});

describe('proxy settings from the environment', () => {
  function withEnv(t: TestContext, vars: Partial<Record<(typeof PROXY_VARS)[number], string>>): void {
    for (const [name, value] of Object.entries(vars)) process.env[name] = value;
    t.after(() => {
      for (const name of PROXY_VARS) delete process.env[name];
    });
  }

  it('sends http requests through HTTP_PROXY in absolute form', async (t) => {
    const proxy = await serve(t, (req) => ({ status: 200, body: { via: 'proxy', host: req.headers.host } }));
    withEnv(t, { HTTP_PROXY: proxy.url });
    const client = makeClient('http://api.example.test/v2', new FakeClock(), { allowInsecureHttp: true });
    const res = await client.request({ ...get, path: '/account', query: { a: '1' } });
    assert.deepEqual(res.body, { via: 'proxy', host: 'api.example.test' });
    assert.equal(proxy.requests.length, 1);
    assert.equal(proxy.requests[0]?.target, 'http://api.example.test/v2/account?a=1');
    assert.equal(proxy.requests[0]?.headers['user-agent'], USER_AGENT);
  });

  it('never sends a loopback base URL through the proxy, listed in NO_PROXY or not', async (t) => {
    const proxy = await serve(t, () => ({ status: 200, body: { via: 'proxy' } }));
    const target = await serve(t);
    withEnv(t, { http_proxy: proxy.url, HTTPS_PROXY: proxy.url });
    for (const base of [target.url, target.url.replace('127.0.0.1', 'localhost')]) {
      const res = await makeClient(base, new FakeClock()).request(get);
      assert.deepEqual(res.body, { ok: true, path: '/things' }, base);
    }
    assert.equal(proxy.requests.length, 0);
    assert.deepEqual(
      target.requests.map((r) => r.target),
      ['/things', '/things'],
    );
  });

  it('honours NO_PROXY', async (t) => {
    const proxy = await serve(t, () => ({ status: 200, body: { via: 'proxy' } }));
    const target = await serve(t);
    // 0.0.0.0 is not loopback to the URL policy, yet connecting to it reaches this machine.
    const base = target.url.replace('127.0.0.1', '0.0.0.0');
    withEnv(t, { HTTP_PROXY: proxy.url });
    const proxied = await makeClient(base, new FakeClock(), { allowInsecureHttp: true }).request(get);
    assert.deepEqual(proxied.body, { via: 'proxy' });
    assert.equal(proxy.requests[0]?.target, `${base}/things`);

    withEnv(t, { NO_PROXY: 'internal.example, 0.0.0.0' });
    const direct = await makeClient(base, new FakeClock(), { allowInsecureHttp: true }).request(get);
    assert.deepEqual(direct.body, { ok: true, path: '/things' });
    assert.equal(proxy.requests.length, 1);
    assert.equal(target.requests.length, 1);
    assert.equal(target.requests[0]?.target, '/things');
  });

  it('tunnels https through HTTPS_PROXY with CONNECT, the token never shown to the proxy', async (t) => {
    const connects: IncomingMessage[] = [];
    const proxy = createServer((_req, res) => res.writeHead(500).end());
    proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
      connects.push(req);
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
    const { port } = proxy.address() as AddressInfo;
    withEnv(t, { HTTPS_PROXY: `http://127.0.0.1:${port}` });
    const clock = new FakeClock();
    const client = makeClient('https://api.example.test/v2', clock, { retry: { attempts: 1 } });
    const err = await client.request(get).then(
      () => assert.fail('a refused tunnel cannot give a response'),
      (e: unknown) => e,
    );
    assert.ok(isProviderError(err, 'NETWORK'), inspect(err));
    assert.equal(connects.length, 1);
    assert.equal(connects[0]?.method, 'CONNECT');
    assert.equal(connects[0]?.url, 'api.example.test:443');
    assert.equal(connects[0]?.headers.authorization, undefined);
    assert.ok(!JSON.stringify(connects[0]?.headers).includes(TOKEN));
  });
});

describe('with a rate limiter', () => {
  it('waits before each try as the limiter says, learning from the replies', async (t) => {
    const clock = new FakeClock();
    const reset = String(START / 1000 + 40);
    const server = await serve(t, () => ({
      status: 200,
      headers: { 'ratelimit-remaining': '4', 'ratelimit-reset': reset },
      body: {},
    }));
    const limiter = new RateLimiter(clock, { requests: 100, lowWater: 10 });
    const client = makeClient(server, clock, { limiter });
    await client.request(get); // learns: 4 left, reset in 40 s
    assert.deepEqual(clock.sleeps, []);
    await client.request(get); // 40 s / 4 = 10 s
    assert.deepEqual(clock.sleeps, [10_000]);
    assert.equal(limiter.waitedMs, 10_000);
    assert.equal(server.requests.length, 2);
  });

  it('takes a slot for every retry', async (t) => {
    const clock = new FakeClock(0);
    const server = await serve(t);
    server.inject({ fault: { kind: 'status', status: 503 }, times: 2 });
    const limiter = new RateLimiter(clock, { requests: 2 });
    await makeClient(server, clock, { limiter }).request(get);
    // Two tries fill the window; the third waits for the first to leave it.
    assert.deepEqual(clock.sleeps, [50, 100, 60_000 - 50 - 100]);
  });
});
