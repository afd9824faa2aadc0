/**
 * Which Node.js the terminal command runs on. People install it on whatever Node they have, and
 * on one that is too old it does not fail cleanly: `X509Certificate.validFromDate` (Node 22.10)
 * is missing, the read throws, and every certificate is reported as damaged. So the command
 * refuses to start on an older Node, with one line that says what to install.
 *
 * 22.19.0 is the oldest Node the command's HTTP client declares (undici 8: `engines.node`
 * ">=22.19.0"); everything else it uses is older. package.json's `engines.node` says the same,
 * and a test keeps the two equal. This file is loaded before anything else, by any Node that can
 * run an ES module: only syntax and APIs that every such Node has.
 */

export const MINIMUM_NODE = '22.19.0';

/** [major, minor, patch] of `22.19.0`, `v22.19.0` or `26.0.0-nightly…`; undefined if not a version. */
function parts(version: string): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/**
 * The one line to refuse with when `found` (process.versions.node) is older than MINIMUM_NODE;
 * undefined when it is new enough, or when it is no version this can read (a custom build is
 * given the benefit of the doubt rather than refused on a guess).
 */
export function unsupportedNode(found: string): string | undefined {
  const have = parts(found);
  const need = parts(MINIMUM_NODE)!;
  if (!have) return undefined;
  for (let i = 0; i < 3; i++) {
    if (have[i]! > need[i]!) return undefined;
    if (have[i]! < need[i]!) {
      return `cert-rotate needs Node.js ${MINIMUM_NODE} or newer, and this is Node.js ${found.replace(/^v/, '')}: install a maintained Node.js LTS release (https://nodejs.org) and run it again.`;
    }
  }
  return undefined;
}
