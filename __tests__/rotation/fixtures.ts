/**
 * Shared by the rotation tests: checked bundles from the certificate engine over a throwaway PKI
 * (so fingerprints and upload texts are the engine's), and ways to read what a run did.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import type { CheckedBundle } from '../../src/certs/bundle.ts';
import { checkBundle } from '../../src/certs/validate.ts';
import { renderName } from '../../src/rotation/names.ts';
import type { AppliedStep, LineageResult, RotationResult } from '../../src/rotation/results.ts';
import type { RecordedRequest } from '../../test/doubles/loopback.ts';
import type { Pki } from '../../test/support/pki.ts';

export const TEMPLATE = '{name}-{sha1:12}';

/**
 * The names every version covers unless a test says otherwise: what the doubles' load balancers
 * and CDN endpoints serve (example.com, www.example.com, static.example.com, sN.example.com), as a
 * rebind goes only to a version that covers them.
 */
export const SERVED_NAMES = ['app.example.test', 'example.com', '*.example.com'];

/** A new version of a certificate (its own key), checked as the rotation would get it. */
export async function bundleOf(pki: Pki, dns = SERVED_NAMES): Promise<CheckedBundle> {
  const { root, intermediates, leaf } = await pki.chain(1, { cn: dns[0] ?? 'app.example.test', dns });
  const bundle = checkBundle(
    {
      sources: [
        { role: 'certificate', name: 'certificate', data: leaf.certPem },
        { role: 'chain', name: 'certificate-chain', data: intermediates.map((c) => c.certPem).join('') },
        { role: 'private-key', name: 'private-key', data: leaf.keyPem },
      ],
    },
    { trustedRoots: () => [new X509Certificate(root.certPem)] },
  );
  assert.ok(bundle.ok && bundle.upload && bundle.leaf, JSON.stringify(bundle.findings));
  return bundle;
}

export function sha1Of(bundle: CheckedBundle): string {
  return bundle.leaf!.sha1;
}

/** The name the rotation gives this version in `lineage`. */
export function nameOf(lineage: string, bundle: CheckedBundle, template = TEMPLATE): string {
  const leaf = bundle.leaf!;
  return renderName(template, lineage, { sha1: leaf.sha1, sha256: leaf.sha256, notAfter: leaf.notAfter });
}

/** Requests that could change something. */
export function writes(requests: readonly RecordedRequest[], since = 0): RecordedRequest[] {
  return requests.slice(since).filter((r) => r.method !== 'GET');
}

export function only(result: RotationResult): LineageResult {
  assert.equal(result.lineages.length, 1);
  return result.lineages[0]!;
}

/** `op:status` of every step, for a compact picture of what happened. */
export function picture(result: LineageResult): string[] {
  return (result.steps ?? []).map((step) => `${step.op}:${step.outcome.status}`);
}

export function stepsOf<Op extends AppliedStep['op']>(
  result: LineageResult,
  op: Op,
): Extract<AppliedStep, { op: Op }>[] {
  return (result.steps ?? []).filter((step): step is Extract<AppliedStep, { op: Op }> => step.op === op);
}

/** Plain data (nothing JSON would lose but unset fields), and no PEM, so no key, in it. */
export function assertPlain(result: RotationResult): void {
  const walk = (value: unknown, at: string): void => {
    if (value === null || value === undefined) return;
    if (['string', 'number', 'boolean'].includes(typeof value)) return;
    assert.ok(typeof value === 'object', `${at} is a ${typeof value}`);
    const proto = Object.getPrototypeOf(value);
    assert.ok(proto === Object.prototype || proto === Array.prototype, `${at} is not plain data`);
    for (const [key, item] of Object.entries(value)) walk(item, `${at}.${key}`);
  };
  walk(result, 'result');
  assert.doesNotMatch(JSON.stringify(result), /BEGIN|PRIVATE KEY/);
}
