/**
 * Dokploy as a rotation target. Dokploy serves uploaded certificates by SNI from Traefik's file
 * provider: no domain references a certificate id, so there is nothing to rebind and this
 * provider has no `uses`/`rebind`. A removal breaks nothing once the new certificate is there;
 * Traefik may only notice either after a reload (Dokploy issue #4503), which `settle` asks for
 * when the user wants it.
 *
 * The listing is scoped to the target: with a server id, the certificates on that server; without
 * one, those on the Dokploy host itself. A key sees its whole organization, and a certificate
 * of the same name on another server is not a superseded version of this one to remove.
 */
import { createChecked, isSameUpload } from '../create-checked.ts';
import { ProviderError } from '../errors.ts';
import {
  type CertificateUpload,
  DEFAULT_TOKEN_HELP,
  type Provider,
  type RemoteCertificate,
  type Settled,
  type TokenHelp,
} from '../provider.ts';
import type { Transport } from '../http.ts';
import { DokployApi, type DokployApiOptions } from './api.ts';
import { apiBaseUrl } from './base-url.ts';
import { createInput } from './create-body.ts';
import { keyFix, rateLimitFix } from './permissions.ts';
import type { ListedCertificate } from './rows.ts';

const RELOAD_NOTE =
  'Dokploy restarts Traefik in the background after it answers, and a failure shows only in its ' +
  'server log (docker service logs dokploy): check that the new certificate is served.';

export interface DokployOptions extends Transport {
  /** A Dokploy API key (a secret: registered with `redactor` here). */
  apiKey: string;
  /** The dashboard's address, with or without `/api`. */
  baseUrl: string;
  /** The remote server the certificates go to; unset for the Dokploy host. */
  serverId?: string | undefined;
  /** After the run's changes, restart Traefik (on `serverId` when set) so it serves them. */
  reloadTraefik?: boolean | undefined;
  redactor: DokployApiOptions['redactor'];
  /** What a refused key's fix asks for (plan: read only) and where it says to put the key. */
  tokenHelp?: TokenHelp;
}

export function createDokployProvider(options: DokployOptions): Provider {
  return new DokployProvider(options);
}

class DokployProvider implements Provider {
  readonly kind = 'dokploy' as const;
  readonly label: string;
  private readonly api: DokployApi;
  private readonly serverId: string | undefined;
  private readonly reload: boolean;
  private readonly debug: ((line: string) => void) | undefined;

  constructor(options: DokployOptions) {
    const { apiKey: rawKey, baseUrl, serverId, reloadTraefik, redactor, tokenHelp, ...transport } = options;
    const help = tokenHelp ?? DEFAULT_TOKEN_HELP;
    const authFix = keyFix(help);
    const apiKey = rawKey.trim();
    if (apiKey === '') throw new ProviderError('AUTH', 'Dokploy: no API key was given.', { fix: authFix });
    redactor.add(apiKey);
    this.api = new DokployApi({
      ...transport,
      apiKey,
      baseUrl: apiBaseUrl(baseUrl),
      redactor,
      authFix,
      rateLimitFix: rateLimitFix(help),
    });
    this.label = `Dokploy at ${this.api.baseUrl.host}`;
    const server = serverId?.trim();
    this.serverId = server === '' ? undefined : server;
    this.reload = reloadTraefik === true;
    this.debug = transport.debug;
  }

  async list(): Promise<RemoteCertificate[]> {
    return (await this.api.all()).filter((row) => this.isTarget(row)).map((row) => row.remote);
  }

  create(upload: CertificateUpload): Promise<RemoteCertificate> {
    return createChecked(upload, {
      post: (u) => this.post(u),
      list: () => this.list(),
      note: (line) => this.debug?.(`Dokploy: ${line}`),
    });
  }

  remove(id: string): Promise<'removed' | 'already-gone'> {
    return this.api.remove(id);
  }

  /**
   * Dokploy answers `200 true` before Traefik restarts (in the background; a failure shows only in
   * its server log), so a reload is reported as requested, never as done.
   */
  async settle(): Promise<Settled> {
    if (!this.reload) return { status: 'not-needed' };
    await this.api.reloadTraefik(this.serverId);
    return { status: 'requested', what: 'Traefik reload', note: RELOAD_NOTE };
  }

  requestCount(): number {
    return this.api.requestCount();
  }

  private async post(upload: CertificateUpload): Promise<RemoteCertificate> {
    const created = await this.api.create(createInput(upload, this.serverId));
    if (created !== undefined) return created.remote;
    // The server said yes without describing the row: find it rather than fail a create that worked.
    const found = (await this.list()).find((remote) => isSameUpload(remote, upload));
    if (found !== undefined) return found;
    throw new ProviderError(
      'PROTOCOL',
      `Dokploy accepted the upload of ${upload.name} but it is not in the certificate list.`,
      { fix: 'Look for it in the Dokploy dashboard (Certificates), then run again.' },
    );
  }

  /** A row whose server is not stated is kept: there is nothing to tell it apart by. */
  private isTarget(row: ListedCertificate): boolean {
    if (row.serverId === undefined) return true;
    return row.serverId === (this.serverId ?? null);
  }
}
