/**
 * The double's CDN endpoints (resources/cdn): a PUT without `ttl` resets it to 3600 (the
 * surprise DIGITALOCEAN-NOTES.md warns of); a certificate needs the custom domain it serves in
 * the same PUT; a ttl outside the spec's enum is refused.
 */
import { randomUUID } from 'node:crypto';
import type { CdnEndpoint } from '../../../src/providers/digitalocean/contracts.ts';
import type { Reply } from '../loopback.ts';
import { isObject, notFound, unprocessable } from './replies.ts';

const TTLS = [60, 600, 3600, 86400, 604800];

export class CdnStore {
  readonly byId = new Map<string, CdnEndpoint>();
  private readonly certificateExists: (id: string) => boolean;
  private readonly release: (ids: string[]) => void;

  constructor(certificateExists: (id: string) => boolean, release: (ids: string[]) => void) {
    this.certificateExists = certificateExists;
    this.release = release;
  }

  add(seed: Partial<CdnEndpoint> & { origin: string }): CdnEndpoint {
    const endpoint: CdnEndpoint = {
      id: randomUUID(),
      endpoint: seed.origin.replace('.digitaloceanspaces.com', '.cdn.digitaloceanspaces.com'),
      created_at: '2024-07-19T15:04:16Z',
      ttl: 3600,
      ...seed,
    };
    this.byId.set(endpoint.id, endpoint);
    return structuredClone(endpoint);
  }

  view(id: string): CdnEndpoint | undefined {
    const endpoint = this.byId.get(id);
    return endpoint ? structuredClone(endpoint) : undefined;
  }

  all(): CdnEndpoint[] {
    return [...this.byId.keys()].map((id) => this.view(id)!);
  }

  referencedIds(): Set<string> {
    return new Set([...this.byId.values()].flatMap((e) => (e.certificate_id ? [e.certificate_id] : [])));
  }

  get(id: string): Reply {
    const endpoint = this.view(id);
    return endpoint ? { status: 200, body: { endpoint } } : notFound();
  }

  put(id: string, body: unknown): Reply {
    const endpoint = this.byId.get(id);
    if (!endpoint) return notFound();
    if (!isObject(body)) return unprocessable('request payload validation failed');
    const { ttl, certificate_id, custom_domain } = body;
    if (ttl !== undefined && !TTLS.includes(ttl as number)) {
      return unprocessable(`ttl must be one of ${TTLS.join(', ')}`);
    }
    if (certificate_id !== undefined) {
      if (typeof certificate_id !== 'string' || !this.certificateExists(certificate_id)) {
        return unprocessable('certificate_id could not be found');
      }
      if (typeof custom_domain !== 'string' || custom_domain === '') {
        return unprocessable('custom_domain is required with certificate_id');
      }
    }
    const before = endpoint.certificate_id;
    endpoint.ttl = typeof ttl === 'number' ? ttl : 3600;
    if (typeof custom_domain === 'string') endpoint.custom_domain = custom_domain;
    if (typeof certificate_id === 'string') endpoint.certificate_id = certificate_id;
    if (before && before !== endpoint.certificate_id) this.release([before]);
    return { status: 200, body: { endpoint: structuredClone(endpoint) } };
  }
}
