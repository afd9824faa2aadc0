/**
 * The one request that carries the message: POST of JSON to the webhook, with a timeout on the
 * connection, on the reply's headers, between the reply's chunks and on each try as a whole (a
 * receiver that trickles a byte now and then never trips the others), a bounded read of the reply,
 * and at most MAX_TRIES tries: again only after a 429 or a 5xx, or a connection that was never
 * made, as a message twice in a channel is better than none but a timeout may have posted it.
 *
 * It never throws: a chat that is down must not fail a step whose certificates are done. And it
 * never says the URL, nor anything an error object carries (undici's messages name the address):
 * Slack's URL is its token. What goes wrong is said by status and code only.
 */
import { Agent, type Dispatcher, EnvHttpProxyAgent, request } from 'undici';
import { plural } from '../plural.ts';
import { USER_AGENT } from '../version.ts';
import { isLoopbackHost } from '../loopback.ts';
import { causeChain, NOT_SENT } from '../network-errors.ts';

export const MAX_TRIES = 2;
/** Slack answers `ok` or an error word; a receiver's reply is read this far and no further. */
export const MAX_REPLY_BYTES = 16 * 1024;

export interface SendLimits {
  connectMs: number;
  headersMs: number;
  /** Between two chunks of the reply. */
  bodyMs: number;
  /** One try, from connecting to the end of the (bounded) reply. */
  tryMs: number;
  /** Before the second try; a 429's `retry-after` is followed up to `maxRetryAfterMs`. */
  retryDelayMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_SEND_LIMITS: SendLimits = {
  connectMs: 10_000,
  headersMs: 15_000,
  bodyMs: 15_000,
  tryMs: 30_000,
  retryDelayMs: 2_000,
  maxRetryAfterMs: 15_000,
};

export interface SendOptions {
  limits?: Partial<SendLimits>;
  /** Waiting between tries (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  /** For tests; default: the runner's proxy settings, or a direct connection to this machine. */
  dispatcher?: Dispatcher;
}

export type SendOutcome =
  | { ok: true; status: number; tries: number }
  /** `problem`: a phrase for "could not send the notification: …", with no part of the URL. */
  | { ok: false; problem: string; tries: number };

const TIMEOUTS = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  // The try's own deadline (AbortSignal.timeout): undici says it as an aborted request.
  'UND_ERR_ABORTED',
  'ABORT_ERR',
  'TimeoutError',
  'AbortError',
]);

type Try =
  | { kind: 'reply'; status: number; retryAfterMs?: number; word?: string }
  | { kind: 'network'; code: string };

export async function sendNotification(
  url: URL,
  payload: unknown,
  options: SendOptions = {},
): Promise<SendOutcome> {
  const limits = { ...DEFAULT_SEND_LIMITS, ...options.limits };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const agentOptions = {
    connect: { timeout: limits.connectMs },
    headersTimeout: limits.headersMs,
    bodyTimeout: limits.bodyMs,
  };
  // Never through a proxy to this machine: the proxy's loopback is not ours.
  const dispatcher =
    options.dispatcher ??
    (isLoopbackHost(url.hostname) ? new Agent(agentOptions) : new EnvHttpProxyAgent(agentOptions));
  const body = JSON.stringify(payload);
  try {
    for (let tries = 1; ; tries++) {
      const result = await once(url, body, dispatcher, limits);
      if (result.kind === 'reply' && result.status >= 200 && result.status < 300) {
        return { ok: true, status: result.status, tries };
      }
      const again = retryable(result);
      if (!again || tries >= MAX_TRIES) {
        return { ok: false, problem: problemOf(result, limits, tries), tries };
      }
      const asked = result.kind === 'reply' ? (result.retryAfterMs ?? 0) : 0;
      await sleep(Math.max(limits.retryDelayMs, Math.min(asked, limits.maxRetryAfterMs)));
    }
  } finally {
    // Its sockets (a stalled one among them) would hold the process open.
    if (options.dispatcher === undefined) await dispatcher.destroy().catch(() => {});
  }
}

async function once(url: URL, body: string, dispatcher: Dispatcher, limits: SendLimits): Promise<Try> {
  try {
    const res = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': USER_AGENT },
      body,
      dispatcher,
      headersTimeout: limits.headersMs,
      bodyTimeout: limits.bodyMs,
      signal: AbortSignal.timeout(limits.tryMs),
    });
    const reply = await readBounded(res.body);
    const result: Try = { kind: 'reply', status: res.statusCode };
    const retryAfter = Number(headerValue(res.headers['retry-after']));
    if (Number.isFinite(retryAfter) && retryAfter >= 0) result.retryAfterMs = retryAfter * 1000;
    const word = replyWord(reply, url);
    if (word !== undefined) result.word = word;
    return result;
  } catch (thrown) {
    return { kind: 'network', code: networkCode(thrown) };
  }
}

/** The reply up to MAX_REPLY_BYTES; the rest is not waited for (the stream is destroyed). */
async function readBounded(stream: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const room = MAX_REPLY_BYTES - total;
    chunks.push(chunk.subarray(0, Math.max(0, room)));
    total += chunk.length;
    if (total >= MAX_REPLY_BYTES) {
      stream.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Slack's refusals are one word (`invalid_payload`, `no_service`, `channel_is_archived`): worth
 * saying. Anything else a receiver answers is not quoted: it may echo what it was sent, and a
 * word that is part of the URL (its token) is never one to say.
 */
function replyWord(reply: string, url: URL): string | undefined {
  const word = reply.trim();
  if (!/^[a-z][a-z_]{1,39}$/.test(word)) return undefined;
  return url.href.toLowerCase().includes(word) ? undefined : word;
}

function retryable(result: Try): boolean {
  if (result.kind === 'network') return NOT_SENT.has(result.code);
  return result.status === 429 || result.status >= 500;
}

function problemOf(result: Try, limits: SendLimits, tries: number): string {
  const after = tries > 1 ? ` (${plural(tries, 'try', 'tries')})` : '';
  if (result.kind === 'reply') {
    const word = result.word === undefined ? '' : `: ${result.word}`;
    return `the webhook answered HTTP ${result.status}${word}${after}`;
  }
  if (TIMEOUTS.has(result.code)) {
    return `no complete answer from the webhook within ${Math.round(limits.tryMs / 1000)} s (${result.code})${after}`;
  }
  if (NOT_SENT.has(result.code)) return `could not connect to the webhook (${result.code})${after}`;
  return `the connection to the webhook failed (${result.code})${after}`;
}

/** A code from the error or its causes: never its message, which names the address. */
function networkCode(thrown: unknown): string {
  let found: string | undefined;
  for (const { code, name } of causeChain(thrown)) {
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) {
      if (NOT_SENT.has(code) || TIMEOUTS.has(code)) return code;
      found ??= code;
    } else if (typeof name === 'string' && TIMEOUTS.has(name)) found ??= name;
  }
  return found ?? 'NETWORK_ERROR';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
