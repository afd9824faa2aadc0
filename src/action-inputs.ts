/**
 * The only file that calls `core.getInput`. Secrets are masked here, before anything else
 * sees them; validation happens in settings.ts.
 */
import * as core from './runner.ts';
import { type InputName, Inputs, SECRET_INPUTS } from './constants.ts';
import { looksSecret, maskSecret, type SecretSink } from './secrets.ts';
import type { RawInputs } from './settings.ts';

export function readActionInputs(mask: SecretSink): RawInputs {
  const raw: RawInputs = {};
  for (const name of Object.values(Inputs) as InputName[]) {
    const secret = SECRET_INPUTS.includes(name);
    // A password may really end in a space: never trim secrets.
    const value = core.getInput(name, { trimWhitespace: !secret });
    // A key pasted into a path input (private-key-file) is still a key: masked as one.
    if (secret || (name.endsWith('-file') && looksSecret(value))) maskSecret(value, mask);
    if (value !== '') raw[name] = value;
  }
  return raw;
}
