/**
 * Build dist/: TypeScript 7 compiles src/ to build/ (ncc's own TypeScript loader needs the
 * TypeScript JS API, which version 7 no longer has), then ncc bundles that JavaScript, once for
 * the action (dist/index.js, from src/index.ts) and once for the terminal command (dist/cli/index.js).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

rmSync(`${root}build`, { recursive: true, force: true });
rmSync(`${root}dist`, { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
// The sources take the runner's protocol from @actions/core's index (src/runner.ts), which
// @github/local-action can replace; the bundle takes the same functions from the package's own
// modules (src/runner-slim.ts), without the OIDC client and HTTP stack the index loads, which
// would take the action's cold start from 2.5× `node -e 0` to 3.6× (see runner-slim.ts). The
// compiled file keeps its own source map comment, so the bundle maps to runner-slim.ts.
copyFileSync(`${root}build/runner-slim.js`, `${root}build/runner.js`);
rmSync(`${root}build/runner.js.map`);
for (const [entry, out] of [
  ['build/index.js', 'dist'],
  ['build/cli.js', 'dist/cli'],
] as const) {
  run(bin('ncc'), ['build', entry, '-o', out, '--source-map', '--license', 'licenses.txt', '--quiet']);
}
// A module that imports @actions/core itself, not through src/runner.ts, brings the index back.
for (const file of readdirSync(`${root}dist`).filter((name) => name.endsWith('.js'))) {
  if (readFileSync(`${root}dist/${file}`, 'utf8').includes('ACTIONS_ID_TOKEN_REQUEST_TOKEN')) {
    throw new Error(
      `dist/${file} holds @actions/core's OIDC client: some module imports '@actions/core' directly. ` +
        'Import the runner protocol from src/runner.ts instead (the build replaces it with runner-slim.ts).',
    );
  }
}
