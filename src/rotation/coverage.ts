/**
 * May a use be moved from an old version to the wanted one? Only if the wanted one covers what the
 * use serves with the old one (RFC 6125 matching, certs/hostnames.ts). A CDN endpoint and a global
 * load balancer name what they serve (custom domain, domains): those names must be covered, with
 * no way around it, or visitors get a certificate for another site. A regional load balancer
 * answers whatever name a client asks, so what it serves is what the old version covers: every
 * one of its DNS names must be covered, unless the user allows the loss (allow-dropped-names).
 *
 * DigitalOcean lists custom certificates with `dns_names: [""]`: then the old version's names are
 * unknown, nothing can be compared, and the move goes ahead (both are versions of the lineage, by
 * their listed fingerprints); the plan records it so the report says it was not checked.
 */
import { covers } from '../certs/hostnames.ts';
import type { CertificateUse, RemoteCertificate } from '../providers/provider.ts';

/** What a certificate covers, as certs/hostnames.ts compares it. */
export interface CoveredNames {
  dns: readonly string[];
  ip: readonly string[];
}

/** A move that is not made: the use stays on `from`, which is kept. */
export interface Refusal {
  use: CertificateUse;
  from: RemoteCertificate;
  /** The names the use would lose. */
  uncovered: string[];
  why: string;
  fix: string;
}

export interface Coverage {
  /** Set when the move must not be made. */
  refused?: Omit<Refusal, 'use' | 'from'>;
  /** The old version's names are unknown: the move is made unchecked. */
  unknown?: true;
}

export function coverageOf(
  use: CertificateUse,
  from: RemoteCertificate,
  wanted: CoveredNames,
  allowDroppedNames: boolean,
): Coverage {
  const named = (use.hostnames ?? [])
    .filter((served) => served.certificateId === from.id)
    .map((served) => served.hostname);
  if (named.length > 0) {
    const uncovered = unique(named.filter((hostname) => !covers(wanted, hostname)));
    if (uncovered.length === 0) return {};
    const what = use.kind === 'cdn-endpoint' ? 'its custom domain' : 'its domains';
    return {
      refused: {
        uncovered,
        why: `the new version does not cover ${list(uncovered)}, which it serves (${what}), so it stays on ${from.name}`,
        fix: `Issue the certificate for ${list(uncovered)} too, or move it to another certificate yourself.`,
      },
    };
  }
  const held = unique(from.dnsNames.map((name) => name.trim()).filter((name) => name !== ''));
  if (held.length === 0) return { unknown: true };
  const uncovered = held.filter((name) => !covers(wanted, name));
  if (uncovered.length === 0 || allowDroppedNames) return {};
  return {
    refused: {
      uncovered,
      why: `${from.name} covers ${list(uncovered)} and the new version does not, so it stays on ${from.name} (allow-dropped-names is off)`,
      fix: `Issue the certificate for ${list(uncovered)} too, or set allow-dropped-names to true if the load balancer no longer serves them.`,
    },
  };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

function list(names: readonly string[]): string {
  return names.join(', ');
}
