/** Dates: expired, not yet valid, inside the fail or warn window. Applied to the leaf and intermediates. */
import type { X509Certificate } from 'node:crypto';
import { type Finding, finding } from './findings.ts';
import { plural } from '../plural.ts';
import { daysUntil, oneLineName } from './inspect.ts';
import { lifetimeLeftPercent } from './lifetime.ts';

const DAY_MS = 86_400_000;

export interface ExpiryWindow {
  now: Date;
  warnDays: number;
  failDays: number;
  /** Percent of the lifetime left under which the leaf warns / fails (lifetime.ts); off when absent or 0. */
  warnPercent?: number;
  failPercent?: number;
}

export function expiryFindings(
  cert: X509Certificate,
  role: 'leaf' | 'intermediate',
  window: ExpiryWindow,
): Finding[] {
  const subject = oneLineName(cert.subject);
  const what = role === 'leaf' ? `The certificate "${subject}"` : `The intermediate certificate "${subject}"`;
  const renew =
    role === 'leaf'
      ? 'Renew the certificate and run again with the new files.'
      : 'Download the current intermediate from your CA (renewal tools include it in fullchain.pem) and use it instead.';
  const notAfter = cert.validToDate;
  const notBefore = cert.validFromDate;
  const { now } = window;
  if (now.getTime() > notAfter.getTime()) {
    return [
      finding(
        'EXPIRED',
        'error',
        `${what} expired on ${notAfter.toISOString()} (${plural(-daysUntil(notAfter, now), 'day')} ago).`,
        renew,
        { subject },
      ),
    ];
  }
  if (now.getTime() < notBefore.getTime()) {
    return [
      finding(
        'NOT_YET_VALID',
        'error',
        `${what} is not valid until ${notBefore.toISOString()}: clients would reject it today.`,
        'Wait until it becomes valid, or check the clock of the machine that issued it.',
        { subject },
      ),
    ];
  }
  // Compare exact time: "within 7 days" must not catch a certificate with 7 days 23 hours left.
  const remaining = notAfter.getTime() - now.getTime();
  const days = daysUntil(notAfter, now);
  const inDays = `${notAfter.toISOString()}, in ${plural(days, 'day')}`;
  // The share of its lifetime matters for the leaf only: an intermediate lives years.
  const left = role === 'leaf' ? lifetimeLeftPercent(notBefore, notAfter, now) : 100;
  const share = `${Math.floor(left * 10) / 10}% of its ${Math.round((notAfter.getTime() - notBefore.getTime()) / DAY_MS)}-day lifetime left`;
  if (remaining <= window.failDays * DAY_MS) {
    return [
      finding(
        'EXPIRES_SOON',
        'error',
        `${what} expires on ${inDays}: within fail-days (${window.failDays}).`,
        `${renew} To accept it anyway, lower fail-days.`,
        { subject },
      ),
    ];
  }
  if (left < (window.failPercent ?? 0)) {
    return [
      finding(
        'EXPIRES_SOON',
        'error',
        `${what} expires on ${inDays} (${share}): under fail-percent (${window.failPercent}).`,
        `${renew} To accept it anyway, lower fail-percent.`,
        { subject },
      ),
    ];
  }
  if (remaining <= window.warnDays * DAY_MS) {
    return [
      finding(
        'EXPIRING',
        'warning',
        `${what} expires on ${inDays}: within warn-days (${window.warnDays}).`,
        renew,
        { subject },
      ),
    ];
  }
  if (left < (window.warnPercent ?? 0)) {
    return [
      finding(
        'EXPIRING',
        'warning',
        `${what} expires on ${inDays} (${share}): under warn-percent (${window.warnPercent}).`,
        renew,
        { subject },
      ),
    ];
  }
  return [];
}
