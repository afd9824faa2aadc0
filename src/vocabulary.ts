/**
 * How messages name a setting on the surface the user is on. The same engine serves the action
 * (inputs in a workflow, secrets from the repository) and the terminal command (flags, and
 * CERT_ROTATE_* variables for secrets), and a fix is only useful if it names what the user can
 * type. The entry point picks the vocabulary (the action's is the default; the command's is in
 * cli/flags.ts, built from its flag table) and it travels in the settings to every place that
 * words a fix: settings, loading, the certificate checks, the providers.
 */
import { type InputName, type MODES, SECRET_INPUTS } from './constants.ts';

export interface Vocabulary {
  /** The setting's own name: `warn-days` (input), `--warn-days` (flag), `CERT_ROTATE_API_TOKEN`. */
  name(input: InputName): string;
  /**
   * Where to give it, with its preposition, to end "Pass the passphrase …": `in the key-passphrase
   * input (from a secret)`, `in the environment variable CERT_ROTATE_KEY_PASSPHRASE`, `with --key FILE`.
   */
  via(input: InputName): string;
  /** A true/false setting turned on or off: `set repair-chain to true`, `leave out --no-repair-chain`. */
  turn(input: InputName, on: boolean): string;
  /** Running in a mode: `mode: plan`, `cert-rotate plan`. */
  mode(mode: (typeof MODES)[number]): string;
  /** A value given directly (not a file), by its label: `certificate input`, `CERT_ROTATE_CERTIFICATE value`. */
  value(label: string): string;
  /** What to check when a value the user set did not arrive (empty, or nothing given at all). */
  missing: string;
  /** Where relative paths start. */
  folder: string;
  /** How environment variables (a manifest's `env:` parts) reach a run. */
  passEnv: string;
}

export const ACTION_WORDS: Vocabulary = {
  name: (input) => input,
  via: (input) => `in the ${input} input${SECRET_INPUTS.includes(input) ? ' (from a secret)' : ''}`,
  turn: (input, on) => `set ${input} to ${on}`,
  mode: (mode) => `mode: ${mode}`,
  value: (label) => `${label} input`,
  missing:
    'If it comes from a secret, check that the secret exists and is passed to this workflow (secrets are not passed to workflows triggered from forks).',
  folder: 'the workspace (the repository checkout)',
  passEnv:
    "Pass each one to the step in its env: block, usually from a secret (PRIVATE_KEY: ${{ secrets.PRIVATE_KEY }}), and check the secret's name.",
};
