/** The README documents every input and output of action.yml, and nothing that is not there. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { Inputs, Outputs } from '../src/constants.ts';

const root = new URL('../', import.meta.url);
const actionYml = readFileSync(new URL('action.yml', root), 'utf8');
const readme = readFileSync(new URL('README.md', root), 'utf8');

/** Keys at two spaces of indentation under a top-level section of action.yml. */
function actionKeys(section: string): string[] {
  const body = actionYml.split(new RegExp(`^${section}:\\n`, 'm'))[1]?.split(/^\S/m)[0] ?? '';
  return [...body.matchAll(/^ {2}([a-z0-9-]+):/gm)].map((m) => m[1]!);
}

function readmeTable(heading: string): string[] {
  const body = readme.split(`## ${heading}\n`)[1]?.split(/^## /m)[0] ?? '';
  return [...body.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!);
}

it('README, action.yml and the constants list the same inputs', () => {
  const inAction = actionKeys('inputs').sort();
  assert.ok(inAction.length >= 15, 'action.yml inputs were read');
  assert.deepEqual(readmeTable('Inputs').sort(), inAction);
  assert.deepEqual(Object.values(Inputs).sort(), inAction);
});

it('README, action.yml and the constants list the same outputs', () => {
  const inAction = actionKeys('outputs').sort();
  assert.ok(inAction.length >= 6, 'action.yml outputs were read');
  assert.deepEqual(readmeTable('Outputs').sort(), inAction);
  assert.deepEqual(Object.values(Outputs).sort(), inAction);
});

it('action.yml runs the bundled action on node24', () => {
  assert.match(actionYml, /using: 'node24'/);
  assert.match(actionYml, /main: 'dist\/index.js'/);
});
