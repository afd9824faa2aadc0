/**
 * Build dist/: TypeScript 7 compiles src/ to build/ (ncc's own TypeScript loader needs the
 * TypeScript JS API, which version 7 no longer has), then ncc bundles that JavaScript, once for
 * the action (dist/index.js) and once for the terminal command (dist/cli/index.js).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

rmSync(`${root}build`, { recursive: true, force: true });
rmSync(`${root}dist`, { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
for (const [entry, out] of [
  ['build/main.js', 'dist'],
  ['build/cli.js', 'dist/cli'],
] as const) {
  run(bin('ncc'), ['build', entry, '-o', out, '--source-map', '--license', 'licenses.txt', '--quiet']);
}
