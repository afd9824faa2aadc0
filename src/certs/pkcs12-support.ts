/**
 * node-forge is a fifth of the action's start-up time and only PKCS#12 files need it, so it is
 * loaded on demand. Checking is synchronous, so the loading happens before it: whoever checks
 * sources that may hold a PKCS#12 file (`mayHoldPkcs12` in decode.ts) awaits
 * `loadPkcs12Support()` first, and decoding takes the opener from here.
 */
import type { openPkcs12 } from './pkcs12.ts';

type Opener = typeof openPkcs12;

let opener: Opener | undefined;

export async function loadPkcs12Support(): Promise<void> {
  opener ??= (await import('./pkcs12.ts')).openPkcs12;
}

export function pkcs12Opener(): Opener {
  if (opener === undefined) {
    throw new Error(
      'internal: PKCS#12 support is not loaded; await loadPkcs12Support() before checking sources that may hold a PKCS#12 file.',
    );
  }
  return opener;
}
