/**
 * Key reuse: a superseded version that certifies the same public key as the new certificate (a
 * renewal that kept its key). Renewal tools make a new key by default, so reuse is most often an
 * accident, and it keeps in service a key that may have been exposed. Only public keys are
 * compared (SHA-256 of each leaf's SubjectPublicKeyInfo), and only where the provider's listing
 * carries the certificates (Dokploy): a DigitalOcean listing has none, so nothing is said there.
 *
 * The certificate's own findings are made before the provider is read; this one comes from the
 * plan and is added to them when the report is built. It is a warning: it never changes the
 * run's status or fails the step.
 */
import { type Finding, finding } from '../certs/findings.ts';
import type { LineagePlan } from './plan.ts';

/** Names a message lists at most: a provider can list any number of old versions. */
const NAMED = 5;

export function keyReuseFindings(plan: LineagePlan, subject: string | undefined): Finding[] {
  const reused = plan.keyReused ?? [];
  if (reused.length === 0) return [];
  const named = reused.slice(0, NAMED).map((c) => `${c.name} (${c.id})`);
  const more = reused.length > NAMED ? ` and ${reused.length - NAMED} more` : '';
  const versions = reused.length === 1 ? 'version' : 'versions';
  const current = plan.current.kind === 'present' ? plan.current.certificate.name : plan.current.name;
  return [
    finding(
      'KEY_REUSED',
      'warning',
      `The new certificate ${current} of ${plan.desired.lineage} certifies the same key as the superseded ${versions} ${named.join(', ')}${more}, which it replaces: the private key was kept at renewal.`,
      'Generate a new key with each renewal: with certbot, leave --reuse-key off (the default; --no-reuse-key turns it off for a certificate that has it); with openssl, make the request with `openssl req -new -newkey ...`, not `-key` with the old key file. Then rotate with the new certificate and its key.',
      subject === undefined ? {} : { subject },
    ),
  ];
}
