/**
 * DigitalOcean behind the `Provider` interface: certificates, and the load balancers and CDN
 * endpoints that use them. One HTTP client (retries, rate limiter, redaction) carries every
 * request; the CDN routes are paced further to their own, tighter limit.
 */
import type { Dispatcher } from 'undici';
import type { Redactor } from '../../secrets.ts';
import { type Clock, realClock } from '../clock.ts';
import { createChecked } from '../create-checked.ts';
import { ProviderError } from '../errors.ts';
import { HttpClient, type HttpRequest, type RetryPolicy, type Timeouts } from '../http.ts';
import {
  type CertificateUpload,
  type CertificateUse,
  DEFAULT_TOKEN_HELP,
  type Provider,
  type RemoteCertificate,
  type TokenHelp,
} from '../provider.ts';
import { RateLimiter, type RateLimitOptions } from '../rate-limit.ts';
import type { Api } from './api.ts';
import { listCdnEndpoints, rebindCdnEndpoint, toUse as cdnUse } from './cdn.ts';
import {
  DEFAULT_IN_USE_WAIT,
  deleteCertificate,
  getCertificate,
  type InUseWait,
  listCertificates,
  postCertificate,
  waitVerified,
} from './certificates.ts';
import { listLoadBalancers, rebindLoadBalancer, toUse as lbUse } from './load-balancers.ts';
import { DEFAULT_POLLING, type PollOptions } from './polling.ts';
import { PROVIDER, withAuthFix } from './replies.ts';
import { tokenFix } from './scopes.ts';

/** DigitalOcean's CDN routes: 5 requests per 10 s (the API description's rate-limit section). */
const CDN_LIMIT = { requests: 5, windowMs: 10_000 };

export const DEFAULT_BASE_URL = 'https://api.digitalocean.com';

export interface DigitalOceanOptions {
  /** A personal access token; registered in `redactor` before anything is sent. */
  token: string;
  /** Default https://api.digitalocean.com. */
  baseUrl?: string;
  redactor: Redactor;
  allowInsecureHttp?: boolean;
  clock?: Clock;
  dispatcher?: Dispatcher;
  /** Shared by every request of a run; one is made when none is given. */
  limiter?: RateLimiter;
  retry?: Partial<RetryPolicy>;
  timeouts?: Partial<Timeouts>;
  /** Debug lines: requests, retries, waits. Never headers or bodies. */
  debug?: (line: string) => void;
  /** How often and how long to look at a load balancer or certificate that is settling. */
  polling?: Partial<PollOptions>;
  /** How long a delete refused as "in use" after a rebind is tried again. */
  inUseWait?: Partial<InUseWait>;
  /** DigitalOcean's CDN limit (5 requests per 10 s). */
  cdnLimit?: Partial<Pick<RateLimitOptions, 'requests' | 'windowMs'>>;
  /** What a refused token's fix asks for (plan: the read scopes) and where it says to put the token. */
  tokenHelp?: TokenHelp;
}

export function createDigitalOceanProvider(options: DigitalOceanOptions): Provider {
  const authFix = tokenFix(options.tokenHelp ?? DEFAULT_TOKEN_HELP);
  const token = options.token.trim();
  if (token === '') throw new ProviderError('AUTH', `${PROVIDER}: no API token was given.`, { fix: authFix });
  options.redactor.add(token);
  const clock = options.clock ?? realClock;
  const debug = options.debug;
  const http = new HttpClient({
    provider: PROVIDER,
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    headers: { authorization: `Bearer ${token}` },
    redactor: options.redactor,
    clock,
    limiter: options.limiter ?? new RateLimiter(clock),
    ...(options.allowInsecureHttp === undefined ? {} : { allowInsecureHttp: options.allowInsecureHttp }),
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
    ...(debug === undefined ? {} : { debug }),
  });
  const note = (line: string): void => debug?.(`${PROVIDER}: ${line}`);
  const polling = { ...DEFAULT_POLLING, ...options.polling };
  const api: Api = { send: (req) => http.request(req), clock, polling, note };
  // CDN routes have their own limit, apart from the token's: spaced out before they are sent.
  const cdnLimit = { ...CDN_LIMIT, ...options.cdnLimit };
  const pacer = new RateLimiter(clock, cdnLimit);
  const cdnApi: Api = {
    ...api,
    send: async (req: HttpRequest) => {
      await pacer.acquire();
      // Another client on the same token can still exhaust it: a CDN 429 has no retry-after.
      return http.request({ ...req, limitWindowMs: cdnLimit.windowMs });
    },
  };
  const inUseWait = { ...DEFAULT_IN_USE_WAIT, ...options.inUseWait };

  const uses = async (): Promise<CertificateUse[]> => {
    const [balancers, endpoints] = await Promise.all([listLoadBalancers(api), listCdnEndpoints(cdnApi)]);
    return [...balancers.map(lbUse), ...endpoints.map(cdnUse)].filter((use) => use.certificateIds.length > 0);
  };

  // Every refusal, from whichever request, gets the fix worded for this run.
  const worded =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (thrown) {
        throw withAuthFix(thrown, authFix);
      }
    };

  return {
    kind: 'digitalocean',
    label: PROVIDER,
    list: worded(() => listCertificates(api)),
    create: worded(async (upload: CertificateUpload): Promise<RemoteCertificate> => {
      // The key is a secret wherever it shows up, an echo in an error reply included.
      options.redactor.add(upload.privateKey);
      const created = await createChecked(upload, {
        post: (u) => postCertificate(api, u),
        list: () => listCertificates(api),
        note,
      });
      return waitVerified(api, created);
    }),
    readBack: worded(async (id: string): Promise<RemoteCertificate | undefined> => {
      try {
        return await getCertificate(api, id);
      } catch (thrown) {
        if (thrown instanceof ProviderError && thrown.status === 404) return undefined;
        throw thrown;
      }
    }),
    remove: worded((id: string) =>
      deleteCertificate(api, id, inUseWait, async (certificateId) =>
        (await uses()).filter((use) => use.certificateIds.includes(certificateId)),
      ),
    ),
    uses: worded(uses),
    rebind: worded((use: CertificateUse, from: string, to: string): Promise<CertificateUse> => {
      if (use.kind === 'cdn-endpoint') return rebindCdnEndpoint(cdnApi, use, from, to);
      return rebindLoadBalancer(api, use, from, to);
    }),
    requestCount: () => http.requestCount,
  };
}
