/**
 * The built action run the way the runner runs it for each kind of event (`GITHUB_EVENT_NAME`,
 * `GITHUB_EVENT_PATH` and the runner's other variables) against the DigitalOcean and GitHub
 * doubles over loopback: what it does on a pull request (plan, one sticky comment), on a fork's
 * pull request without secrets (validate, say what was skipped, no comment), on a schedule (the
 * expiry issue opened, kept, closed) and on a push (apply).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DigitalOceanDouble } from '../test/doubles/digitalocean.ts';
import { GitHubDouble } from '../test/doubles/github.ts';
import { type Issued, Pki } from '../test/support/pki.ts';
import { leakedWindows, type RunnerEvent, runAction, runnerEvent } from './support/run-dist.ts';

const DAY = 86_400_000;
const OWNER = 'octo';
const REPO = 'app';

let pki: Pki;
let workspace: string;
let leaf: Issued;
let intermediate: Issued;
let soon: Issued;

before(async () => {
  pki = await Pki.create();
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-events-'));
  const made = await pki.chain(1, { dns: ['app.example.test'] });
  leaf = made.leaf;
  intermediate = made.intermediates[0]!;
  soon = await pki.leaf(intermediate, { cn: 'app.example.test', notAfter: new Date(Date.now() + 12 * DAY) });
});

after(async () => {
  await pki.cleanup();
  await rm(workspace, { recursive: true, force: true });
});

function runner(github: GitHubDouble, name: string, payload: unknown = {}): RunnerEvent {
  return runnerEvent(github.url, name, payload, { repo: `${OWNER}/${REPO}` });
}

function pullRequest(number: number, headRepo: string): unknown {
  return {
    number,
    pull_request: {
      number,
      head: { sha: 'abc123', repo: { full_name: headRepo } },
      base: { repo: { full_name: `${OWNER}/${REPO}` } },
    },
    repository: { full_name: `${OWNER}/${REPO}` },
  };
}

async function doubles(): Promise<{
  github: GitHubDouble;
  digitalocean: DigitalOceanDouble;
  close: () => Promise<void>;
}> {
  const github = await GitHubDouble.start();
  github.addRepo(OWNER, REPO);
  const digitalocean = await DigitalOceanDouble.start();
  return {
    github,
    digitalocean,
    close: async () => {
      await github.close();
      await digitalocean.close();
    },
  };
}

/** Inputs rotating `app` (the good certificate) on the DigitalOcean double, with the GitHub double's token. */
function rotation(digitalocean: DigitalOceanDouble, github: GitHubDouble): Record<string, string> {
  return {
    provider: 'digitalocean',
    'api-token': digitalocean.token,
    'api-url': digitalocean.url,
    name: 'app',
    certificate: leaf.certPem + intermediate.certPem,
    'private-key': leaf.keyPem,
    'github-token': github.token,
  };
}

describe('dist/index.js on each event', () => {
  it('pull_request: plans instead of applying and keeps one comment with the plan and findings', async () => {
    const { github, digitalocean, close } = await doubles();
    try {
      const pr = github.addPullRequest(OWNER, REPO, { title: 'Renew app' });
      const inputs = rotation(digitalocean, github);
      const event = runner(github, 'pull_request', pullRequest(pr.number, `${OWNER}/${REPO}`));
      const first = await runAction(inputs, workspace, event);
      assert.equal(first.code, 0, first.stdout + first.stderr);
      assert.equal(first.outputs.status, 'planned');
      assert.equal(first.outputs.changed, 'false');
      assert.equal(digitalocean.certificates.all().length, 0, 'a pull request never uploads');
      assert.match(
        first.stdout,
        /::notice title=cert-rotate%3A skipped::Skipped apply: a pull request only plans/,
      );
      const comments = github.comments(OWNER, REPO, pr.number);
      assert.equal(comments.length, 1);
      assert.match(comments[0]?.body ?? '', /^<!-- cert-rotate-action:/);
      assert.match(comments[0]?.body ?? '', /cert-rotate plan: planned/);
      // The name's hex is cut by invisible breaks (report/escape.ts), so GitHub links no commit.
      assert.match(
        comments[0]?.body?.replaceAll('<!-- -->', '') ?? '',
        /\| create \| <code>app-[0-9a-f]{12}<\/code>/,
      );

      // The next push: a certificate expiring soon. The same comment is edited, no second one.
      const second = await runAction(
        { ...inputs, certificate: soon.certPem + intermediate.certPem, 'private-key': soon.keyPem },
        workspace,
        event,
      );
      assert.equal(second.code, 0, second.stdout);
      const after = github.comments(OWNER, REPO, pr.number);
      assert.equal(after.length, 1, 'one sticky comment per job');
      assert.equal(after[0]?.id, comments[0]?.id);
      assert.match(after[0]?.body ?? '', /EXPIRING/);
      assert.match(after[0]?.body ?? '', /Fix: /);
      const printed =
        first.stdout + second.stdout + first.summary + JSON.stringify(after) + JSON.stringify(first.outputs);
      assert.deepEqual(leakedWindows(leaf.keyPem, printed.replace(/^::add-mask::.*$/gm, '')), []);
      assert.ok(!JSON.stringify(after).includes(digitalocean.token));
    } finally {
      await close();
    }
  });

  it("a fork's pull_request without secrets: validates the certificate, says what was skipped, no comment, no failure", async () => {
    const { github, close } = await doubles();
    try {
      github.readOnly = true;
      const pr = github.addPullRequest(OWNER, REPO, { title: 'From a fork' });
      const run = await runAction(
        {
          // The secrets are empty for a fork; what is in the repository is still checked.
          provider: 'digitalocean',
          name: 'app',
          certificate: leaf.certPem + intermediate.certPem,
          'github-token': github.token,
        },
        workspace,
        runner(github, 'pull_request', pullRequest(pr.number, 'someone/app')),
      );
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(run.outputs.status, 'valid');
      assert.match(run.stdout, /Skipped plan: api-token is empty/);
      assert.match(run.stdout, /Skipped key check: no private key was given/);
      assert.match(
        run.stdout,
        /No pull request comment: a pull request from a fork runs with a read-only token/,
      );
      assert.match(run.summary, /⏭️ plan: api-token is empty/);
      assert.deepEqual(github.writes(), [], 'nothing was written to GitHub');
    } finally {
      await close();
    }
  });

  it('schedule with expiry-issue: opens one issue, keeps it current, closes it once renewed', async () => {
    const { github, digitalocean, close } = await doubles();
    try {
      const inputs = {
        mode: 'plan',
        provider: 'digitalocean',
        'api-token': digitalocean.token,
        'api-url': digitalocean.url,
        name: 'app',
        certificate: soon.certPem + intermediate.certPem,
        'private-key': soon.keyPem,
        'github-token': github.token,
        'expiry-issue': 'true',
      };
      const event = runner(github, 'schedule', { schedule: '0 5 * * *' });
      const first = await runAction(inputs, workspace, event);
      assert.equal(first.code, 0, first.stdout + first.stderr);
      const open = github.issues(OWNER, REPO).filter((i) => i.state === 'open');
      assert.equal(open.length, 1);
      assert.match(open[0]?.title ?? '', /1 certificate expiring \(warning window 30 days\)/);
      assert.match(open[0]?.body ?? '', /\| app \| \d{4}-\d\d-\d\d \| 🟠 11 \|/);
      assert.match(open[0]?.body ?? '', /actions\/runs\/4242/);

      const second = await runAction(inputs, workspace, event);
      assert.equal(second.code, 0);
      assert.equal(github.issues(OWNER, REPO).length, 1, 'the same issue, not a second one');
      assert.match(second.stdout, /Expiry issue unchanged: #/);

      const renewed = await runAction(
        { ...inputs, certificate: leaf.certPem + intermediate.certPem, 'private-key': leaf.keyPem },
        workspace,
        event,
      );
      assert.equal(renewed.code, 0);
      const issue = github.issues(OWNER, REPO)[0];
      assert.equal(issue?.state, 'closed');
      assert.equal(issue?.state_reason, 'completed');
      assert.match(
        github.comments(OWNER, REPO, issue?.number ?? 0)[0]?.body ?? '',
        /outside the warning window/,
      );
    } finally {
      await close();
    }
  });

  it('push: applies, and posts neither a comment nor an issue', async () => {
    const { github, digitalocean, close } = await doubles();
    try {
      const run = await runAction(
        rotation(digitalocean, github),
        workspace,
        runner(github, 'push', { ref: 'refs/heads/main' }),
      );
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(run.outputs.status, 'created');
      assert.equal(digitalocean.certificates.all().length, 1);
      assert.match(run.summary, /```mermaid\ngantt/);
      assert.deepEqual(github.writes(), []);
    } finally {
      await close();
    }
  });
});
