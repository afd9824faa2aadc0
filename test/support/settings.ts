/** The one certificate of settings made from the single-certificate inputs (tests only). */
import type { CertificateEntry, PartSource, Settings } from '../../src/settings.ts';

export function single(settings: Settings): CertificateEntry {
  if (settings.certificates.kind !== 'inputs')
    throw new Error(`expected inputs, got ${settings.certificates.kind}`);
  return settings.certificates.entry;
}

/** A value source's text (passphrases), or undefined. */
export function textOf(source: PartSource | undefined): string | undefined {
  return source?.kind === 'value' ? source.text : undefined;
}
