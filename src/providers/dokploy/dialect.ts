/**
 * The two ways a Dokploy API is described (see contracts.ts). Which one a server speaks is
 * found once per run, by the first listing, and used from then on: see api.ts.
 */
import type { DialectName } from './contracts.ts';

export interface Dialect {
  readonly name: DialectName;
  /** The router of the certificate procedures: `/api/<router>.create`. */
  readonly router: 'certificates' | 'certificate';
  /** For messages. */
  readonly description: string;
  /** The headers that carry the API key. */
  authHeaders(apiKey: string): Record<string, string>;
}

/** What Dokploy's source does: the real server ignores `Authorization: Bearer`. */
export const TRPC: Dialect = {
  name: 'trpc',
  router: 'certificates',
  description: "Dokploy's API (x-api-key, /api/certificates.*)",
  authHeaders: (apiKey) => ({ 'x-api-key': apiKey }),
};

/** What third-party documentation describes. */
export const DOCS: Dialect = {
  name: 'docs',
  router: 'certificate',
  description: 'the documented variant (Bearer, /api/certificate.*)',
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
};

/**
 * In the order they are tried: the real server first, so a real Dokploy costs one request to
 * detect and never sees the key in a header it does not use.
 */
export const DIALECTS: readonly Dialect[] = [TRPC, DOCS];
