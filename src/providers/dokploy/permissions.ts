/** What a Dokploy API key needs for a run, and the fix that says so when a key is missing or refused. */
import type { TokenHelp } from '../provider.ts';

export function keyFix(help: TokenHelp): string {
  const permissions = help.access === 'read' ? 'read' : 'read, create, delete';
  return (
    'Create an API key in Dokploy (Profile → API/CLI) as a member of the organization that owns the ' +
    `certificates, with the certificate permissions (${permissions}) or the owner/admin role, and pass ` +
    `it ${help.via}. On Dokploy Cloud a certificate also needs a server id.`
  );
}
