import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LoopbackServer } from '../../test/doubles/loopback.ts';

describe('LoopbackServer fault rules', () => {
  let server: LoopbackServer;
  before(async () => {
    server = await LoopbackServer.start(() => ({ status: 200, body: { ok: true } }));
  });
  after(async () => {
    await server.close();
  });

  it('counts a request for every matching rule, even when an earlier rule fired on it', async () => {
    server.inject({ path: '/a', nth: 1, fault: { kind: 'status', status: 503 } });
    server.inject({ path: '/a', nth: 2, fault: { kind: 'status', status: 429 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${server.url}/a`)).status);
    assert.deepEqual(statuses, [503, 429, 200]);
    server.clearFaults();
  });

  it('records what it answered, and the fault a request got', async () => {
    server.inject({ path: '/b', fault: { kind: 'status', status: 500, body: { message: 'boom' } } });
    await fetch(`${server.url}/b`);
    await fetch(`${server.url}/b`);
    const [first, second] = server.requestsTo('GET', '/b');
    assert.equal(first?.fault, 'status');
    assert.deepEqual(first?.reply?.body, { message: 'boom' });
    assert.equal(second?.fault, undefined);
    assert.equal(second?.reply?.status, 200);
    server.clearFaults();
  });
});
