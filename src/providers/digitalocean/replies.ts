/**
 * Turning DigitalOcean's error replies into coded errors. DigitalOcean says several different
 * things with 403 (a token without the scope, a certificate still in use, a load balancer busy
 * with earlier actions), so the message text has to be read; that happens here and nowhere else.
 */
import { isProviderError, ProviderError } from '../errors.ts';
import { DEFAULT_TOKEN_HELP } from '../provider.ts';
import { tokenFix } from './scopes.ts';
import type { HttpResponse } from '../http.ts';
import { quoteReply } from '../reply-text.ts';
import type { ErrorBody } from './contracts.ts';

export const PROVIDER = 'DigitalOcean';

/**
 * A refusal's fix as the modules word it: every scope apply uses, the token in the action's input.
 * The provider rewords it for its run (withAuthFix): plan needs the read scopes only.
 */
const AUTH_FIX = tokenFix(DEFAULT_TOKEN_HELP);

/** What a request was for, to name it in messages. */
export interface Call {
  /** "DELETE /v2/certificates/{id}" style, for messages. */
  what: string;
  /** The scope the request needs, named when DigitalOcean refuses it. */
  scope: string;
}

/** Both wordings Terraform's provider matches; DigitalOcean has used each. Case varies too. */
const IN_USE = [
  'make sure the certificate is not in use before deleting it',
  'being used by one or more load balancers',
];
const BUSY = "can't be updated while it processes previous actions";

export function errorBody(res: HttpResponse): ErrorBody | undefined {
  const body = res.body;
  if (typeof body !== 'object' || body === null) return undefined;
  const { id, message, request_id } = body as Record<string, unknown>;
  if (typeof message !== 'string') return undefined;
  return {
    id: typeof id === 'string' ? id : '',
    message,
    ...(typeof request_id === 'string' ? { request_id } : {}),
  };
}

export function isInUse(res: HttpResponse): boolean {
  const message = errorBody(res)?.message.toLowerCase() ?? '';
  return res.status === 403 && IN_USE.some((wording) => message.includes(wording));
}

export function isBusy(res: HttpResponse): boolean {
  return res.status === 403 && (errorBody(res)?.message.toLowerCase() ?? '').includes(BUSY);
}

/**
 * A certificate from Cloudflare's Origin CA, refused where DigitalOcean serves it to the public
 * (Terraform provider issue 1135: 422 "invalid certificate issued by Cloudflare origin CA", type
 * `invalid-cert`). Matched by the id, or by the words where the id is the generic one.
 */
export function isOriginCaRefusal(res: HttpResponse): boolean {
  if (res.status !== 422) return false;
  const body = errorBody(res);
  const kind = isObject(res.body) ? res.body['type'] : undefined;
  return (
    body?.id === 'invalid-cert' ||
    kind === 'invalid-cert' ||
    /\borigin ca\b|\binvalid-cert\b/i.test(body?.message ?? '')
  );
}

export function isNameTaken(res: HttpResponse): boolean {
  return res.status === 422 && /\bname is not unique\b/i.test(errorBody(res)?.message ?? '');
}

/**
 * DigitalOcean's own words, with the request id support asks for. A reply that echoed what was
 * sent has no body and its text is a notice (http.ts); what is quoted is cut short and rid of
 * anything that reads like a key, as the Dokploy client does.
 */
export function said(res: HttpResponse): string {
  if (res.echoed) return `: ${res.text}`;
  const body = errorBody(res);
  const message = quoteReply(body ? body.message : res.text, MAX_SAID);
  if (message === undefined) return '';
  const id = quoteReply(body?.request_id, 64);
  return `: ${message}${id === undefined ? '' : ` (request ${id})`}`;
}

const MAX_SAID = 300;

/** The coded error for a reply that is not what the call expected. */
export function replyError(res: HttpResponse, call: Call): ProviderError {
  const status = res.status;
  const where = `${PROVIDER}: ${call.what} got ${status}${said(res)}`;
  if (status === 401) {
    return new ProviderError('AUTH', `${where}. The token was not accepted.`, { status, fix: AUTH_FIX });
  }
  if (isInUse(res)) {
    return new ProviderError('IN_USE', where, {
      status,
      fix: 'Move every load balancer and CDN endpoint to the new certificate first; the old one can go after that.',
    });
  }
  if (isBusy(res)) {
    return new ProviderError('BUSY', where, { status, fix: 'Run again when the load balancer is active.' });
  }
  if (status === 403) {
    return new ProviderError('AUTH', `${where}. The token may lack the scope ${call.scope}.`, {
      status,
      fix: AUTH_FIX,
    });
  }
  if (status === 404) return new ProviderError('NOT_FOUND', where, { status });
  if (isNameTaken(res)) {
    return new ProviderError('NAME_TAKEN', where, {
      status,
      fix: 'Certificate names are unique per account: use a new name for each version.',
    });
  }
  if (isOriginCaRefusal(res)) {
    return new ProviderError(
      'BAD_REQUEST',
      `${where}. The certificate comes from Cloudflare's Origin CA, which only Cloudflare's own edge trusts; ` +
        `${PROVIDER} serves it to browsers, which would refuse it, so ${PROVIDER} refuses it too.`,
      {
        status,
        fix: "Rotate a certificate from a publicly trusted CA (e.g. Let's Encrypt) here; keep the Origin CA certificate for the origin server behind Cloudflare.",
      },
    );
  }
  if (status === 400 || status === 422) return new ProviderError('BAD_REQUEST', where, { status });
  if (status >= 500) {
    return new ProviderError('UNAVAILABLE', where, {
      status,
      fix: `${PROVIDER} is having trouble; run again later.`,
    });
  }
  return new ProviderError('PROTOCOL', `${where}, which its API does not describe here.`, { status });
}

/** An authorization failure with the fix for this run; anything else as it was. */
export function withAuthFix(thrown: unknown, fix: string): unknown {
  if (!isProviderError(thrown, 'AUTH') || thrown.fix === fix) return thrown;
  return new ProviderError('AUTH', thrown.message, {
    ...(thrown.status === undefined ? {} : { status: thrown.status }),
    fix,
    ...(thrown.cause === undefined ? {} : { cause: thrown.cause }),
  });
}

/** A reply with the right status whose body is not the shape the API describes. */
export function shapeError(call: Call, expected: string, status?: number): ProviderError {
  return new ProviderError('PROTOCOL', `${PROVIDER}: ${call.what} answered without ${expected}.`, {
    ...(status === undefined ? {} : { status }),
  });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
