import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { KeyedLock, mapLimit } from '../../src/rotation/concurrency.ts';

describe('mapLimit', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([30, 5, 20, 1, 10, 2], 3, async (ms, index) => {
      running++;
      most = Math.max(most, running);
      await sleep(ms);
      running--;
      return `${index}:${ms}`;
    });
    assert.deepEqual(results, ['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
    assert.equal(most, 3);
  });

  it('runs one at a time for a limit below one, and copes with no items', async () => {
    let running = 0;
    let most = 0;
    await mapLimit([1, 2, 3], 0, async () => {
      running++;
      most = Math.max(most, running);
      await sleep(1);
      running--;
    });
    assert.equal(most, 1);
    assert.deepEqual(await mapLimit([], 4, async () => 1), []);
  });
});

describe('KeyedLock', () => {
  it('runs work on one key one after another, and on other keys side by side', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const job = (key: string, name: string, ms: number) =>
      lock.run(key, async () => {
        log.push(`start ${name}`);
        await sleep(ms);
        log.push(`end ${name}`);
        return name;
      });
    const results = await Promise.all([job('lb-1', 'a', 20), job('lb-1', 'b', 1), job('lb-2', 'c', 1)]);
    assert.deepEqual(results, ['a', 'b', 'c']);
    assert.ok(log.indexOf('end a') < log.indexOf('start b'), 'b waited for a');
    assert.ok(log.indexOf('start c') < log.indexOf('end a'), 'c did not wait');
  });

  it('lets the next holder in when work fails', async () => {
    const lock = new KeyedLock();
    await assert.rejects(
      lock.run('k', async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await lock.run('k', async () => 'next'), 'next');
  });
});
