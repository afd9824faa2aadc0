/**
 * Reading a file whose path came from outside, with a bound that holds whatever the path names.
 * A size from `stat` is no bound on its own: a device (/dev/zero, /dev/urandom) and a named pipe
 * stat as 0 bytes and never end, and /proc files stat as 0 bytes and are not empty. So: only
 * regular files are opened, the type is checked again on the open handle (the path may have been
 * swapped in between), opening never waits (a FIFO without a writer would block `open` itself),
 * and the read stops one byte past the bound whatever `stat` said.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export type BoundedRead =
  | { ok: true; data: Buffer }
  /** `kind` says what it is instead, as a phrase: `a device`, `a named pipe (FIFO)`. */
  | { ok: false; problem: 'not-a-file'; kind: string }
  /** `size` is what `stat` said; without it (`stat` said less), the read went past the bound. */
  | { ok: false; problem: 'too-large'; size?: number };

/** O_NONBLOCK and O_NOCTTY are POSIX; on Windows they are absent and nothing there needs them. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK_BYTES = 64 * 1024;

/** The whole file if it is a regular file of at most `maxBytes`; errors of the file system are thrown as they come. */
export async function readBounded(path: string, maxBytes: number): Promise<BoundedRead> {
  const checked = refusal(await stat(path), maxBytes);
  if (checked) return checked;
  const handle = await open(path, OPEN_FLAGS);
  try {
    const swapped = refusal(await handle.stat(), maxBytes);
    if (swapped) return swapped;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { ok: false, problem: 'too-large' };
    }
    return { ok: true, data: Buffer.concat(chunks, total) };
  } finally {
    await handle.close();
  }
}

function refusal(info: Stats, maxBytes: number): BoundedRead | undefined {
  if (!info.isFile()) return { ok: false, problem: 'not-a-file', kind: kindOf(info) };
  if (info.size > maxBytes) return { ok: false, problem: 'too-large', size: info.size };
  return undefined;
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}
