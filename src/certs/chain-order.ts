/**
 * Put a chain in the order servers must send it: the leaf, then the certificate that signed it,
 * then the one that signed that, and so on. "Signed" is checked, not assumed from names: the
 * candidate's subject must match the issuer (Node's checkIssued: names, key identifiers, key
 * usage) and its key must verify the signature. Everything that does not fit is reported.
 */
import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { fingerprint, isSelfSigned, sameName, verifies } from './inspect.ts';

export interface ChainAnalysis {
  /** Leaf first, then each issuer in turn; ends with a self-signed root when one was given. */
  path: X509Certificate[];
  /** True when the last certificate of `path` is self-signed (a root, or a self-signed leaf). */
  endsAtRoot: boolean;
  /** What servers send: `path` without a trailing root (clients have their roots). Leaf first. */
  served: X509Certificate[];
  /** Extra copies of certificates already in the bundle (same SHA-256). */
  duplicates: X509Certificate[];
  /** Certificates that are not on the leaf's path. */
  unrelated: X509Certificate[];
  /** Certificates whose issuer's name is in the bundle, but whose signature that certificate's key does not verify. */
  wrongIssuer: { cert: X509Certificate; claimed: X509Certificate }[];
  /** When the path ends below a root: whether its issuer is a root Node trusts (Mozilla's list). */
  topIssuerTrusted: boolean;
}

let bundledRoots: X509Certificate[] | undefined;

/** Node's built-in Mozilla root store, parsed once and only when a chain ends below a root. */
export function publicRoots(): X509Certificate[] {
  bundledRoots ??= rootCertificates.map((pem) => new X509Certificate(pem));
  return bundledRoots;
}

export function orderChain(
  leaf: X509Certificate,
  others: readonly X509Certificate[],
  trustedRoots: () => readonly X509Certificate[] = publicRoots,
): ChainAnalysis {
  const seen = new Set([fingerprint(leaf, 'sha256')]);
  const duplicates: X509Certificate[] = [];
  const pool: X509Certificate[] = [];
  for (const cert of others) {
    const id = fingerprint(cert, 'sha256');
    if (seen.has(id)) duplicates.push(cert);
    else {
      seen.add(id);
      pool.push(cert);
    }
  }

  const path = [leaf];
  const wrongIssuer: ChainAnalysis['wrongIssuer'] = [];
  let current = leaf;
  while (!isSelfSigned(current)) {
    // By name alone: checkIssued also compares key identifiers, so a same-named CA with another
    // key (the wrong issuer this is here to catch) would otherwise look merely unrelated.
    const named = pool.filter(
      (candidate) => sameName(candidate.subject, current.issuer) || current.checkIssued(candidate),
    );
    // Input order breaks ties (a cross-signed and a self-signed copy of the same CA).
    const issuer = named.find((candidate) => current.checkIssued(candidate) && verifies(current, candidate));
    if (!issuer) {
      const claimed = named[0];
      if (claimed) wrongIssuer.push({ cert: current, claimed });
      break;
    }
    path.push(issuer);
    pool.splice(pool.indexOf(issuer), 1);
    current = issuer;
  }

  const top = path[path.length - 1]!;
  const endsAtRoot = isSelfSigned(top);
  const topIssuerTrusted =
    !endsAtRoot && trustedRoots().some((root) => top.checkIssued(root) && verifies(top, root));
  const unrelated = pool.filter((cert) => !wrongIssuer.some((w) => w.claimed === cert));
  const served = endsAtRoot && path.length > 1 ? path.slice(0, -1) : path;
  return { path, endsAtRoot, served, duplicates, unrelated, wrongIssuer, topIssuerTrusted };
}
