/**
 * DigitalOcean certificates: list, upload, wait until verified, delete. A delete that DigitalOcean
 * refuses because the certificate is "in use" is told apart: still referenced (report it), or
 * released moments ago by a rebind (DigitalOcean takes a while to notice: wait and try again, as
 * Terraform's provider does, 2 s doubling to 30 s).
 */
import { ProviderError } from '../errors.ts';
import type { HttpResponse } from '../http.ts';
import type { CertificateUpload, CertificateUse, RemoteCertificate } from '../provider.ts';
import type { Api } from './api.ts';
import type {
  Certificate,
  CertificateState,
  CertificateType,
  CustomCertificateRequest,
} from './contracts.ts';
import { ReplyObject } from './fields.ts';
import { listAll } from './pages.ts';
import { pollUntil } from './polling.ts';
import { type Call, isInUse, isObject, PROVIDER, replyError, said, shapeError } from './replies.ts';

const PATH = '/v2/certificates';

export interface InUseWait {
  /** First wait after an in-use refusal nothing explains; doubled each time up to maxMs. */
  initialMs: number;
  maxMs: number;
  /** Give up (IN_USE) once this much time has passed since the first refusal. */
  timeoutMs: number;
}

export const DEFAULT_IN_USE_WAIT: InUseWait = { initialMs: 2_000, maxMs: 30_000, timeoutMs: 180_000 };

export function toRemote(cert: Certificate): RemoteCertificate {
  return {
    id: cert.id,
    name: cert.name,
    sha1: cert.sha1_fingerprint === undefined ? undefined : cert.sha1_fingerprint.toLowerCase(),
    notAfter: cert.not_after,
    // Custom certificates come back with [""].
    dnsNames: (cert.dns_names ?? []).filter((name) => name !== ''),
    createdAt: cert.created_at,
    state: cert.state,
    type: cert.type,
  };
}

/**
 * One certificate as a reply shows it, every field the rotation reads checked: a name that is
 * not text, a fingerprint that is not 40 hex digits, a date that is not one, is the PROTOCOL
 * error. '' for the fingerprint or expiry (a certificate DigitalOcean has not issued yet) is
 * "not given".
 */
export function readCertificate(value: unknown, call: Call, at: string): Certificate {
  const row = new ReplyObject(value, call, at, 'a certificate');
  const sha1 = row.optionalText('sha1_fingerprint');
  if (sha1 !== undefined && sha1 !== '' && !SHA1_HEX.test(sha1)) {
    throw shapeError(call, `a SHA-1 of 40 hex digits for 'sha1_fingerprint' at ${at}`);
  }
  const certificate: Certificate = { id: row.id('id'), name: row.text('name') };
  if (sha1 !== undefined && sha1 !== '') certificate.sha1_fingerprint = sha1;
  const notAfter = row.optionalTime('not_after');
  if (notAfter !== undefined) certificate.not_after = notAfter;
  const createdAt = row.optionalTime('created_at');
  if (createdAt !== undefined) certificate.created_at = createdAt;
  const dnsNames = row.optionalTextList('dns_names');
  if (dnsNames !== undefined) certificate.dns_names = dnsNames;
  // A state or type the API adds later is passed on as DigitalOcean words it.
  const state = row.optionalText('state');
  if (state !== undefined) certificate.state = state as CertificateState;
  const type = row.optionalText('type');
  if (type !== undefined) certificate.type = type as CertificateType;
  return certificate;
}

const SHA1_HEX = /^[0-9a-f]{40}$/i;

export async function listCertificates(api: Api): Promise<RemoteCertificate[]> {
  const call = { what: `GET ${PATH}`, scope: 'certificate:read' };
  const certificates = await listAll(api.send, PATH, 'certificates', call, (item, at) =>
    readCertificate(item, call, at),
  );
  return certificates.map(toRemote);
}

/** One POST. A 500 may have come after the certificate was stored, so it counts as ambiguous. */
export async function postCertificate(api: Api, upload: CertificateUpload): Promise<RemoteCertificate> {
  const call = { what: `POST ${PATH} (${upload.name})`, scope: 'certificate:create' };
  const body: CustomCertificateRequest = {
    name: upload.name,
    type: 'custom',
    private_key: upload.privateKey,
    leaf_certificate: upload.certificate,
    ...(upload.chain.trim() === '' ? {} : { certificate_chain: upload.chain }),
  };
  const res = await api.send({ method: 'POST', path: PATH, body, retry: 'once' });
  if (res.status === 500) {
    throw new ProviderError(
      'AMBIGUOUS',
      `${PROVIDER}: ${call.what} got 500${said(res)}; it may have been stored.`,
      {
        status: res.status,
      },
    );
  }
  if (res.status !== 201 && res.status !== 200) throw replyError(res, call);
  return toRemote(certificateIn(res.body, call, res.status));
}

export async function getCertificate(api: Api, id: string): Promise<RemoteCertificate> {
  const call = { what: `GET ${PATH}/${id}`, scope: 'certificate:read' };
  const res = await api.send({
    method: 'GET',
    path: `${PATH}/${encodeURIComponent(id)}`,
    retry: 'idempotent',
  });
  if (res.status !== 200) throw replyError(res, call);
  return toRemote(certificateIn(res.body, call, res.status));
}

/** Binding a certificate that is not verified yet fails; wait for DigitalOcean to verify it. */
export async function waitVerified(api: Api, cert: RemoteCertificate): Promise<RemoteCertificate> {
  if (cert.state === undefined || cert.state === 'verified') return cert;
  return pollUntil(
    api.clock,
    api.polling,
    async () => {
      const now = await getCertificate(api, cert.id);
      if (now.state === 'error') {
        throw new ProviderError(
          'BAD_REQUEST',
          `${PROVIDER}: certificate ${now.name} (${now.id}) is in state 'error'.`,
          {
            fix: 'Look at the certificate in the DigitalOcean control panel; delete it and upload again.',
          },
        );
      }
      return now.state === 'verified' || now.state === undefined ? { done: now } : { seen: now.state };
    },
    (state, waited) =>
      new ProviderError(
        'TIMEOUT',
        `${PROVIDER}: certificate ${cert.name} (${cert.id}) was still '${state}' after ${Math.round(waited / 1000)} s.`,
        { fix: 'Run again later: the upload stays, and the next run finds it by its fingerprint.' },
      ),
  );
}

/**
 * DELETE, telling "still in use" apart from "DigitalOcean has not noticed the rebind yet".
 * `usersOf` names what references the certificate now.
 */
export async function deleteCertificate(
  api: Api,
  id: string,
  wait: InUseWait,
  usersOf: (id: string) => Promise<CertificateUse[]>,
): Promise<'removed' | 'already-gone'> {
  const call: Call = { what: `DELETE ${PATH}/${id}`, scope: 'certificate:delete' };
  let firstRefusal: number | undefined;
  let delay = wait.initialMs;
  for (;;) {
    const res = await api.send({
      method: 'DELETE',
      path: `${PATH}/${encodeURIComponent(id)}`,
      retry: 'idempotent',
    });
    if (res.status === 204 || res.status === 200 || res.status === 202) return 'removed';
    if (res.status === 404) return 'already-gone';
    if (!isInUse(res)) throw replyError(res, call);
    const now = api.clock.now();
    if (firstRefusal === undefined) {
      firstRefusal = now;
      const users = await usersOf(id).catch((thrown: unknown) => {
        // Without a listing (a token without cdn:read, say) there is no telling: report the refusal.
        throw new ProviderError('IN_USE', replyError(res, call).message, {
          status: res.status,
          cause: thrown,
        });
      });
      if (users.length > 0) throw stillUsed(res, call, users);
    }
    if (now - firstRefusal + delay > wait.timeoutMs) {
      const error = replyError(res, call);
      throw new ProviderError(
        'IN_USE',
        `${error.message} (still refused ${Math.round((now - firstRefusal) / 1000)} s after nothing referenced it).`,
        {
          status: res.status,
          fix: 'DigitalOcean can take a while to release a certificate; run again later.',
        },
      );
    }
    api.note(
      `${call.what}: in use by nothing we can see; DigitalOcean may not have caught up: again in ${delay} ms`,
    );
    await api.clock.sleep(delay);
    delay = Math.min(wait.maxMs, delay * 2);
  }
}

function stillUsed(res: HttpResponse, call: Call, users: CertificateUse[]): ProviderError {
  const names = users.map((use) => `${use.kind} ${use.name} (${use.id})`).join(', ');
  return new ProviderError('IN_USE', `${replyError(res, call).message}. Used by: ${names}.`, {
    status: res.status,
    fix: 'Move these to the new certificate first; the old one can go after that.',
  });
}

function certificateIn(body: unknown, call: Call, status: number): Certificate {
  if (!isObject(body) || !isObject(body['certificate'])) {
    throw shapeError(call, 'a certificate with an id and a name', status);
  }
  return readCertificate(body['certificate'], call, "the reply's 'certificate'");
}
