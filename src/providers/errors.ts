/**
 * What can go wrong talking to a provider, as classes with stable codes. The rotation decides
 * by code: NAME_TAKEN means another run won the race (adopt its certificate), NOT_FOUND on a
 * remove means it is already gone, IN_USE means "rebind first or keep it", AMBIGUOUS means a
 * write may or may not have landed (look before trying again).
 */
import { CertRotateError } from '../errors.ts';

export type ProviderErrorCode =
  | 'AUTH' // 401/403 for credentials or permissions
  | 'NOT_FOUND'
  | 'NAME_TAKEN' // DigitalOcean: name is not unique
  | 'IN_USE' // DigitalOcean: certificate used by a load balancer / CDN endpoint
  | 'BUSY' // DigitalOcean: load balancer still processing earlier actions
  | 'TIMEOUT' // waited the bounded time for a state (active, verified, bound) that did not come
  | 'MANAGED' // the resource belongs to something that would undo a change (DOKS load balancers)
  | 'BAD_REQUEST' // the provider rejected what was sent (400/422 other than the above)
  | 'RATE_LIMITED' // still 429 after the retries the time budget allowed
  | 'UNAVAILABLE' // 5xx after retries
  | 'NETWORK' // connection failed, reset or timed out, after retries
  | 'AMBIGUOUS' // a non-idempotent request failed after it may have reached the server
  | 'PROTOCOL' // the reply is not what the API describes
  | 'INSECURE_URL'; // plaintext http to a non-loopback host without opt-in

export class ProviderError extends CertRotateError {
  readonly providerCode: ProviderErrorCode;
  readonly status: number | undefined;

  constructor(
    code: ProviderErrorCode,
    message: string,
    options: { status?: number; fix?: string; cause?: unknown } = {},
  ) {
    super(
      `PROVIDER_${code}`,
      message,
      options.fix,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'ProviderError';
    this.providerCode = code;
    this.status = options.status;
  }
}

export function isProviderError(thrown: unknown, code?: ProviderErrorCode): thrown is ProviderError {
  return thrown instanceof ProviderError && (code === undefined || thrown.providerCode === code);
}
