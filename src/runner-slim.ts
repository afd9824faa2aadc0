/**
 * What dist/index.js uses in place of runner.ts: the same functions, made from @actions/core's own
 * modules. scripts/build.ts puts this module's compiled file where runner.ts's would be, before
 * ncc bundles, so nothing else changes.
 *
 * Why: @actions/core's index also loads its OIDC client, and with it an HTTP stack
 * (@actions/http-client and undici 6, about 1 MB of JavaScript) that this action never uses, and
 * ncc bundles it whole (it does not drop modules nobody calls). Bundled from the index,
 * dist/index.js grows from 0.22 to 1.26 MB and a validate run starts in 130 ms instead of 85 ms:
 * 3.6× `node -e 0` instead of 2.5×, past the 3× target (bench/cold-start.ts, 2026-12-03). The
 * sources keep the real package (runner.ts) so that @github/local-action, which replaces that
 * package, sees every call.
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
