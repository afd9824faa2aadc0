/**
 * What dist/index.js uses in place of runner.ts: the same functions, made from @actions/core's own
 * modules. scripts/build.ts puts this module's compiled file where runner.ts's would be, before
 * ncc bundles, so nothing else changes.
 *
 * Why: @actions/core's index also loads its OIDC client, and with it an HTTP stack
 * (@actions/http-client and undici 6, about 1 MB of JavaScript) that this action never uses, and
 * ncc cannot leave it out (the modules are not marked free of side effects). It cost 38 ms of a
 * 103 ms start (3.7× `node -e 0`; bench/cold-start.ts), more than everything else the action
 * loads for a validate run. The sources keep the real package (runner.ts) so that
 * @github/local-action, which replaces that package, sees every call.
 *
 * The functions below do what @actions/core's functions of the same names do: runner.test.ts
 * runs both with the same calls and compares what reaches the runner. The package's `exports` map
 * lists only its index, so the modules are reached by their path; the versions are pinned by the
 * lockfile, and the tests run the built action against the runner's files (dist.test.ts,
 * dist-events.test.ts).
 */
import { EOL } from 'node:os';
import { issue, issueCommand } from '../node_modules/@actions/core/lib/command.js';
import type { AnnotationProperties } from '../node_modules/@actions/core/lib/core.js';
import { issueFileCommand, prepareKeyValueMessage } from '../node_modules/@actions/core/lib/file-command.js';
import { summary } from '../node_modules/@actions/core/lib/summary.js';
import { toCommandProperties, toCommandValue } from '../node_modules/@actions/core/lib/utils.js';

export type { AnnotationProperties };
export { summary };

/** An input as the runner passes it: `INPUT_<NAME>` (spaces as `_`, upper case), trimmed unless asked not to. */
export function getInput(name: string, options: { trimWhitespace?: boolean } = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  return options.trimWhitespace === false ? value : value.trim();
}

/** Masked from the log from now on. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    return;
  }
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('notice', toCommandProperties(properties), message);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message);
}

export function startGroup(name: string): void {
  issue('group', name);
}

export function endGroup(): void {
  issue('endgroup');
}

/** The step fails (exit code 1) with this message as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}
