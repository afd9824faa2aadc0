/**
 * Replies that list certificates, read into public facts at the client boundary. The real
 * server's rows hold each certificate's private key: fields are copied out one by one, so the
 * key is never read, never kept in anything returned and never part of a message. Messages
 * about a bad reply name the item, never its content.
 */
import { leafOfPem } from '../../certs/inspect.ts';
import { ProviderError } from '../errors.ts';
import type { RemoteCertificate } from '../provider.ts';
import type { DocsCertificateItem, TrpcCertificateRow } from './contracts.ts';

export interface ListedCertificate {
  remote: RemoteCertificate;
  /** The remote server it lives on; null for the Dokploy host; undefined when the reply does not say. */
  serverId: string | null | undefined;
}

export function readListing(body: unknown, what: string): ListedCertificate[] {
  if (!Array.isArray(body)) throw badReply(`${what}: the reply is not a list of certificates.`);
  return body.map((item: unknown, index) => readRow(item, `${what}: item ${index + 1}`));
}

/**
 * One row of either dialect. Fingerprint, expiry and names come from `certificateData` when the
 * reply has it (the real server: no fingerprint is stored, and what is served is what counts);
 * the docs dialect's `expirationDate`/`domains` are used only without it, and its sha1 stays
 * undefined, so the rotation goes by the fingerprint in the name.
 */
export function readRow(value: unknown, where: string): ListedCertificate {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badReply(`${where} is not an object.`);
  }
  const row = value as TrpcCertificateRow & DocsCertificateItem;
  const id = nonEmpty(row.certificateId) ?? nonEmpty(row.id);
  if (id === undefined) throw badReply(`${where} has no certificateId.`);
  if (typeof row.name !== 'string') throw badReply(`${where} (${id}) has no name.`);
  checkShape(row, `${where} (${id})`);
  const served = typeof row.certificateData === 'string' ? leafOfPem(row.certificateData) : undefined;
  return {
    remote: {
      id,
      name: row.name,
      sha1: served?.sha1,
      sha256: served?.sha256,
      ...(served === undefined ? {} : { keySha256: served.keySha256 }),
      notAfter: served?.notAfter ?? isoDate(row.expirationDate),
      dnsNames: served?.dnsNames ?? stringList(row.domains),
      createdAt: undefined,
      state: nonEmpty(row.status),
      type: undefined,
    },
    serverId: serverOf(row),
  };
}

/**
 * Every other field read, checked for its type before it is read: a wrong one is the PROTOCOL
 * error naming the field (never its content), not a value quietly dropped. Absent and null both
 * mean "not given" (Dokploy's database writes null for an empty column).
 */
function checkShape(row: TrpcCertificateRow & DocsCertificateItem, where: string): void {
  const given = (value: unknown): boolean => value !== undefined && value !== null;
  const wrong = (field: string, expected: string) =>
    badReply(`${where} has a '${field}' that is not ${expected}.`);
  for (const field of ['certificateData', 'status', 'serverId'] as const) {
    if (given(row[field]) && typeof row[field] !== 'string') throw wrong(field, 'text');
  }
  if (
    given(row.domains) &&
    !(Array.isArray(row.domains) && row.domains.every((d) => typeof d === 'string'))
  ) {
    throw wrong('domains', 'a list of texts');
  }
  if (given(row.expirationDate) && isoDate(row.expirationDate) === undefined) {
    throw wrong('expirationDate', 'a date');
  }
  const server: unknown = row.server;
  if (given(server)) {
    if (typeof server !== 'object' || Array.isArray(server)) throw wrong('server', 'an object');
    const serverId = (server as { serverId?: unknown }).serverId;
    if (given(serverId) && typeof serverId !== 'string') throw wrong('server.serverId', 'text');
  }
}

function serverOf(row: TrpcCertificateRow & DocsCertificateItem): string | null | undefined {
  if (row.serverId === null || row.serverId === '') return null;
  if (typeof row.serverId === 'string') return row.serverId;
  if (row.server === null) return null;
  if (row.server !== undefined) return nonEmpty(row.server.serverId);
  return undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const time = new Date(value).getTime();
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function badReply(message: string): ProviderError {
  return new ProviderError('PROTOCOL', `Dokploy: ${message}`, {
    fix: 'Check that the URL is the address of the Dokploy dashboard (e.g. https://dokploy.example.com).',
  });
}
