/**
 * The two message forms, built from reports of real runs of the engine (certificates made at test
 * time): what needs attention and each certificate in them; Slack's limits whatever the run's
 * size; a hostile subject that pings, links or marks up nothing; and no secret in either form.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { attentionOf } from '../../src/notify/attention.ts';
import type { NotifyDecision } from '../../src/notify/decide.ts';
import { escapeMrkdwn } from '../../src/notify/mrkdwn.ts';
import { type Block, MAX_TEXT_CHARS, type MessagePlace, slackMessage } from '../../src/notify/slack.ts';
import { MAX_ITEMS, summaryMessage } from '../../src/notify/summary.ts';
import type { RunReport } from '../../src/report/report.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs } from '../../src/settings.ts';
import { hostileCertificate } from '../../test/support/hostile-certificate.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { leakedWindows } from '../support/run-dist.ts';

const DAY = 86_400_000;
const PLACE: MessagePlace = {
  repository: 'octo/app',
  workflow: 'Certificates',
  runUrl: 'https://github.com/octo/app/actions/runs/4242',
};
const ATTENTION: Extract<NotifyDecision, { send: true }> = { send: true, reason: 'attention' };

let pki: Pki;
let workspace: string;
let good: Issued;
let soon: Issued;
let inter: Issued;
let other: Issued;

before(async () => {
  pki = await Pki.create();
  workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-notify-'));
  const made = await pki.chain(1, { dns: ['app.example.test'] });
  good = made.leaf;
  inter = made.intermediates[0]!;
  [soon, other] = await Promise.all([
    pki.leaf(inter, { cn: 'soon.example.test', notAfter: new Date(Date.now() + 12 * DAY) }),
    pki.leaf(inter, { cn: 'app.example.test' }),
  ]);
});
after(async () => {
  await pki.cleanup();
  await rm(workspace, { recursive: true, force: true });
});

async function reportOf(raw: RawInputs): Promise<RunReport> {
  const settings = parseSettings({ mode: 'validate', ...raw });
  return (await run(settings, { cwd: workspace, mask: () => {} })).report;
}

const sectionTexts = (blocks: Block[]) =>
  blocks.flatMap((b) =>
    b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : [],
  );

describe('the Slack message', () => {
  it('says what needs attention, each certificate, and links the run', async () => {
    const report = await reportOf({ certificate: soon.certPem + inter.certPem, 'private-key': soon.keyPem });
    const message = slackMessage(report, ATTENTION, attentionOf(report), PLACE);
    assert.equal(message.blocks[0]?.type, 'header');
    assert.deepEqual(message.blocks[0], {
      type: 'header',
      text: { type: 'plain_text', text: '⚠️ cert-rotate: certificates need attention', emoji: true },
    });
    const texts = sectionTexts(message.blocks).join('\n');
    assert.match(texts, /\*validate\* · status \*valid\* · 0 errors, \d+ warnings?\n/);
    assert.match(texts, /octo\/app · Certificates/);
    assert.match(
      texts,
      /\*Needs attention\*\n• \*soon\.example\.test\* expires \d{4}-\d\d-\d\d \(in 11 days\)/,
    );
    assert.match(texts, /\*Certificates\*\n• \*soon\.example\.test\* — valid, expires/);
    assert.equal(message.blocks.at(-1)?.type, 'context');
    assert.match(texts, /<https:\/\/github\.com\/octo\/app\/actions\/runs\/4242\|View the run>$/);
    // The text (what Mattermost and Rocket.Chat show) says the same.
    assert.match(message.text, /^\*⚠️ cert-rotate: certificates need attention\*\n/);
    assert.match(message.text, /• \*soon\.example\.test\* expires/);
  });

  it('a failed certificate names its error codes; the all-clear when the expiry issue closes', async () => {
    const broken = await reportOf({ certificate: good.certPem + inter.certPem, 'private-key': other.keyPem });
    const items = attentionOf(broken);
    assert.deepEqual(
      items.map((i) => i.kind),
      ['failed'],
    );
    const message = slackMessage(broken, ATTENTION, items, PLACE);
    assert.match(message.text, /^\*❌ cert-rotate validate failed\*/);
    assert.match(
      message.text,
      new RegExp(`• \\*${broken.certificates[0]?.label}\\*: invalid \\(KEY_MISMATCH\\)`),
    );

    const fine = await reportOf({ certificate: good.certPem + inter.certPem, 'private-key': good.keyPem });
    assert.deepEqual(attentionOf(fine), []);
    const clear = slackMessage(fine, { ...ATTENTION, expiryIssue: 'closed' }, [], PLACE);
    assert.match(clear.text, /every certificate is outside the warning window again/);
    assert.ok(!clear.text.includes('Needs attention'));
  });

  it("stays within Slack's limits for a run of 2,000 certificates with long labels", async () => {
    const one = await reportOf({ certificate: soon.certPem + inter.certPem });
    const template = one.certificates[0]!;
    const certificates = Array.from({ length: 2000 }, (_, i) => ({
      ...template,
      label: `${'very-long-label-'.repeat(40)}${i}`,
    }));
    const report: RunReport = { ...one, certificates };
    const message = slackMessage(report, ATTENTION, attentionOf(report), PLACE);
    assert.ok(message.blocks.length <= 50, `${message.blocks.length} blocks`);
    for (const text of sectionTexts(message.blocks)) assert.ok(text.length <= 3000, `${text.length}`);
    const header = message.blocks[0];
    assert.ok(header?.type === 'header' && header.text.text.length <= 150);
    assert.ok(message.text.length <= MAX_TEXT_CHARS && MAX_TEXT_CHARS <= 40_000, `${message.text.length}`);
    assert.match(
      message.text,
      /\n…and \d+ more lines: the run's job summary has them all\.\n<https:[^\n]+>$/,
    );
    const last = message.blocks.at(-2);
    assert.ok(last?.type === 'section' && /^…and \d+ more lines/.test(last.text.text), JSON.stringify(last));
    // A label is shown by its start.
    assert.ok(!message.text.includes('-'.repeat(1) + 'very-long-label-'.repeat(13)));
  });

  it("a stranger's subject pings, links and marks up nothing", async () => {
    const hostile = await hostileCertificate({
      subject: ['CN = <!channel> @here <@U1|x> [a](https://e.x) www.e.x &'],
      dns: ['hostile.example.test'],
      days: 10,
    });
    const report = await reportOf({ certificate: hostile.certPem });
    const message = slackMessage(report, ATTENTION, attentionOf(report), PLACE);
    // The lines that hold the subject (the run's link is ours, and is a link).
    const lines = [message.text, ...sectionTexts(message.blocks)].flatMap((t) => t.split('\n'));
    const texts = lines.filter((line) => line.includes('channel'));
    assert.equal(texts.length, 6, lines.join('\n'));
    for (const text of texts) {
      assert.match(text, /&lt;!channel/);
      assert.ok(!/<[!@#]/.test(text), text);
      assert.ok(!/@(here|channel|all)\b/.test(text), text);
      assert.ok(!/\]\(|:\/\/|www\./i.test(text), text);
      assert.ok(!/&(?!amp;|lt;|gt;)/.test(text), text);
    }
    assert.equal(escapeMrkdwn('a\nb'), 'a\\u000ab');
  });
});

describe('the JSON summary', () => {
  it("is the report's summary: mode, status, counts, each certificate, what needs attention, why", async () => {
    const report = await reportOf({ certificate: soon.certPem + inter.certPem, 'private-key': soon.keyPem });
    const summary = summaryMessage(report, 'attention', 'opened', attentionOf(report), PLACE);
    const leaf = report.certificates[0]?.leaf;
    assert.deepEqual(JSON.parse(JSON.stringify(summary)), {
      source: 'cert-rotate-action',
      version: summary.version,
      reason: 'attention',
      expiryIssue: 'opened',
      mode: 'validate',
      status: 'valid',
      ok: true,
      generatedAt: report.generatedAt,
      counts: report.counts,
      verified: null,
      certificates: [
        { what: 'soon.example.test', outcome: 'valid', notAfter: leaf?.notAfter, daysRemaining: 11 },
      ],
      attention: [
        { kind: 'expiring', what: 'soon.example.test', notAfter: leaf?.notAfter, daysRemaining: 11 },
      ],
      repository: 'octo/app',
      workflow: 'Certificates',
      runUrl: PLACE.runUrl,
    });
  });

  it('keeps a huge run to MAX_ITEMS entries and says how many it left out', async () => {
    const one = await reportOf({ certificate: soon.certPem + inter.certPem });
    const certificates = Array.from({ length: MAX_ITEMS + 7 }, () => one.certificates[0]!);
    const report: RunReport = { ...one, certificates };
    const attention = attentionOf(report);
    assert.ok(attention.length > MAX_ITEMS);
    const summary = summaryMessage(report, 'always', undefined, attention, {});
    assert.equal(summary.certificates.length, MAX_ITEMS);
    assert.equal(summary.attention.length, MAX_ITEMS);
    assert.deepEqual(summary.omitted, { certificates: 7, attention: attention.length - MAX_ITEMS });
  });
});

describe('no secret in either form', () => {
  it('a run given a key (and a wrong one) puts nothing of it in the message', async () => {
    for (const key of [soon.keyPem, other.keyPem]) {
      const report = await reportOf({ certificate: soon.certPem + inter.certPem, 'private-key': key });
      const items = attentionOf(report);
      const both = JSON.stringify([
        slackMessage(report, ATTENTION, items, PLACE),
        summaryMessage(report, 'attention', undefined, items, PLACE),
      ]);
      assert.deepEqual(leakedWindows(key, both), []);
      assert.ok(both.includes('soon.example.test'), 'the message was made from this run');
    }
  });
});
