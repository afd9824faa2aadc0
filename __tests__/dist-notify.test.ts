/**
 * The chat alert from the built action, run as the runner runs it, against a loopback webhook
 * receiver, the DigitalOcean double and the GitHub double: one message per run at most, with the
 * run's content and no secret in it; `notify-on` deciding; with `expiry-issue: true`, a message
 * when the issue opens, changes its list or closes, and silence on the nights between; a receiver
 * that fails is a warning, not a failed step; and the webhook URL (its path is the token) is never
 * printed, in the log, the summary, the outputs or the issue.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { DigitalOceanDouble } from '../test/doubles/digitalocean.ts';
import { GitHubDouble } from '../test/doubles/github.ts';
import { WebhookReceiver } from '../test/doubles/webhook.ts';
import { type Issued, Pki } from '../test/support/pki.ts';
import { type DistRun, leakedWindows, runAction, runnerEvent } from './support/run-dist.ts';

const DAY = 86_400_000;
const OWNER = 'octo';
const REPO = 'app';

let pki: Pki;
let workspace: string;
let inter: Issued;
let good: Issued;
let soon: Issued;
let sooner: Issued;
let receiver: WebhookReceiver;
let github: GitHubDouble;
let digitalocean: DigitalOceanDouble;

before(async () => {
  pki = await Pki.create();
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-notify-dist-'));
  const made = await pki.chain(1, { dns: ['app.example.test'] });
  inter = made.intermediates[0]!;
  good = made.leaf;
  [soon, sooner] = await Promise.all([
    pki.leaf(inter, { cn: 'app.example.test', notAfter: new Date(Date.now() + 12 * DAY) }),
    pki.leaf(inter, { cn: 'app.example.test', notAfter: new Date(Date.now() + 5 * DAY) }),
  ]);
});
after(async () => {
  await pki.cleanup();
  await rm(workspace, { recursive: true, force: true });
});
beforeEach(async () => {
  receiver = await WebhookReceiver.start();
  github = await GitHubDouble.start();
  github.addRepo(OWNER, REPO);
  digitalocean = await DigitalOceanDouble.start();
});
afterEach(async () => {
  await receiver.close();
  await github.close();
  await digitalocean.close();
});

function inputs(leaf: Issued, extra: Record<string, string> = {}): Record<string, string> {
  return {
    provider: 'digitalocean',
    'api-token': digitalocean.token,
    'api-url': digitalocean.url,
    name: 'app',
    certificate: leaf.certPem + inter.certPem,
    'private-key': leaf.keyPem,
    'github-token': github.token,
    'notify-webhook': receiver.url,
    // As the runner passes action.yml's defaults.
    'notify-format': 'slack',
    'notify-on': 'attention',
    ...extra,
  };
}

const event = (name: string) => runnerEvent(github.url, name, {}, { repo: `${OWNER}/${REPO}` });

/** Run, and check that nothing of the URL or any secret was printed, set, posted or sent. */
async function action(given: Record<string, string>, name = 'push'): Promise<DistRun> {
  const result = await runAction(given, workspace, event(name));
  const token = receiver.secretPath.split('/').at(-1) ?? '';
  const printed = [
    result.stdout.replace(/^::add-mask::.*$/gm, ''),
    result.stderr,
    result.summary,
    JSON.stringify(result.outputs),
    JSON.stringify(github.issues(OWNER, REPO)),
  ].join('\n');
  for (const secret of [receiver.url, receiver.secretPath, token, digitalocean.token, github.token]) {
    assert.ok(!printed.includes(secret), `printed: ${secret}\n${result.stdout}`);
  }
  // The mask was registered: the runner hides the URL wherever it would appear.
  assert.ok(result.stdout.includes(`::add-mask::${receiver.url}`), 'the URL is masked');
  const sent = receiver.received.map((r) => r.raw).join('\n');
  for (const secret of [receiver.url, token, digitalocean.token, github.token]) {
    assert.ok(!sent.includes(secret), `sent to the chat: ${secret}`);
  }
  assert.deepEqual(leakedWindows(given['private-key'] ?? '', sent + printed), []);
  return result;
}

interface Slack {
  text: string;
  blocks: { type: string }[];
}
const messages = () => receiver.messages() as Slack[];

describe('dist/index.js with notify-webhook', () => {
  it('notify-on change: a message for the run that uploads, none for the re-run that writes nothing', async () => {
    const first = await action(inputs(good, { 'notify-on': 'change' }));
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.equal(first.outputs.changed, 'true');
    assert.equal(messages().length, 1);
    const [message] = messages();
    assert.match(
      message?.text ?? '',
      /^\*🔁 cert-rotate apply: certificates changed\*\n\*apply\* · status \*created\*/,
    );
    assert.match(message?.text ?? '', /• \*app\* — created, expires/);
    assert.match(
      message?.text ?? '',
      /<https:\/\/github\.com\/octo\/app\/actions\/runs\/4242\|View the run>$/,
    );
    assert.equal(message?.blocks[0]?.type, 'header');
    assert.match(first.stdout, /^Notification sent \(change\)\.$/m);

    const again = await action(inputs(good, { 'notify-on': 'change' }));
    assert.equal(again.code, 0);
    assert.equal(again.outputs.changed, 'false');
    assert.equal(messages().length, 1, 'nothing written, nothing to say');
    assert.match(again.stdout, /^No notification: nothing needs attention and nothing was written\.$/m);

    const always = await action(inputs(good, { 'notify-on': 'always', 'notify-format': 'json' }));
    assert.equal(always.code, 0);
    assert.equal(messages().length, 2);
    const summary = receiver.messages()[1] as Record<string, unknown>;
    assert.equal(summary.reason, 'always');
    assert.equal(summary.mode, 'apply');
    assert.equal(summary.status, 'unchanged');
    assert.equal(summary.ok, true);
  });

  it('expiry-issue: a message when the issue opens, changes its list and closes; none on the nights between', async () => {
    const plan = { mode: 'plan', 'expiry-issue': 'true' };
    const opened = await action(inputs(soon, plan), 'schedule');
    assert.equal(opened.code, 0, opened.stdout + opened.stderr);
    assert.equal(github.issues(OWNER, REPO).length, 1);
    assert.equal(messages().length, 1);
    assert.match(messages()[0]?.text ?? '', /certificates need attention/);
    assert.match(messages()[0]?.text ?? '', /• \*app\* expires \d{4}-\d\d-\d\d \(in 11 days\)/);

    const same = await action(inputs(soon, plan), 'schedule');
    assert.equal(same.code, 0);
    assert.match(same.stdout, /Expiry issue unchanged/);
    assert.equal(messages().length, 1, 'the same news is not sent twice');
    assert.match(
      same.stdout,
      /^No notification: with expiry-issue, alerts follow the issue, which did not change \(unchanged\)\.$/m,
    );

    // Another certificate, inside fail-days: the list changed.
    const worse = await action(inputs(sooner, plan), 'schedule');
    assert.equal(worse.code, 1, 'inside fail-days fails the step');
    assert.match(worse.stdout, /Expiry issue updated/);
    assert.equal(messages().length, 2);
    assert.match(messages()[1]?.text ?? '', /in 4 days/);

    const renewed = await action(inputs(good, plan), 'schedule');
    assert.equal(renewed.code, 0);
    assert.equal(github.issues(OWNER, REPO)[0]?.state, 'closed');
    assert.equal(messages().length, 3);
    assert.match(messages()[2]?.text ?? '', /every certificate is outside the warning window again/);

    const quiet = await action(inputs(good, plan), 'schedule');
    assert.equal(quiet.code, 0);
    assert.equal(messages().length, 3);
  });

  it('without the expiry issue, attention repeats each run; a pull request sends nothing', async () => {
    await action(inputs(soon, { mode: 'plan' }), 'schedule');
    await action(inputs(soon, { mode: 'plan' }), 'schedule');
    assert.equal(messages().length, 2);
    const pr = github.addPullRequest(OWNER, REPO, { title: 'Renew' });
    const payload = {
      number: pr.number,
      pull_request: {
        number: pr.number,
        head: { sha: 'abc', repo: { full_name: `${OWNER}/${REPO}` } },
        base: { repo: { full_name: `${OWNER}/${REPO}` } },
      },
    };
    const result = await runAction(
      inputs(soon),
      workspace,
      runnerEvent(github.url, 'pull_request', payload, { repo: `${OWNER}/${REPO}` }),
    );
    assert.equal(result.code, 0, result.stdout);
    assert.equal(messages().length, 2);
    assert.match(result.stdout, /No notification: a pull request's run says what it found in its comment\./);
  });

  it('a receiver answering 500: tried twice, a warning without the URL, the step still passes', async () => {
    receiver.behave = () => ({ kind: 'reply', status: 500, body: 'Internal Server Error' });
    const result = await action(inputs(soon, { mode: 'validate' }));
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(receiver.received.length, 2);
    assert.match(
      result.stdout,
      /^::warning::Could not send the notification \(attention\): the webhook answered HTTP 500 \(2 tries\)\.$/m,
    );
  });

  it('a receiver whose reply never ends: read to its bound, the run ends', async () => {
    receiver.behave = () => ({ kind: 'endless' });
    const started = Date.now();
    const result = await action(inputs(soon, { mode: 'validate' }));
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    assert.equal(receiver.received.length, 1);
    assert.match(result.stdout, /^Notification sent \(attention\)\.$/m);
  });

  it('a webhook over plain http to another machine fails the step, naming the input, not the URL', async () => {
    const url = `http://chat.example.com${receiver.secretPath}`;
    const result = await runAction(
      inputs(good, { 'notify-webhook': url, mode: 'validate' }),
      workspace,
      event('push'),
    );
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^::error::notify-webhook is a plain http address of another machine/m);
    const printed = result.stdout.replace(/^::add-mask::.*$/gm, '');
    assert.ok(!printed.includes(receiver.secretPath.split('/').at(-1) ?? ''), printed);
    assert.ok(!printed.includes('chat.example.com'), printed);
  });
});
