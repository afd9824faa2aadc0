import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { quoteReply } from '../../src/providers/reply-text.ts';

/** A key the client never sent (another certificate's, as Dokploy's rows carry): no redactor knows it. */
const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const body = foreign
  .split('\n')
  .filter((line) => line && !line.startsWith('-----'))
  .join('');

describe('quoteReply: what a provider said, fit to quote', () => {
  it('keeps ordinary words, paths, codes and request ids', () => {
    const id = randomUUID();
    assert.equal(
      quoteReply(`Certificate not found (request ${id})`),
      `Certificate not found (request ${id})`,
    );
    assert.equal(
      quoteReply('POST /api/certificates.create: INTERNAL_SERVER_ERROR'),
      'POST /api/certificates.create: INTERNAL_SERVER_ERROR',
    );
    assert.equal(
      quoteReply('Input validation failed: certificateData, privateKeyIsRequired'),
      'Input validation failed: certificateData, privateKeyIsRequired',
    );
    assert.equal(quoteReply(42), undefined);
    assert.equal(quoteReply('   '), undefined);
  });

  it('cuts a PEM block, long base64, and pieces of a key shorter than 40 characters', () => {
    for (const text of [
      `bad: ${foreign}`,
      `bad: ${body}`,
      // From 25 characters: a shorter random piece can pass for words (rarely: see random()).
      ...[25, 30, 39].map((n) => `near ${body.slice(400, 400 + n)} here`),
      `pieces: ${(body.slice(0, 390).match(/.{1,39}/g) ?? []).join('; ')}`,
      // A JSON text inside the message: its escapes are undone before cutting.
      `row: ${JSON.stringify({ privateKey: body.slice(100, 180) }).replace(/\//g, '\\/')}`,
    ]) {
      const quoted = quoteReply(text, 10_000) ?? '';
      for (let i = 0; i + 16 <= body.length; i += 1) {
        assert.ok(!quoted.includes(body.slice(i, i + 16)), `${text.slice(0, 30)}: ${quoted.slice(0, 120)}`);
      }
    }
  });

  it('is never longer than asked', () => {
    assert.equal(quoteReply('a '.repeat(500), 50)?.length, 50);
  });
});
