/** What a Dokploy API key needs for a run, and the fix that says so when a key is missing or refused. */
import type { TokenHelp } from '../provider.ts';

export function keyFix(help: TokenHelp): string {
  const permissions = help.access === 'read' ? 'read' : 'read, create, delete';
  return (
    'Create an API key in Dokploy (Profile → API/CLI) as a member of the organization that owns the ' +
    `certificates, with the certificate permissions (${permissions}) or the owner/admin role, and pass ` +
    `it ${help.via}. On Dokploy Cloud a certificate also needs a server id. ${NO_LIMIT}`
  );
}

/** Keys made with the dashboard's form are not rate-limited (it sends rateLimitEnabled: false). */
const NO_LIMIT =
  'A key from the dashboard\'s "Add API key" form has no rate limit; one made through the API has ' +
  'one unless it was made with rateLimitEnabled: false.';

/** For a key refused after it worked in the same run: Dokploy's per-key rate limit, and how to lift it. */
export function rateLimitFix(help: TokenHelp): string {
  return (
    "Use a key without the rate limit: create one in Dokploy (Profile → API/CLI) with the dashboard's " +
    '"Add API key" form, which turns the limit off, or through the API with rateLimitEnabled: false, ' +
    `and pass it ${help.via}. Then run again.`
  );
}
