/**
 * Check mode feeds the expiry issue like the other modes: what an endpoint serves inside
 * warn-days opens it, naming the endpoint; a later check that finds all well closes it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGitHubClient } from '../../src/github/client.ts';
import type { RunContext } from '../../src/github/context.ts';
import { publishToGitHub } from '../../src/publish-github.ts';
import { run } from '../../src/run.ts';
import { parseSettings } from '../../src/settings.ts';
import { GitHubDouble } from '../../test/doubles/github.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { type TlsDouble, tlsServer } from '../verification/servers.ts';

const DAY = 86_400_000;
const CONTEXT: RunContext = {
  event: 'schedule',
  repo: { owner: 'octo', repo: 'app' },
  workflow: 'Served certificates',
  job: 'check',
  runUrl: 'https://github.com/octo/app/actions/runs/77',
  apiUrl: '',
};

let pki: Pki;
let root: Issued;
let inter: Issued;
let soon: Issued;
let fresh: Issued;
let server: TlsDouble;
let github: GitHubDouble;

before(async () => {
  pki = await Pki.create();
  const made = await pki.chain(1, { cn: 'app.example.test', dns: ['app.example.test'] });
  root = made.root;
  inter = made.intermediates[0] as Issued;
  fresh = made.leaf;
  soon = await pki.leaf(inter, { cn: 'app.example.test', notAfter: new Date(Date.now() + 12 * DAY) });
  server = await tlsServer('127.0.0.1', { leaf: soon, chain: [inter] });
  github = await GitHubDouble.start();
  github.addRepo('octo', 'app');
});
after(async () => {
  await server.close();
  await github.close();
  await pki.cleanup();
});

async function checkAndPublish(): Promise<string[]> {
  const endpoint = `app.example.test:${server.port}`;
  const settings = parseSettings({
    mode: 'check',
    endpoints: endpoint,
    resolve: `${endpoint}:127.0.0.1`,
    'trusted-ca': root.certPem,
    'expiry-issue': 'true',
    'github-token': github.token,
  });
  const { report } = await run(settings, { cwd: process.cwd(), mask: () => {} });
  const log: string[] = [];
  await publishToGitHub(report, {
    context: CONTEXT,
    settings,
    client: async () => createGitHubClient(github.token, { apiUrl: github.url }),
    log: { info: (line) => log.push(line), warning: (line) => log.push(`warning: ${line}`) },
  });
  return log;
}

describe('mode: check and the expiry issue', () => {
  it('opens the issue for a served certificate inside warn-days, and closes it once the endpoint serves a fresh one', async () => {
    const opened = await checkAndPublish();
    assert.ok(
      opened.some((line) => line.startsWith('Expiry issue opened')),
      opened.join('\n'),
    );
    const [issue] = github.issues('octo', 'app');
    assert.match(
      (issue?.body ?? '').replace(/<!-- -->/g, ''),
      new RegExp(`app\\.example\\.test:${server.port} at 127\\.0\\.0\\.1`),
    );
    assert.match(issue?.body ?? '', /served at the endpoint/);

    server.serve({ leaf: fresh, chain: [inter] });
    const closed = await checkAndPublish();
    assert.ok(
      closed.some((line) => line.startsWith('Expiry issue closed')),
      closed.join('\n'),
    );
    assert.equal(github.issues('octo', 'app')[0]?.state, 'closed');
  });
});
