/**
 * What a client is served: connect to a double's TLS side with SNI, as a browser would (but
 * trusting anything, since the point is to see which certificate comes back), and read the leaf.
 */
import { createHash } from 'node:crypto';
import { connect } from 'node:tls';

/** SHA-1 of the served leaf's DER, lowercase hex (DigitalOcean's `sha1_fingerprint` form). */
export function servedFingerprint(address: string, port: number, servername: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port, servername, rejectUnauthorized: false }, () => {
      const leaf = socket.getPeerCertificate();
      socket.destroy();
      resolve(createHash('sha1').update(leaf.raw).digest('hex'));
    });
    // Bounded: a handshake that never ends is a failure, not a hang.
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no TLS handshake with ${servername} in 5 s`)));
    socket.once('error', reject);
  });
}

export function fingerprintOf(der: Buffer): string {
  return createHash('sha1').update(der).digest('hex');
}
