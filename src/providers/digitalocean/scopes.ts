/** The token scopes the rotation uses, and the fix that names them when a token is missing or refused. */
import type { Access, TokenHelp } from '../provider.ts';

/** What plan uses: the listing, and the load balancers and CDN endpoints that use a certificate. */
export const READ_SCOPES = ['certificate:read', 'load_balancer:read', 'cdn:read'];

/** Every scope apply uses. */
export const TOKEN_SCOPES = [
  'certificate:read',
  'certificate:create',
  'certificate:delete',
  'load_balancer:read',
  'load_balancer:update',
  'cdn:read',
  'cdn:update',
];

export function scopesFor(access: Access): readonly string[] {
  return access === 'read' ? READ_SCOPES : TOKEN_SCOPES;
}

/** `Pass a valid DigitalOcean API token with the scopes … in the api-token input (from a secret).` */
export function tokenFix(help: TokenHelp): string {
  return `Pass a valid DigitalOcean API token with the scopes ${scopesFor(help.access).join(', ')} ${help.via}.`;
}
