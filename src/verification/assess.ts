/**
 * What one address served, judged: whether it answered, whether its certificate covers the name
 * asked for, whether its chain reaches a trusted root, and how soon it expires. Pure.
 */
import { daysUntil } from '../certs/inspect.ts';
import { type Finding, finding } from '../certs/findings.ts';
import { formatEndpoint } from './endpoints.ts';
import type { CheckResult } from './served.ts';

export interface AssessOptions {
  now: Date;
  warnDays: number;
  failDays: number;
  warnPercent?: number;
  failPercent?: number;
}

export function assessServed(result: CheckResult, options: AssessOptions): Finding[] {
  const where = `${formatEndpoint(result)} at ${result.address}`;
  const served = result.served;
  if (served === undefined) {
    const error = result.error;
    return [
      finding(
        'SERVED_UNREACHABLE',
        'error',
        `${where}: no certificate was served (${error?.kind ?? 'error'}: ${error?.message ?? 'unknown'}).`,
        'Check that the endpoint is up and listens for TLS on that port, and that the name resolves where it should (or pin it with resolve).',
      ),
    ];
  }
  const out: Finding[] = [];
  if (!served.nameMatches) {
    out.push(
      finding(
        'SERVED_NAME_MISMATCH',
        'error',
        `${where} serves a certificate that does not cover ${result.host} (subject ${served.subject}).`,
        'Serve a certificate whose names include this host.',
        { subject: served.subject },
      ),
    );
  }
  if (!served.trusted) {
    out.push(
      finding(
        'SERVED_UNTRUSTED',
        'error',
        `${where}: the served chain does not verify (${served.trustError?.code ?? 'unknown'}: ${served.trustError?.meaning ?? 'the chain does not verify'}).`,
        'Serve the full chain (leaf, then its intermediates); for a private CA, give its certificate in trusted-ca.',
        { subject: served.subject },
      ),
    );
  }
  const days = daysUntil(new Date(served.notAfter), options.now);
  if (days < 0) {
    out.push(
      finding(
        'EXPIRED',
        'error',
        `${where} serves a certificate that expired on ${served.notAfter}.`,
        'Rotate it now.',
        { subject: served.subject },
      ),
    );
  } else if (days <= options.failDays) {
    out.push(
      finding(
        'EXPIRES_SOON',
        'error',
        `${where} serves a certificate that expires in ${days} days (${served.notAfter}), within fail-days (${options.failDays}).`,
        'Rotate it now.',
        { subject: served.subject },
      ),
    );
  } else if (days <= options.warnDays) {
    out.push(
      finding(
        'EXPIRING',
        'warning',
        `${where} serves a certificate that expires in ${days} days (${served.notAfter}), within warn-days (${options.warnDays}).`,
        'Renew and rotate it soon.',
        { subject: served.subject },
      ),
    );
  }
  return out;
}
