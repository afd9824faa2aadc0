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

it('action.yml has the metadata the Marketplace accepts', async () => {
  const { parse } = await import('yaml');
  const meta = parse(actionYml) as {
    name?: unknown;
    description?: unknown;
    author?: unknown;
    branding?: Record<string, unknown>;
  };
  const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
    name: string;
    author?: string;
  };
  assert.equal(typeof meta.name, 'string');
  assert.ok(String(meta.name).trim().length > 0);
  assert.equal(typeof meta.description, 'string');
  // The Marketplace refuses a description of 125 characters or more.
  assert.ok(
    String(meta.description).length < 125,
    `description is ${String(meta.description).length} characters`,
  );
  // The author is who publishes it, as package.json says, not the project's own name standing in.
  assert.equal(meta.author, packageJson.author);
  assert.notEqual(meta.author, packageJson.name);
  assert.ok(meta.branding, 'branding');
  assert.match(String(meta.branding.icon), /^[a-z][a-z0-9-]*$/, 'a Feather icon name');
  assert.ok(
    ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'].includes(
      String(meta.branding.color),
    ),
    `branding colour ${String(meta.branding.color)} is one of GitHub's`,
  );
});

it('action.yml runs the bundled action on node24', () => {
  assert.match(actionYml, /using: 'node24'/);
  assert.match(actionYml, /main: 'dist\/index.js'/);
});

/** The fenced blocks of a language in the README. */
function blocks(language: string): string[] {
  return [...readme.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, 'gm'))].map((m) => m[1]!);
}

it('the workflow examples are valid YAML that uses only inputs the action has', async () => {
  const { parse } = await import('yaml');
  const known = new Set<string>(Object.values(Inputs));
  const workflows = blocks('yaml')
    .map((text) => parse(text) as Record<string, unknown>)
    .filter((doc) => doc && 'jobs' in doc);
  assert.ok(workflows.length >= 3, 'after renewal, nightly and PR check');
  const events = new Set<string>();
  for (const workflow of workflows) {
    for (const event of Object.keys(workflow.on as object)) events.add(event);
    for (const job of Object.values(workflow.jobs as Record<string, { steps: Record<string, unknown>[] }>)) {
      const ours = job.steps.filter((step) => String(step.uses ?? '').includes('cert-rotate-action'));
      assert.equal(ours.length, 1);
      for (const input of Object.keys((ours[0]?.with as object) ?? {})) {
        assert.ok(known.has(input), `unknown input ${input} in a README example`);
      }
    }
  }
  for (const event of ['schedule', 'pull_request']) assert.ok(events.has(event), event);
  assert.ok(
    workflows.some((w) => 'concurrency' in w),
    'a concurrency group',
  );
});

it('the manifest example in the README is a valid manifest', async () => {
  const { parseManifest } = await import('../src/manifest.ts');
  const example = blocks('yaml').find((text) => text.startsWith('# certificates.yml'));
  assert.ok(example);
  const entries = parseManifest(example, 'certificates.yml', { requireNames: true });
  assert.deepEqual(
    entries.map((e) => e.name),
    ['example-com', 'api'],
  );
});

it('the fleet example in the README is a valid manifest whose every rule is listed', async () => {
  const { parseManifestDocument } = await import('../src/manifest.ts');
  const example = blocks('yaml').find((text) => text.startsWith('# fleet.yml'));
  assert.ok(example, 'a yaml block starting with # fleet.yml');
  // No provider inputs: every certificate names its targets.
  const { entries, targets } = parseManifestDocument(example, 'fleet.yml', {
    requireNames: true,
    defaultTarget: 'absent',
  });
  assert.deepEqual(
    targets.map((t) => t.name),
    ['do-prod', 'do-staging', 'dokploy-eu'],
  );
  assert.deepEqual(entries[0]?.targets, ['do-prod', 'do-staging', 'dokploy-eu']);
  const rules = section('### Targets: one manifest, many accounts and servers');
  for (const rule of [
    /`api-token` from `\{ env: NAME \}` only/,
    /`default`/,
    /unknown target/,
    /not used/,
    /plain name/,
    /not set/,
    /same token/,
    /`server-id` and `reload-traefik`/,
  ]) {
    assert.match(rules, rule);
  }
});

/** A README section's text, up to the next heading of the same level, with lines joined. */
function section(heading: string): string {
  return (readme.split(`${heading}\n`)[1]?.split(/^## /m)[0] ?? '').replace(/\s+/g, ' ');
}

it('the Dokploy notes say how keep-superseded judges newest, and that a reload is only requested', () => {
  const notes = section('## Provider notes');
  const dokploy = notes.slice(notes.indexOf('**Dokploy.**'));
  assert.match(
    dokploy,
    /no upload date[^.]*`keep-superseded` keeps the superseded versions with the latest expiry/,
  );
  assert.match(dokploy, /"Traefik reload requested", never that it is done/);
  assert.match(dokploy, /a refused key is never sent again, in another form or to another route/);
  assert.match(section('## Inputs'), /`keep-superseded` \|[^\n]*the N with the latest expiry/);
  assert.match(section('## Permissions and tokens'), /rateLimitEnabled: false/);
});
