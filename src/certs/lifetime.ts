/**
 * How much of a certificate's lifetime is left, as a percent: the threshold that still means
 * something for short-lived certificates. Six-day certificates (Let's Encrypt's short-lived
 * profile) are always "within 7 days", so warn-days and fail-days say nothing about them; "under
 * 10% left" does, and reads the same for a 90-day certificate.
 */
import { InputError } from '../errors.ts';
import { quoteValue } from '../secrets.ts';

/**
 * Percent of the lifetime (notAfter − notBefore) still ahead at `now`, clamped to 0–100: 100
 * before the certificate is valid, 0 once it has expired. A certificate whose lifetime is zero
 * or negative (notAfter at or before notBefore) has nothing left: 0.
 */
export function lifetimeLeftPercent(notBefore: Date, notAfter: Date, now: Date): number {
  const lifetime = notAfter.getTime() - notBefore.getTime();
  if (!(lifetime > 0)) return 0;
  const left = ((notAfter.getTime() - now.getTime()) / lifetime) * 100;
  return Math.min(100, Math.max(0, left));
}

/**
 * A percent threshold as given (`10`, `12.5`, ` 0 `, `33%`): a number from 0 to 100, whole or
 * with one decimal, with or without one `%` after it (what it means is plain). More decimals
 * promise a precision no certificate date has, and a fraction (.5, or 0.1 for 10%) is a likely
 * mistake: both are refused with the form expected. `name` is how messages name the setting
 * (`fail-percent`, `--fail-percent`).
 */
export function parsePercent(value: string, name: string): number {
  const text = value.trim();
  const bare = text.replace(/%$/, '');
  const number = Number(bare);
  if (!/^\d{1,3}(\.\d)?$/.test(bare) || number > 100) {
    throw new InputError(
      `Invalid ${name} ${quoteValue(text)}. Expected a percent of the certificate's lifetime from 0 to 100, whole or with one decimal (e.g. 10 or 12.5).`,
      `Set ${name} to e.g. 10 to fail when less than a tenth of the lifetime is left; 0 turns the check off.`,
    );
  }
  return number;
}
