/**
 * The body of a create, the same in both dialects.
 *
 * `certificateData` is the full chain (leaf, then intermediates) and `certificateChain` is never
 * sent, in the docs dialect too. What Dokploy really does is known (no chain field:
 * `certificateData` goes verbatim to the `chain.crt` Traefik serves), and the docs themselves
 * say `certificateData` includes the full chain. Against a server that works as described
 * there are two ways to be wrong, and they are not equally bad:
 * - leaf only in `certificateData` plus `certificateChain`: a server that ignores the extra
 *   field (the real one) serves the leaf alone, and clients that do not fetch missing
 *   intermediates themselves (curl, Android, most API clients) fail to connect;
 * - full chain in `certificateData` plus `certificateChain`: a server that concatenates the two
 *   serves every intermediate twice: wasted bytes on every handshake, findings in every TLS
 *   scanner, and a stored chain this action's own checks would call broken.
 * Full chain and no `certificateChain` is right for a server that ignores the field and for one
 * that concatenates; only a server that serves `certificateChain` alone in place of the chain
 * in `certificateData` could miss out, and nothing describes one.
 *
 * `organizationId` is sent as "" in both dialects: the real schema requires it (the server
 * overwrites it), and zod strips keys a schema does not know rather than refusing them.
 */
import type { CertificateUpload } from '../provider.ts';
import type { CreateCertificateInput } from './contracts.ts';

export function createInput(upload: CertificateUpload, serverId: string | undefined): CreateCertificateInput {
  const input: CreateCertificateInput = {
    name: upload.name,
    certificateData: upload.fullchain,
    privateKey: upload.privateKey,
    organizationId: '',
  };
  if (serverId !== undefined) input.serverId = serverId;
  return input;
}
