/**
 * What a run rotates once targets are resolved: every (certificate, target) pair, and the same
 * grouped by target, as each target has its own client, rate limiter and listing. Pure.
 */
import type { RotationSettings } from '../settings.ts';

/** The target of the run's own provider settings (the action's inputs, the command's flags). */
export const DEFAULT_TARGET = 'default';

/**
 * A target ready for a run: its provider settings with the token read (as providers/factory.ts
 * takes them), and what its plan and rotation take. `default` is the run's own provider settings.
 */
export interface ResolvedTarget extends RotationSettings {
  name: string;
}

export interface TargetPair<C> {
  certificate: C;
  target: ResolvedTarget;
}

/**
 * Each certificate with each of its targets, in the manifest's order; `namesOf` says where one
 * goes (a loaded certificate's `targets`, or a checked one's `certificate.targets`). A name with no
 * resolved target takes nothing: that target was left out and said (its token is a secret this
 * pull request cannot see); parsing has refused every other name that is not a target.
 */
export function pairsFor<C>(
  certificates: readonly C[],
  targets: readonly ResolvedTarget[],
  namesOf: (certificate: C) => readonly string[],
): TargetPair<C>[] {
  const byName = new Map(targets.map((t) => [t.name, t]));
  return certificates.flatMap((certificate) =>
    namesOf(certificate).flatMap((name) => {
      const target = byName.get(name);
      return target === undefined ? [] : [{ certificate, target }];
    }),
  );
}

export interface TargetWork<C> {
  target: ResolvedTarget;
  certificates: C[];
}

/**
 * The pairs by target: one rotation each (its own client, rate limiter and listing). With
 * `every`, each of those targets has its group, in that order, empty ones too (an inventory, or a
 * re-run that only lists); without, the targets in the order they first appear.
 */
export function byTarget<C>(
  pairs: readonly TargetPair<C>[],
  every?: readonly ResolvedTarget[],
): TargetWork<C>[] {
  const groups = new Map<string, TargetWork<C>>();
  for (const target of every ?? []) groups.set(target.name, { target, certificates: [] });
  for (const { certificate, target } of pairs) {
    const group = groups.get(target.name) ?? { target, certificates: [] };
    group.certificates.push(certificate);
    groups.set(target.name, group);
  }
  return [...groups.values()];
}
