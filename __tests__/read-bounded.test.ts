/**
 * The bounded file read on its own: the bound holds where `stat` says nothing true (a /proc file
 * stats as 0 bytes and is not empty), and where the file is exactly at the bound.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readBounded } from '../src/read-bounded.ts';

describe('readBounded', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cert-rotate-bounded-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('stops one byte past the bound when the size on disk says 0 (/proc)', async (t) => {
    if (process.platform !== 'linux') return t.skip('Linux /proc');
    const read = await readBounded('/proc/self/maps', 16);
    assert.deepEqual(read, { ok: false, problem: 'too-large' });
  });

  it('reads a file of exactly the bound, and refuses one byte more by its size', async () => {
    const path = join(folder, 'x');
    await writeFile(path, 'a'.repeat(100_000));
    const whole = await readBounded(path, 100_000);
    assert.ok(whole.ok && whole.data.length === 100_000 && whole.data.every((b) => b === 0x61));
    assert.deepEqual(await readBounded(path, 99_999), { ok: false, problem: 'too-large', size: 100_000 });
  });

  it('reads an empty file as empty', async () => {
    const path = join(folder, 'empty');
    await writeFile(path, '');
    const read = await readBounded(path, 10);
    assert.ok(read.ok && read.data.length === 0);
  });
});
