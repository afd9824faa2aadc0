/**
 * Many targets in one run (issue 13): each target (a provider account, a Dokploy server) gets its
 * own client, and so its own rate limiter, its own listing and its own plan; targets run side by
 * side, and one that cannot be rotated at all (a refused token, a listing that fails) is reported
 * as such while the others go on. The run still fails then: the report says which target did.
 */
import { failure } from '../rotation/results.ts';
import type { RotationResult } from '../rotation/results.ts';
import type { Checked } from '../run.ts';
import type { RotationSettings } from '../settings.ts';

export interface TargetRun {
  /** `default` for the action's own provider inputs; a manifest target's name otherwise. */
  name: string;
  rotation: RotationSettings;
  /** The certificates that go to this target (checked and ready). */
  lineages: readonly Checked[];
}

export interface TargetOutcome {
  name: string;
  /** The lineages that went to it. */
  lineages: string[];
  /** What the provider calls itself in messages: "DigitalOcean", "Dokploy at dokploy.example.com". */
  label: string;
  result?: RotationResult;
  /** The target could not be rotated at all: why, and what to do. */
  error?: { code: string; message: string; fix?: string };
}

/**
 * One target's rotation, as run.ts makes it: the provider first (so a failure later is still
 * reported under the provider's name), then the live check and the rotation.
 */
export type RotateTarget = (target: TargetRun) => { label: string; rotate: () => Promise<RotationResult> };

/**
 * Every target at once. A target's own trouble is its outcome; only a bug in this function
 * itself would throw.
 */
export async function rotateTargets(
  targets: readonly TargetRun[],
  rotateOne: RotateTarget,
): Promise<TargetOutcome[]> {
  return Promise.all(
    targets.map(async (target): Promise<TargetOutcome> => {
      let label = target.rotation.provider.kind === 'dokploy' ? 'Dokploy' : 'DigitalOcean';
      const base = { name: target.name, lineages: target.lineages.map((c) => c.certificate.name ?? '') };
      try {
        const prepared = rotateOne(target);
        label = prepared.label;
        return { ...base, label, result: await prepared.rotate() };
      } catch (thrown) {
        const { code, message, fix } = failure(thrown);
        return { ...base, label, error: { code, message, ...(fix === undefined ? {} : { fix }) } };
      }
    }),
  );
}
