/**
 * Recorded traffic against the vendor contract: every request a client sent to a double (path,
 * query, JSON body, authentication header, content type) and every reply the double gave.
 *
 * Not checked: replies injected by a `status` fault (the test chose that body on purpose, and
 * loopback.ts defaults it to `{}`), and requests that got no reply (`reset`, `reset-after`,
 * `stall`). A `delay` fault's reply is the double's own, so it is checked.
 */
import type { RecordedRequest } from '../doubles/loopback.ts';
import { type ContractSpec, ContractViolation } from './openapi.ts';

export interface TrafficOptions {
  /** Requests to leave out (e.g. a dialect the description does not cover). */
  skip?: (request: RecordedRequest) => boolean;
  /** Check the authentication header and content type too (default true). */
  headers?: boolean;
  /** Check the replies too (default true); false when the server was not playing this API. */
  replies?: boolean;
}

/** Every violation in the traffic, each prefixed with the request it belongs to. */
export function trafficViolations(
  spec: ContractSpec,
  requests: readonly RecordedRequest[],
  options: TrafficOptions = {},
): string[] {
  const violations: string[] = [];
  for (const request of requests) {
    if (options.skip?.(request)) continue;
    const query = request.query.size > 0 ? `?${request.query.toString()}` : '';
    const label = `#${request.seq} ${request.method} ${request.path}${query}`;
    const found = spec.match(request.method, request.path);
    if (request.rawBody !== '' && request.body === undefined) {
      violations.push(`${label}: body: not JSON`);
    }
    const sent = spec.checkRequest(request.method, request.path, request.body, {
      query: request.query,
      ...(options.headers === false ? {} : { headers: request.headers }),
    });
    for (const v of sent) violations.push(`${label}: ${v}`);
    if (options.replies === false || !found || request.reply === undefined || request.fault === 'status')
      continue;
    const { reply } = request;
    const replied = spec.checkResponse(
      request.method,
      request.path,
      reply.status,
      reply.body,
      reply.headers ?? {},
    );
    for (const v of replied) violations.push(`${label} → ${reply.status}: ${v}`);
  }
  return violations;
}

/** Throws one ContractViolation listing every request and reply that does not match the description. */
export function assertTrafficMatchesContract(
  spec: ContractSpec,
  requests: readonly RecordedRequest[],
  options: TrafficOptions = {},
): void {
  const violations = trafficViolations(spec, requests, options);
  if (violations.length > 0) {
    throw new ContractViolation(
      `${violations.length} contract violation(s) in ${requests.length} recorded ${spec.name} request(s):`,
      violations,
    );
  }
}
