/**
 * A create is not idempotent: sent twice, it makes two certificates (or, on DigitalOcean, the
 * second fails on the name). So a create that fails after it may have reached the server is
 * never simply resent: the listing is searched for the certificate's fingerprint first, and only
 * if it is not there is the create tried again, a bounded number of times.
 */
import { isProviderError } from './errors.ts';
import type { CertificateUpload, RemoteCertificate } from './provider.ts';

export interface CreateSteps {
  post(upload: CertificateUpload): Promise<RemoteCertificate>;
  list(): Promise<RemoteCertificate[]>;
  /** Called before a create is tried again, for the log. */
  note?(line: string): void;
}

/** A listed certificate that is this upload: same fingerprint, or (no data listed) same name. */
export function isSameUpload(remote: RemoteCertificate, upload: CertificateUpload): boolean {
  if (remote.sha1 !== undefined) return remote.sha1 === upload.sha1;
  return remote.name === upload.name;
}

/**
 * Ours only: the name we sent, holding the content we sent. The same leaf under another name is
 * an older upload (which the planner already counts as present) or someone else's certificate.
 */
function findLanded(
  listed: readonly RemoteCertificate[],
  upload: CertificateUpload,
): RemoteCertificate | undefined {
  return listed.find((remote) => remote.name === upload.name && isSameUpload(remote, upload));
}

export async function createChecked(
  upload: CertificateUpload,
  steps: CreateSteps,
  tries = 3,
): Promise<RemoteCertificate> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await steps.post(upload);
    } catch (thrown) {
      if (!isProviderError(thrown, 'AMBIGUOUS')) throw thrown;
      // Look even after the last try: a create that landed then is a success, not a failure.
      const landed = findLanded(await steps.list(), upload);
      if (landed) {
        steps.note?.(`the create of ${upload.name} had landed despite the error: using ${landed.id}`);
        return landed;
      }
      if (attempt >= tries) throw thrown;
      steps.note?.(`the create of ${upload.name} did not land: trying again (${attempt + 1} of ${tries})`);
    }
  }
}
