/**
 * CDN endpoints that serve a custom domain with a certificate. A PUT must carry the custom domain
 * with the certificate, and the current ttl: left out, the ttl is reset to 3600.
 */
import { ProviderError } from '../errors.ts';
import { refuseUnchecked } from '../hostnames-checked.ts';
import type { CertificateUse } from '../provider.ts';
import type { Api } from './api.ts';
import type { CdnEndpoint, CdnEndpointUpdate } from './contracts.ts';
import { listAll } from './pages.ts';
import { type Call, isObject, PROVIDER, replyError, shapeError } from './replies.ts';

const PATH = '/v2/cdn/endpoints';

export function toUse(endpoint: CdnEndpoint): CertificateUse {
  return {
    kind: 'cdn-endpoint',
    id: endpoint.id,
    name: endpoint.custom_domain || endpoint.endpoint || endpoint.origin || endpoint.id,
    certificateIds: endpoint.certificate_id ? [endpoint.certificate_id] : [],
    ...(endpoint.certificate_id && endpoint.custom_domain
      ? { hostnames: [{ hostname: endpoint.custom_domain, certificateId: endpoint.certificate_id }] }
      : {}),
  };
}

export async function listCdnEndpoints(api: Api): Promise<CdnEndpoint[]> {
  return listAll<CdnEndpoint>(api.send, PATH, 'endpoints', { what: `GET ${PATH}`, scope: 'cdn:read' });
}

export async function getCdnEndpoint(api: Api, id: string): Promise<CdnEndpoint> {
  const call = { what: `GET ${PATH}/${id}`, scope: 'cdn:read' };
  const res = await api.send({
    method: 'GET',
    path: `${PATH}/${encodeURIComponent(id)}`,
    retry: 'idempotent',
  });
  if (res.status !== 200) throw replyError(res, call);
  return endpointIn(res.body, call, res.status);
}

/** Move one CDN endpoint from `from` to `to`; the PUT's reply shows the change at once. */
export async function rebindCdnEndpoint(
  api: Api,
  use: CertificateUse,
  from: string,
  to: string,
): Promise<CertificateUse> {
  const current = await getCdnEndpoint(api, use.id);
  refuseUnchecked(
    use,
    toUse(current).hostnames ?? [],
    from,
    `CDN endpoint ${toUse(current).name} (${use.id})`,
  );
  if (current.certificate_id !== from) {
    // A retried PUT that had landed, or a run that stopped after the PUT.
    if (current.certificate_id === to) return toUse(current);
    throw new ProviderError(
      'NOT_FOUND',
      `${PROVIDER}: CDN endpoint ${toUse(current).name} no longer uses certificate ${from}.`,
      {
        fix: 'Something else changed it since the rotation looked; run again.',
      },
    );
  }
  if (!current.custom_domain) {
    throw shapeError(
      { what: `GET ${PATH}/${use.id}`, scope: 'cdn:read' },
      'the custom domain its certificate serves',
    );
  }
  const body: CdnEndpointUpdate = {
    certificate_id: to,
    custom_domain: current.custom_domain,
    ...(typeof current.ttl === 'number' ? { ttl: current.ttl } : {}),
  };
  const call = { what: `PUT ${PATH}/${use.id}`, scope: 'cdn:update' };
  const res = await api.send({
    method: 'PUT',
    path: `${PATH}/${encodeURIComponent(use.id)}`,
    body,
    retry: 'idempotent',
  });
  if (res.status !== 200) throw replyError(res, call);
  const updated = endpointIn(res.body, call, res.status);
  if (updated.certificate_id !== to) throw shapeError(call, `certificate ${to} on the endpoint`, res.status);
  return toUse(updated);
}

function endpointIn(body: unknown, call: Call, status: number): CdnEndpoint {
  const endpoint = isObject(body) ? body['endpoint'] : undefined;
  if (!isEndpoint(endpoint)) throw shapeError(call, 'an endpoint with an id', status);
  return endpoint;
}

function isEndpoint(value: unknown): value is CdnEndpoint {
  return isObject(value) && typeof value['id'] === 'string';
}
