/**
 * The alert and the expiry issue, night after night: the engine runs on a clock moved a day at a
 * time, publishes to the GitHub double, and the alert goes to a loopback receiver. The issue's body
 * changes every night (the days left); only its opening, a change of what it lists (a certificate
 * entering fail-days, another certificate) and its closing are sent.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createGitHubClient } from '../../src/github/client.ts';
import type { RunContext } from '../../src/github/context.ts';
import { notify } from '../../src/notify/notify.ts';
import { publishToGitHub } from '../../src/publish-github.ts';
import { run } from '../../src/run.ts';
import { parseSettings } from '../../src/settings.ts';
import { GitHubDouble } from '../../test/doubles/github.ts';
import { WebhookReceiver } from '../../test/doubles/webhook.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

const DAY = 86_400_000;
const CONTEXT: RunContext = {
  event: 'schedule',
  repo: { owner: 'octo', repo: 'app' },
  workflow: 'Certificates',
  job: 'certificates',
  runUrl: 'https://github.com/octo/app/actions/runs/4242',
  apiUrl: '',
};

let pki: Pki;
let workspace: string;
let inter: Issued;
let soon: Issued;
let renewed: Issued;
let github: GitHubDouble;
let receiver: WebhookReceiver;

before(async () => {
  pki = await Pki.create();
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-interplay-'));
  const made = await pki.chain(1, { dns: ['app.example.test'] });
  inter = made.intermediates[0]!;
  renewed = made.leaf;
  soon = await pki.leaf(inter, { cn: 'app.example.test', notAfter: new Date(Date.now() + 20 * DAY) });
  github = await GitHubDouble.start();
  github.addRepo('octo', 'app');
  receiver = await WebhookReceiver.start();
});
after(async () => {
  await github.close();
  await receiver.close();
  await pki.cleanup();
  await rm(workspace, { recursive: true, force: true });
});

/** One nightly run `day` days from now: validate, publish (the issue), alert. What it logged. */
async function night(leaf: Issued, day: number): Promise<{ log: string[]; issue: string | undefined }> {
  const settings = parseSettings({
    mode: 'validate',
    certificate: leaf.certPem + inter.certPem,
    'private-key': leaf.keyPem,
    'expiry-issue': 'true',
    'github-token': github.token,
    'notify-webhook': receiver.url,
  });
  const { report } = await run(settings, {
    cwd: workspace,
    mask: () => {},
    now: new Date(Date.now() + day * DAY),
  });
  const log: string[] = [];
  const sink = {
    info: (line: string) => log.push(line),
    warning: (line: string) => log.push(`warning: ${line}`),
  };
  const client = createGitHubClient(github.token, { apiUrl: github.url });
  const published = await publishToGitHub(report, {
    context: CONTEXT,
    settings,
    client: async () => client,
    log: sink,
  });
  await notify(report, {
    settings: settings.notify!,
    place: {},
    pullRequest: false,
    expiryIssue: published.expiryIssue,
    log: sink,
  });
  return { log, issue: published.expiryIssue };
}

const texts = () => (receiver.messages() as { text: string }[]).map((m) => m.text);

describe('the alert follows the expiry issue', () => {
  it('opened, then quiet while only the days left change, then failing, then closed', async () => {
    const first = await night(soon, 0);
    assert.equal(first.issue, 'opened');
    assert.equal(texts().length, 1);
    assert.match(texts()[0] ?? '', /expires .* \(in 19 days\)/);

    for (const day of [1, 2, 5]) {
      const { log, issue } = await night(soon, day);
      assert.equal(issue, 'unchanged', `day ${day}: ${log.join('\n')}`);
      assert.ok(
        log.some((l) => /^Expiry issue updated/.test(l)),
        'the issue itself was updated (days left)',
      );
    }
    assert.equal(texts().length, 1, 'the days left are not news');
    assert.match(github.issues('octo', 'app')[0]?.body ?? '', /🟠 14 /);

    // Inside fail-days (7): the list changed.
    const failing = await night(soon, 13);
    assert.equal(failing.issue, 'changed');
    assert.equal(texts().length, 2);
    assert.match(texts()[1] ?? '', /❌ cert-rotate validate failed[\s\S]*in 6 days/);
    assert.equal((await night(soon, 14)).issue, 'unchanged');
    assert.equal(texts().length, 2);

    // Expired: changed again.
    assert.equal((await night(soon, 21)).issue, 'changed');
    assert.equal(texts().length, 3);
    assert.match(texts()[2] ?? '', /expired .* ago/);

    const closed = await night(renewed, 21);
    assert.equal(closed.issue, 'closed');
    assert.equal(texts().length, 4);
    assert.match(texts()[3] ?? '', /every certificate is outside the warning window again/);
    assert.equal((await night(renewed, 22)).issue, 'none');
    assert.equal(texts().length, 4);
  });
});
