/**
 * Error replies of both dialects, as ProviderErrors whose message says what the server said.
 * tRPC: `{"message","code","data":{"code","httpStatus","zodError"}}` with `issues` on a 400;
 * docs: `{"error","message"}`. A missing or wrong key is a bare `{"message":"Unauthorized"}`,
 * and so is (as a tRPC UNAUTHORIZED, never 403) a member without the certificate permission.
 *
 * Only the server's message, code and issue messages are quoted, each shortened and with
 * anything that looks like PEM or a long base64 run cut out: a reply may echo what was sent,
 * and what was sent is a private key. The raw reply text is never quoted.
 */
import type { HttpResponse } from '../http.ts';
import { ProviderError } from '../errors.ts';
import { DEFAULT_TOKEN_HELP } from '../provider.ts';
import { keyFix, rateLimitFix } from './permissions.ts';
import type { DocsErrorBody, TrpcErrorBody } from './contracts.ts';
import { quoteReply as quote } from '../reply-text.ts';

/** For a refusal when the run did not say what it needs: everything apply does, worded for the action. */
export const AUTH_FIX = keyFix(DEFAULT_TOKEN_HELP);
export const RATE_LIMIT_FIX = rateLimitFix(DEFAULT_TOKEN_HELP);

/** What the client knows about the key when a reply refuses it. */
export interface KeyHistory {
  /** The server accepted this key earlier in the run. */
  keyAccepted?: boolean;
  /** How to lift Dokploy's per-key rate limit, worded for the run (rateLimitFix). */
  rateLimitFix?: string;
}

/**
 * Dokploy's per-key rate limit (better-auth): a key created through the API without
 * `rateLimitEnabled: false` may be verified 10 times a day, twice per call, and once it is used
 * up the server answers like a wrong key. Said wherever a bare 401 could be it.
 */
const RATE_LIMIT =
  "Dokploy's per-key rate limit (a key created through the API without rateLimitEnabled: false " +
  'may be verified 10 times a day, and each call verifies it twice: about 5 calls)';

export interface ServerSays {
  message: string | undefined;
  code: string | undefined;
  issues: string[];
}

export function replyError(
  res: HttpResponse,
  what: string,
  authFix = AUTH_FIX,
  key: KeyHistory = {},
): ProviderError {
  const said = serverSays(res.body);
  const { status } = res;
  const detail = describeReply(status, said, res.body === undefined && res.text.trim() !== '', res.echoed);
  // A procedure's own refusal (no permission, another organization's id) is a tRPC UNAUTHORIZED;
  // a key the server did not accept at all is a bare 401, the same whether wrong or rate-limited.
  const unauthenticated = status === 401 && said.code !== 'UNAUTHORIZED';
  if (unauthenticated && key.keyAccepted === true) {
    return new ProviderError(
      'AUTH',
      `Dokploy refused ${what}: ${detail}, though it accepted the same API key earlier in this run. ` +
        `The likely cause is ${RATE_LIMIT}.`,
      { status, fix: key.rateLimitFix ?? RATE_LIMIT_FIX },
    );
  }
  if (unauthenticated) {
    return new ProviderError(
      'AUTH',
      `Dokploy refused ${what}: ${detail}. The API key is wrong, lacks the certificate permission, ` +
        `or has used up ${RATE_LIMIT}.`,
      { status, fix: authFix },
    );
  }
  if (status === 401 || status === 403) {
    return new ProviderError(
      'AUTH',
      `Dokploy refused ${what}: ${detail}. The API key is wrong or lacks the certificate permission.`,
      { status, fix: authFix },
    );
  }
  if (status === 400 || status === 413 || status === 422) {
    const why =
      said.issues.length > 0
        ? said.issues.join('; ')
        : (said.message ??
          (res.echoed ? 'the reply echoed part of what was sent (not shown)' : 'no reason given'));
    return new ProviderError('BAD_REQUEST', `Dokploy rejected ${what} with ${status}: ${why}.`, {
      status,
      fix: 'Correct the value the message names; if it is one the action fills in itself, report this message as a bug.',
    });
  }
  if (status === 404) {
    return new ProviderError('NOT_FOUND', `Dokploy found nothing for ${what}: ${detail}.`, {
      status,
      fix: 'It may have been removed meanwhile: run again.',
    });
  }
  if (status >= 500) {
    return new ProviderError('UNAVAILABLE', `Dokploy failed on ${what}: ${detail}.`, {
      status,
      fix: 'Dokploy had an internal error: look at its logs (docker service logs dokploy), then run again.',
    });
  }
  return new ProviderError('PROTOCOL', `Dokploy answered ${what} with an unexpected ${detail}.`, {
    status,
    fix: 'Check that the URL is the address of the Dokploy dashboard (e.g. https://dokploy.example.com).',
  });
}

/** The parts of an error body worth quoting, from either dialect. */
export function serverSays(body: unknown): ServerSays {
  const said: ServerSays = { message: undefined, code: undefined, issues: [] };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return said;
  const reply = body as TrpcErrorBody & DocsErrorBody;
  said.message = quote(reply.message);
  said.code = quote(reply.code) ?? quote(reply.data?.code) ?? quote(reply.error);
  said.issues = issuesOf(reply.issues) ?? zodIssues(reply.data?.zodError);
  return said;
}

/** `401 UNAUTHORIZED, "You are not allowed to delete this certificate"`. */
function describeReply(status: number, said: ServerSays, notJson: boolean, echoed = false): string {
  let text = String(status);
  if (said.code !== undefined && said.code !== said.message) text += ` ${said.code}`;
  if (said.message !== undefined) text += `, "${said.message}"`;
  else if (echoed) text += ' with a reply that echoed part of what was sent (not shown)';
  else if (notJson) text += ' with a reply that is not JSON';
  return text;
}

/** `issues: [{message, path}]`, as tRPC's OpenAPI layer sends a zod failure. */
function issuesOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const out: string[] = [];
  for (const issue of value.slice(0, 10) as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { message, path } = issue as { message?: unknown; path?: unknown };
    const text = quote(message);
    if (text === undefined) continue;
    const field = Array.isArray(path)
      ? path.filter((p) => typeof p === 'string' || typeof p === 'number')
      : [];
    out.push(field.length > 0 ? `${field.join('.')}: ${text}` : text);
  }
  return out.length > 0 ? out : undefined;
}

/** `data.zodError`, zod's flatten(): `{formErrors: [..], fieldErrors: {field: [..]}}`. */
function zodIssues(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const { formErrors, fieldErrors } = value as { formErrors?: unknown; fieldErrors?: unknown };
  const out: string[] = [];
  if (Array.isArray(formErrors)) {
    for (const m of formErrors as unknown[]) {
      const text = quote(m);
      if (text !== undefined) out.push(text);
    }
  }
  if (typeof fieldErrors === 'object' && fieldErrors !== null) {
    for (const [field, messages] of Object.entries(fieldErrors)) {
      for (const m of Array.isArray(messages) ? (messages as unknown[]) : []) {
        const text = quote(m);
        if (text !== undefined) out.push(`${field}: ${text}`);
      }
    }
  }
  return out.slice(0, 10);
}
