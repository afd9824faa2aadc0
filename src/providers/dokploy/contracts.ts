/**
 * Dokploy's wire shapes, in two dialects.
 *
 * `trpc` is what the server really speaks (read from Dokploy's source, v0.30.2; see
 * DOKPLOY-NOTES.md): the REST front end of its tRPC routers, router `certificates` (plural),
 * header `x-api-key`, errors in tRPC's shape. `docs` is how third-party documentation describes
 * the same API: router `certificate` (singular), `Authorization: Bearer`, a separate
 * `certificateChain` field, `{"error","message"}` errors and a listing that may carry no
 * certificate data at all. Replies are typed loosely (every field optional) because they are
 * read through `rows.ts`, which checks each field before trusting it.
 */

export type DialectName = 'trpc' | 'docs';

/** `POST /api/certificates.create` (trpc) and `POST /api/certificate.create` (docs). */
export interface CreateCertificateInput {
  name: string;
  /**
   * Leaf then intermediates, in order: trpc writes it verbatim to `chain.crt`, which Traefik
   * serves as the whole chain.
   */
  certificateData: string;
  privateKey: string;
  /** Required by the schema; the server overwrites it with the API key's organization. */
  organizationId: string;
  /** A remote server (required on Dokploy Cloud); absent for the Dokploy host itself. */
  serverId?: string;
  /*
   * Deliberately absent, though the schema accepts them: `certificateId` and `certificatePath`
   * (the server would use a caller's path for the files on disk), and the docs dialect's
   * `certificateChain` (see create-body.ts for why it is never sent).
   */
}

/** `POST /api/certificates.remove` / `certificate.remove`. */
export interface RemoveCertificateInput {
  certificateId: string;
}

/** `POST /api/settings.reloadTraefik`: `{}` for the Dokploy host, `{serverId}` for a remote server. */
export interface ReloadTraefikInput {
  serverId?: string;
}

/**
 * One row of `GET /api/certificates.all` (and the reply to create). It holds the PRIVATE KEY:
 * `rows.ts` copies out the public fields and nothing else ever sees this shape.
 */
export interface TrpcCertificateRow {
  certificateId?: unknown;
  name?: unknown;
  certificateData?: unknown;
  /** A secret. Never read, kept or logged. */
  privateKey?: unknown;
  certificatePath?: unknown;
  autoRenew?: unknown;
  organizationId?: unknown;
  serverId?: unknown;
  /** The remote server the certificate lives on, or null for the Dokploy host. */
  server?: { serverId?: unknown; name?: unknown } | null;
}

/** One item of `GET /api/certificate.all` as the docs describe it: no certificate data. */
export interface DocsCertificateItem {
  certificateId?: unknown;
  /** Some descriptions say `id`. */
  id?: unknown;
  name?: unknown;
  expirationDate?: unknown;
  status?: unknown;
  domains?: unknown;
  serverId?: unknown;
  /** Present only if a docs-dialect server chooses to send it. */
  certificateData?: unknown;
}

/** tRPC's error reply: `{"message","code","data":{"code","httpStatus","path","zodError"}}`, plus `issues` on 400. */
export interface TrpcErrorBody {
  message?: unknown;
  code?: unknown;
  issues?: unknown;
  data?: {
    code?: unknown;
    httpStatus?: unknown;
    path?: unknown;
    /** zod's flatten(): `{formErrors: string[], fieldErrors: {field: string[]}}`. */
    zodError?: unknown;
  };
}

/** The docs dialect's error reply. */
export interface DocsErrorBody {
  error?: unknown;
  message?: unknown;
}
