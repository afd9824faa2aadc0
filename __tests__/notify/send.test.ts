/**
 * The sender against a real loopback receiver: one POST of JSON on success; a second try only
 * after a 429 or a 5xx (or a connection never made), never a third; every kind of receiver that
 * does not answer properly ends within the limits; and no problem it reports holds any part of the
 * URL, whose path is the webhook's token.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { MAX_TRIES, type SendOptions, sendNotification } from '../../src/notify/send.ts';
import { WebhookReceiver } from '../../test/doubles/webhook.ts';

let receiver: WebhookReceiver;
const waits: number[] = [];
/** Short limits and no real waiting, so the faults are quick; the rules are the same. */
const fast: SendOptions = {
  limits: { connectMs: 1000, headersMs: 300, bodyMs: 300, tryMs: 1500, retryDelayMs: 1000 },
  sleep: async (ms) => {
    waits.push(ms);
  },
};

before(async () => {
  receiver = await WebhookReceiver.start();
});
after(() => receiver.close());
afterEach(() => {
  receiver.received.length = 0;
  receiver.behave = () => ({ kind: 'reply', status: 200, body: 'ok' });
  waits.length = 0;
});

/** No piece of the URL's path (its token) in what the sender says. */
function assertNoUrl(text: string): void {
  assert.ok(!text.includes(receiver.url), text);
  for (const part of receiver.secretPath.split('/').filter((p) => p.length >= 4)) {
    assert.ok(!text.includes(part), `${part} in: ${text}`);
  }
  assert.ok(!text.includes('127.0.0.1'), text);
}

describe('sendNotification', () => {
  it('posts the message once, as JSON, to the URL', async () => {
    const outcome = await sendNotification(new URL(receiver.url), { text: 'hello' }, fast);
    assert.deepEqual(outcome, { ok: true, status: 200, tries: 1 });
    assert.equal(receiver.received.length, 1);
    const [got] = receiver.received;
    assert.equal(got?.method, 'POST');
    assert.equal(got?.path, receiver.secretPath);
    assert.match(String(got?.headers['content-type']), /^application\/json/);
    assert.match(String(got?.headers['user-agent']), /^cert-rotate-action\//);
    assert.deepEqual(got?.body, { text: 'hello' });
  });

  it('a 500 is tried again once, after the backoff; two 500s are a problem naming the status', async () => {
    receiver.behave = () => ({ kind: 'reply', status: 500, body: 'Internal Server Error' });
    const outcome = await sendNotification(new URL(receiver.url), { text: 'x' }, fast);
    assert.equal(receiver.received.length, MAX_TRIES);
    assert.equal(MAX_TRIES, 2);
    assert.deepEqual(waits, [1000]);
    assert.equal(outcome.ok, false);
    assert.equal(outcome.tries, 2);
    if (!outcome.ok) {
      assert.equal(outcome.problem, 'the webhook answered HTTP 500 (2 tries)');
      assertNoUrl(outcome.problem);
    }
  });

  it('a 503 then 200: sent on the second try', async () => {
    receiver.behave = (n) => (n === 1 ? { kind: 'reply', status: 503 } : { kind: 'reply', status: 200 });
    const outcome = await sendNotification(new URL(receiver.url), { text: 'x' }, fast);
    assert.deepEqual(outcome, { ok: true, status: 200, tries: 2 });
    assert.equal(receiver.messages().length, 2);
  });

  it("a 429's retry-after is waited (up to its cap), then the message goes", async () => {
    receiver.behave = (n) =>
      n === 1
        ? { kind: 'reply', status: 429, headers: { 'retry-after': '7' } }
        : { kind: 'reply', status: 200, body: 'ok' };
    const outcome = await sendNotification(new URL(receiver.url), {}, fast);
    assert.equal(outcome.ok, true);
    assert.deepEqual(waits, [7000]);
    receiver.received.length = 0;
    waits.length = 0;
    receiver.behave = (n) =>
      n === 1
        ? { kind: 'reply', status: 429, headers: { 'retry-after': '86400' } }
        : { kind: 'reply', status: 200 };
    await sendNotification(new URL(receiver.url), {}, fast);
    assert.deepEqual(waits, [15_000], 'a day-long retry-after is not waited');
  });

  it("a 4xx is not tried again; Slack's one-word refusal is said, a reply echoing the URL is not", async () => {
    receiver.behave = () => ({ kind: 'reply', status: 404, body: 'no_service' });
    const refused = await sendNotification(new URL(receiver.url), {}, fast);
    assert.equal(receiver.received.length, 1);
    assert.deepEqual(refused, { ok: false, problem: 'the webhook answered HTTP 404: no_service', tries: 1 });

    receiver.received.length = 0;
    // A word that is a piece of the URL (its token's longest run of small letters) is an echo too.
    const token = receiver.secretPath.split('/').at(-1) ?? '';
    const run = (token.match(/[a-z_]+/g) ?? []).sort((a, b) => b.length - a.length)[0] ?? 'x';
    for (const body of [`invalid token ${receiver.url}`, receiver.secretPath, 'services', `${run}`]) {
      receiver.behave = () => ({ kind: 'reply', status: 403, body });
      const outcome = await sendNotification(new URL(receiver.url), {}, fast);
      assert.equal(outcome.ok, false);
      if (!outcome.ok) {
        assert.equal(outcome.problem, 'the webhook answered HTTP 403');
        assertNoUrl(outcome.problem);
      }
    }
  });

  it('a receiver that never answers: one try, ended by the headers timeout', async () => {
    receiver.behave = () => ({ kind: 'stall' });
    const started = Date.now();
    const outcome = await sendNotification(new URL(receiver.url), {}, fast);
    assert.ok(Date.now() - started < 1400, `took ${Date.now() - started} ms`);
    assert.equal(receiver.received.length, 1, 'a timeout may have posted it: not sent again');
    assert.equal(outcome.ok, false);
    if (!outcome.ok) {
      assert.match(
        outcome.problem,
        /^no complete answer from the webhook within 2 s \(UND_ERR_HEADERS_TIMEOUT\)$/,
      );
      assertNoUrl(outcome.problem);
    }
  });

  it('a reply whose body never ends is read to its bound and no further', async () => {
    receiver.behave = () => ({ kind: 'endless' });
    const outcome = await sendNotification(new URL(receiver.url), {}, fast);
    assert.deepEqual(outcome, { ok: true, status: 200, tries: 1 });
  });

  // The test's own timeout: without the try's deadline, this would never end.
  it('a reply that trickles forever is ended by the deadline of the try', { timeout: 10_000 }, async () => {
    receiver.behave = () => ({ kind: 'trickle', everyMs: 50 });
    const started = Date.now();
    const outcome = await sendNotification(new URL(receiver.url), {}, fast);
    const took = Date.now() - started;
    assert.ok(took >= 1400 && took < 3000, `took ${took} ms`);
    assert.equal(outcome.ok, false);
    if (!outcome.ok) {
      assert.match(outcome.problem, /^no complete answer from the webhook within 2 s \(/);
      assertNoUrl(outcome.problem);
    }
  });

  it('nothing listening: tried twice (it never arrived), said by its code', async () => {
    const closed = await WebhookReceiver.start();
    const url = new URL(closed.url);
    await closed.close();
    const outcome = await sendNotification(url, {}, fast);
    assert.equal(outcome.ok, false);
    assert.equal(outcome.tries, 2);
    if (!outcome.ok) {
      assert.equal(outcome.problem, 'could not connect to the webhook (ECONNREFUSED) (2 tries)');
      assert.ok(!outcome.problem.includes(url.pathname));
      assert.ok(!outcome.problem.includes(url.port));
    }
  });
});
