/**
 * A TCP relay that puts a real network delay between a client and a loopback server: every chunk
 * waits half the round trip in each direction, and a connection's first bytes wait one whole round
 * trip more, the time TCP's SYN and SYN-ACK take on a real network (a connect to the relay itself
 * is local, so without this a handshake through it would cost one round trip less than on a
 * network). Real sockets and real timers: nothing here fakes a clock.
 */
import * as net from 'node:net';
import { performance } from 'node:perf_hooks';

export interface Relay {
  address: string;
  port: number;
  close(): Promise<void>;
}

/** A chunk, or the end of the stream, due at a time. */
type Queued = { due: number; chunk: Buffer | null };

/**
 * Forwards in order, each item at its due time. One timer per direction at a time, so order never
 * depends on how the timers of different durations are ordered.
 */
function delayedPipe(to: net.Socket, firstAt: number, oneWayMs: number): (chunk: Buffer | null) => void {
  const queue: Queued[] = [];
  let scheduled = false;
  const schedule = (now: number): void => {
    scheduled = true;
    setTimeout(pump, Math.max(0, (queue[0] as Queued).due - now));
  };
  const pump = (): void => {
    scheduled = false;
    const now = performance.now();
    while (queue.length > 0 && (queue[0] as Queued).due <= now) {
      const { chunk } = queue.shift() as Queued;
      if (to.destroyed || to.writableEnded) {
        queue.length = 0;
        return;
      }
      if (chunk === null) to.end();
      else to.write(chunk);
    }
    if (queue.length > 0) schedule(now);
  };
  return (chunk) => {
    queue.push({ due: Math.max(performance.now(), firstAt) + oneWayMs, chunk });
    if (!scheduled) schedule(performance.now());
  };
}

/** Listens on `address` (port 0: a free one) and relays each connection to `target` with `rttMs`. */
export function latencyRelay(
  address: string,
  target: { host: string; port: number },
  rttMs: number,
): Promise<Relay> {
  const sockets = new Set<net.Socket>();
  // Half-open allowed on both sides: an end travels with the delay like the bytes before it.
  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    const upstream = net.connect({ port: target.port, host: target.host, allowHalfOpen: true });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => sockets.delete(socket));
    }
    // Client bytes leave once the emulated SYN/SYN-ACK round trip is over; replies can only follow.
    const toServer = delayedPipe(upstream, performance.now() + rttMs, rttMs / 2);
    const toClient = delayedPipe(client, 0, rttMs / 2);
    client.on('data', (chunk: Buffer) => toServer(chunk));
    upstream.on('data', (chunk: Buffer) => toClient(chunk));
    // A side that ends or closes ends the other too, after what is still on its way.
    client.on('end', () => toServer(null));
    client.on('close', () => toServer(null));
    upstream.on('end', () => toClient(null));
    upstream.on('close', () => toClient(null));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        address,
        port,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
