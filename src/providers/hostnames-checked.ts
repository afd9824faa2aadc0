/**
 * The rotation moves a use only after checking that the new certificate covers the hostnames it
 * serves (rotation/coverage.ts), from the listing it planned with. A load balancer's PUT moves
 * every domain that is on the old certificate, so a domain added since then would be moved
 * unchecked: the fresh read before the write must show no hostname the plan did not see.
 */
import { ProviderError } from './errors.ts';
import type { CertificateUse } from './provider.ts';

export function refuseUnchecked(
  use: CertificateUse,
  now: NonNullable<CertificateUse['hostnames']>,
  from: string,
  what: string,
): void {
  // A regional load balancer names no hostnames: its certificate's names were checked instead.
  if (use.kind === 'load-balancer') return;
  const planned = use.hostnames ?? [];
  const seen = new Set(planned.filter((h) => h.certificateId === from).map((h) => h.hostname));
  const unseen = now.filter((h) => h.certificateId === from && !seen.has(h.hostname)).map((h) => h.hostname);
  if (unseen.length === 0) return;
  throw new ProviderError(
    'NOT_FOUND',
    `${what} now serves ${unseen.join(', ')} with certificate ${from}, which it did not when the rotation looked; it was not changed.`,
    {
      fix: 'Something else changed it since the rotation looked; run again, so the new certificate is checked against what it serves now.',
    },
  );
}
