/**
 * The one place a provider is chosen: a new provider is one folder and one case here.
 */
import { InputError } from '../errors.ts';
import type { Redactor } from '../secrets.ts';
import { createDigitalOceanProvider } from './digitalocean/provider.ts';
import { createDokployProvider } from './dokploy/provider.ts';
import type { Transport } from './http.ts';
import type { Provider, ProviderKind, TokenHelp } from './provider.ts';

export interface ProviderSettings {
  kind: ProviderKind;
  /** DigitalOcean personal access token, or Dokploy API key. A secret. */
  token: string;
  /** Dokploy's address (required); DigitalOcean's API (default https://api.digitalocean.com). */
  apiUrl?: string | undefined;
  /** Dokploy: the remote server the certificates belong to. */
  serverId?: string | undefined;
  /** Dokploy: reload Traefik after changes. */
  reloadTraefik?: boolean | undefined;
  /** What a refused token's fix asks for, and where it says to put the token. */
  tokenHelp?: TokenHelp | undefined;
}

export function createProvider(
  settings: ProviderSettings,
  redactor: Redactor,
  transport: Transport = {},
): Provider {
  switch (settings.kind) {
    case 'digitalocean':
      return createDigitalOceanProvider({
        token: settings.token,
        redactor,
        ...(settings.tokenHelp ? { tokenHelp: settings.tokenHelp } : {}),
        ...(settings.apiUrl ? { baseUrl: settings.apiUrl } : {}),
        ...transport,
      });
    case 'dokploy':
      if (!settings.apiUrl) {
        throw new InputError(
          'Dokploy needs the address of your Dokploy instance.',
          'Set api-url to the dashboard address, e.g. https://dokploy.example.com.',
        );
      }
      return createDokployProvider({
        apiKey: settings.token,
        baseUrl: settings.apiUrl,
        serverId: settings.serverId,
        reloadTraefik: settings.reloadTraefik,
        redactor,
        ...(settings.tokenHelp ? { tokenHelp: settings.tokenHelp } : {}),
        ...transport,
      });
  }
}
