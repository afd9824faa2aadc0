/**
 * The live check as a rotation uses it: which endpoints belong to which lineage, how they are
 * checked, and the fix a failed check prints. Built from the settings once per run (run.ts).
 */
import { covers } from '../certs/hostnames.ts';
import type { CertFacts } from '../certs/inspect.ts';
import { Inputs } from '../constants.ts';
import type { RotationVerify } from '../rotation/rotate.ts';
import type { SettleOutcome } from '../rotation/results.ts';
import type { RotationSettings } from '../settings.ts';
import type { Vocabulary } from '../vocabulary.ts';
import type { VerifySettings } from '../verify-settings.ts';
import { type Endpoint, endpointsFor, type SkippedDomain } from './endpoints.ts';
import type { LineageVerification } from './verdict.ts';
import { checkEndpointCount, type VerifyOptions, verifyLineages } from './verify-lineages.ts';

export interface VerifiedLineage {
  lineage: string;
  domains: readonly string[];
  /** A manifest entry's own endpoints. */
  endpoints: readonly Endpoint[];
  leaf: CertFacts | undefined;
}

export interface RotationVerifyInput {
  verify: VerifySettings;
  rotation: RotationSettings;
  lineages: readonly VerifiedLineage[];
  /** One certificate from the inputs: every endpoint given is its own, covered or not. */
  single: boolean;
  extraCaPems: readonly string[];
  words: Vocabulary;
  /** Tests: DNS, the handshake and the clock. */
  overrides?: Pick<VerifyOptions, 'lookup' | 'check' | 'clock' | 'initialDelayMs' | 'maxDelayMs'>;
}

export function rotationVerify(input: RotationVerifyInput): RotationVerify | undefined {
  const { verify, rotation, words } = input;
  if (verify.mode === 'off') return undefined;
  const byLineage = new Map<string, { endpoints: Endpoint[]; skipped: SkippedDomain[] }>();
  for (const item of input.lineages) {
    // With a manifest, an endpoint given as an input belongs to the certificates that cover it.
    const given = input.single
      ? verify.endpoints
      : verify.endpoints.filter(
          (endpoint) =>
            item.leaf !== undefined &&
            covers({ dns: item.leaf.dnsNames, ip: item.leaf.ipAddresses }, endpoint.host),
        );
    byLineage.set(item.lineage, endpointsFor(item.domains, [...item.endpoints, ...given]));
  }
  // Now, before anything is sent, rather than when the check runs after the upload.
  checkEndpointCount([...byLineage.values()].reduce((sum, where) => sum + where.endpoints.length, 0));
  const options: VerifyOptions = {
    mode: verify.mode,
    timeoutMs: verify.timeoutSeconds * 1000,
    pins: verify.pins,
    extraCaPems: input.extraCaPems,
    ...input.overrides,
  };
  const dokploy = rotation.provider.kind === 'dokploy';
  return {
    endpointsOf: (lineage) => byLineage.get(lineage) ?? { endpoints: [], skipped: [] },
    run: (lineages) => verifyLineages(lineages, options),
    onFailure: verify.onFailure,
    mode: verify.mode,
    mayReload: dokploy && rotation.provider.reloadTraefik === true,
    fixFor: (verification, reload) => fixFor(verification, reload, { dokploy, verify, words }),
  };
}

function fixFor(
  verification: LineageVerification,
  reload: SettleOutcome | undefined,
  context: { dokploy: boolean; verify: VerifySettings; words: Vocabulary },
): string {
  const { name: named } = context.words;
  const stays =
    'The superseded versions stay until every endpoint serves the new certificate; run again once it does.';
  const stale = verification.endpoints.some(
    (row) => !row.matches && (row.serves === 'superseded' || row.serves === 'traefik-default'),
  );
  if (context.dokploy && stale) {
    if (reload === undefined) {
      return `Traefik has not picked up the new certificate (Dokploy issue 4503). ${context.words.turn(Inputs.ReloadTraefik, true)} (with an admin's API key) so the run reloads it, or reload it in Dokploy (Settings, Web Server, Reload Traefik). ${stays}`;
    }
    if (reload.status === 'failed') {
      return `Traefik was to be reloaded to pick up the new certificate, and the reload failed: ${reload.message}${reload.fix ? ` ${reload.fix}` : ''} ${stays}`;
    }
    return `Traefik was reloaded once more and still serves an old certificate: look at Traefik's logs for the certificate file (a file it cannot read is skipped) and at the domain's settings in Dokploy. ${stays}`;
  }
  const unreachable = verification.endpoints.some((row) => row.unreachable);
  const requireNote =
    unreachable && context.verify.mode === 'require'
      ? ` An endpoint that cannot be reached fails because ${named(Inputs.Verify)} is require; set it to auto to pass over those.`
      : '';
  return `Check that each name resolves to where this certificate is served (or pin it with ${named(Inputs.Resolve)}), and that the endpoint is one this provider serves. A load balancer can take minutes to switch: ${named(Inputs.VerifyTimeoutSeconds)} (now ${context.verify.timeoutSeconds}) sets how long the run waits.${requireNote} ${stays}`;
}
