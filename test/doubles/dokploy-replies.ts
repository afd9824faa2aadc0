/**
 * What the Dokploy double answers, in each dialect: tRPC error shapes as Dokploy's REST front end
 * sends them (DOKPLOY-NOTES.md), the `{"error","message"}` bodies third-party docs describe, and
 * the two views of a stored row (the real one holds the private key; the docs one holds no
 * certificate data at all).
 */
import { X509Certificate } from 'node:crypto';
import type { Reply } from './loopback.ts';

export type DokployDialect = 'trpc' | 'docs';

export interface StoredCertificate {
  certificateId: string;
  name: string;
  /** As sent: the real server validates nothing. */
  certificateData: string;
  privateKey: string;
  certificatePath: string;
  autoRenew: boolean | null;
  organizationId: string;
  serverId: string | null;
}

export interface DokployServer {
  serverId: string;
  name: string;
  organizationId: string;
}

export interface Issue {
  code: string;
  message: string;
  path: string[];
}

const STATUS_CODES: Record<number, [trpc: string, docs: string]> = {
  400: ['BAD_REQUEST', 'Bad Request'],
  401: ['UNAUTHORIZED', 'Unauthorized'],
  403: ['FORBIDDEN', 'Forbidden'],
  404: ['NOT_FOUND', 'Not Found'],
  405: ['METHOD_NOT_SUPPORTED', 'Method Not Allowed'],
  500: ['INTERNAL_SERVER_ERROR', 'Internal Server Error'],
};

/** An error reply in the dialect's shape. `path` is the tRPC procedure (`certificates.one`). */
export function errorReply(dialect: DokployDialect, status: number, message: string, path: string): Reply {
  const [code, error] = STATUS_CODES[status] ?? ['INTERNAL_SERVER_ERROR', 'Error'];
  if (dialect === 'docs') return { status, body: { error, message } };
  return { status, body: { message, code, data: { code, httpStatus: status, path, zodError: null } } };
}

/** A missing or unknown key: the real server's bare body, before any procedure runs. */
export function unauthenticated(dialect: DokployDialect): Reply {
  if (dialect === 'docs') {
    return { status: 401, body: { error: 'Unauthorized', message: 'Missing or invalid API key' } };
  }
  return { status: 401, body: { message: 'Unauthorized' } };
}

/** A zod failure: tRPC's `issues` list; the docs dialect folds them into its message. */
export function invalidInput(dialect: DokployDialect, issues: Issue[], path: string): Reply {
  if (dialect === 'docs') {
    const why = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { status: 400, body: { error: 'Bad Request', message: why } };
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path.join('.');
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  return {
    status: 400,
    body: {
      message: 'Input validation failed',
      code: 'BAD_REQUEST',
      issues,
      data: { code: 'BAD_REQUEST', httpStatus: 400, path, zodError: { formErrors: [], fieldErrors } },
    },
  };
}

/** `certificates.create` / `one` in the real dialect: the whole row, private key included. */
export function trpcRow(row: StoredCertificate): unknown {
  return { ...row };
}

/** An item of `certificates.all`: the row plus its `server` relation (object, or null for the host). */
export function trpcListedRow(row: StoredCertificate, servers: ReadonlyMap<string, DokployServer>): unknown {
  if (row.serverId === null) return { ...row, server: null };
  // A server id always names a server in Dokploy (a foreign key): one not configured gets a stand-in.
  const server = servers.get(row.serverId) ?? { serverId: row.serverId, name: row.serverId };
  return { ...row, server: { serverId: server.serverId, name: server.name } };
}

/** The docs dialect's item: id, name, expiry, status, domains, server; no certificate data. */
export function docsItem(row: StoredCertificate, now: Date): unknown {
  const leaf = firstCertificate(row.certificateData);
  let status = 'invalid';
  if (leaf) status = leaf.validToDate.getTime() > now.getTime() ? 'active' : 'expired';
  return {
    certificateId: row.certificateId,
    name: row.name,
    expirationDate: leaf ? leaf.validToDate.toISOString() : null,
    status,
    domains: leaf ? dnsNames(leaf) : [],
    serverId: row.serverId,
  };
}

function firstCertificate(text: string): X509Certificate | undefined {
  const block = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(text.replace(/\r/g, ''));
  if (!block) return undefined;
  try {
    return new X509Certificate(block[0]);
  } catch {
    return undefined;
  }
}

function dnsNames(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(', ')
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4));
}
