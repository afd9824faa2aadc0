/**
 * What one lineage's live check found, as data, and the verdict on it: pure, so the rules
 * (what counts as unreachable, when `auto` may pass, what a stale endpoint serves) are read and
 * tested in one place. The sockets are in verify-lineages.ts.
 */
import { formatEndpoint, type SkippedDomain } from './endpoints.ts';
import type { CheckResult } from './served.ts';

export type VerifyStatus = 'verified' | 'failed' | 'skipped';

/** What an address served, in the words of the rotation. */
export type ServedKind = 'new' | 'superseded' | 'traefik-default' | 'other';

/** One endpoint and address: a row of the `endpoints` output. */
export interface EndpointRow {
  lineage?: string;
  host: string;
  port: number;
  /** Absent when the name could not be resolved. */
  address?: string;
  /** The served leaf's SHA-1 (lowercase hex). */
  sha1?: string;
  /** It is the certificate this run put in place. */
  matches: boolean;
  /** What it is, and the name of our version when it is one. */
  serves?: ServedKind;
  version?: string;
  notAfter?: string;
  protocol?: string;
  trusted?: boolean;
  /** Why no certificate was seen (a lookup, connect or handshake error). */
  error?: string;
  /** The endpoint could not be reached at all: `auto` passes over it, `require` fails on it. */
  unreachable?: boolean;
  /** Handshakes made with the address. */
  attempts?: number;
}

export interface LineageVerification {
  lineage: string;
  status: VerifyStatus;
  /** One line for the report: what passed, or what failed and where. */
  summary: string;
  endpoints: EndpointRow[];
  /** Wildcard domains with no endpoint to check them through. */
  skippedDomains: SkippedDomain[];
}

/** The subject Traefik gives the certificate it makes for names it has none for. */
const TRAEFIK_DEFAULT = 'TRAEFIK DEFAULT CERT';

/** A version known by the fingerprint prefix in its name only (a listing with no certificate data). */
export interface NamedVersion {
  kind: 'sha1' | 'sha256';
  prefix: string;
  name: string;
}

/**
 * `known`: SHA-1 → name of every version of the lineage the provider held when the run began, so
 * a stale endpoint names the version it still serves; `named`: versions whose listing carries no
 * fingerprint (Dokploy's documented dialect), known by the prefix their name holds.
 */
export function describeServed(
  served: NonNullable<CheckResult['served']>,
  expectedSha1: string,
  known: ReadonlyMap<string, string>,
  named: readonly NamedVersion[] = [],
): { serves: ServedKind; version?: string } {
  if (served.sha1 === expectedSha1) return { serves: 'new' };
  const version =
    known.get(served.sha1) ??
    named.find((v) => v.prefix.length >= 8 && served[v.kind].startsWith(v.prefix.toLowerCase()))?.name;
  if (version !== undefined) return { serves: 'superseded', version };
  if (served.subject.includes(TRAEFIK_DEFAULT)) return { serves: 'traefik-default' };
  return { serves: 'other' };
}

/** Connection errors that mean nothing answered; a handshake error or a reset means something did. */
const UNREACHABLE = new Set(['refused', 'timeout', 'unreachable', 'connect']);

export function rowOf(
  lineage: string | undefined,
  result: CheckResult,
  expectedSha1: string,
  known: ReadonlyMap<string, string>,
  attempts?: number,
  named: readonly NamedVersion[] = [],
): EndpointRow {
  const row: EndpointRow = {
    ...(lineage === undefined ? {} : { lineage }),
    host: result.host,
    port: result.port,
    address: result.address,
    matches: result.served?.sha1 === expectedSha1,
  };
  if (result.served) {
    const { serves, version } = describeServed(result.served, expectedSha1, known, named);
    Object.assign(row, {
      sha1: result.served.sha1,
      serves,
      ...(version === undefined ? {} : { version }),
      notAfter: result.served.notAfter,
      protocol: result.served.protocol,
      trusted: result.served.trusted,
    });
  }
  if (result.error) {
    row.error = `${result.error.kind}: ${result.error.message}`;
    if (UNREACHABLE.has(result.error.kind)) row.unreachable = true;
  }
  if (attempts !== undefined) row.attempts = attempts;
  return row;
}

export function lookupRow(
  lineage: string | undefined,
  failure: { host: string; port: number; error: string },
): EndpointRow {
  return {
    ...(lineage === undefined ? {} : { lineage }),
    host: failure.host,
    port: failure.port,
    matches: false,
    error: `lookup: ${failure.error}`,
    unreachable: true,
  };
}

/**
 * The verdict: failed when a reachable address serves anything but the new certificate (or, with
 * `require`, when one cannot be reached); verified when at least one address serves it and
 * nothing failed; skipped when there was nothing to check or (with `auto`) nothing answered.
 */
export function judge(
  lineage: string,
  rows: readonly EndpointRow[],
  skippedDomains: readonly SkippedDomain[],
  mode: 'auto' | 'require',
): LineageVerification {
  const base = { lineage, endpoints: [...rows], skippedDomains: [...skippedDomains] };
  if (rows.length === 0) {
    const why =
      skippedDomains.length > 0
        ? `no endpoint to check: ${skippedDomains.map((s) => `${s.domain} (${s.reason})`).join(', ')}`
        : 'no endpoint to check: give the certificate its domains, or endpoints';
    return { ...base, status: mode === 'require' ? 'failed' : 'skipped', summary: why };
  }
  const wrong = rows.filter((row) => !row.matches && !(row.unreachable && mode === 'auto'));
  if (wrong.length > 0) {
    const shown = wrong.slice(0, 5).map(whereAndWhat).join('; ');
    const more = wrong.length > 5 ? `; and ${wrong.length - 5} more` : '';
    return { ...base, status: 'failed', summary: `not serving the new certificate: ${shown}${more}` };
  }
  const served = rows.filter((row) => row.matches).length;
  const unreachable = rows.length - served;
  if (served === 0) {
    return {
      ...base,
      status: 'skipped',
      summary: `no endpoint could be reached (${rows.map(whereAndWhat).join('; ')}), so nothing was verified`,
    };
  }
  const also = unreachable > 0 ? `; ${unreachable} could not be reached (verify: auto passes over them)` : '';
  return {
    ...base,
    status: 'verified',
    summary: `${served} of ${rows.length} ${rows.length === 1 ? 'address serves' : 'addresses serve'} the new certificate${also}`,
  };
}

/** `host:port at address: what it serves`, for the one-line summaries. */
export function whereAndWhat(row: EndpointRow): string {
  const where = `${formatEndpoint(row)}${row.address === undefined ? '' : ` at ${row.address}`}`;
  return `${where}: ${servedText(row)}`;
}

export function servedText(row: EndpointRow): string {
  if (row.sha1 === undefined) return row.error ?? 'nothing';
  const expiry = row.notAfter === undefined ? '' : `, expires ${row.notAfter.slice(0, 10)}`;
  switch (row.serves) {
    case 'new':
      return 'the new certificate';
    case 'superseded':
      return `the superseded version ${row.version} (SHA-1 ${row.sha1}${expiry})`;
    case 'traefik-default':
      return `Traefik's default certificate (SHA-1 ${row.sha1}): Traefik has no certificate for this name loaded`;
    default:
      return `another certificate (SHA-1 ${row.sha1}${expiry})`;
  }
}

/** The overall `verified` output: false if any failed, true if any verified, else skipped. */
export function overallVerified(verifications: readonly Pick<LineageVerification, 'status'>[]): VerifyStatus {
  if (verifications.some((v) => v.status === 'failed')) return 'failed';
  if (verifications.some((v) => v.status === 'verified')) return 'verified';
  return 'skipped';
}
