import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createChecked, isSameUpload } from '../../src/providers/create-checked.ts';
import { ProviderError } from '../../src/providers/errors.ts';
import type { CertificateUpload, RemoteCertificate } from '../../src/providers/provider.ts';

const upload: CertificateUpload = {
  name: 'site-0123456789ab',
  certificate: 'LEAF',
  chain: '',
  fullchain: 'LEAF',
  privateKey: 'KEY',
  sha1: '0123456789abcdef0123456789abcdef01234567',
};

function remote(overrides: Partial<RemoteCertificate>): RemoteCertificate {
  return {
    id: 'id-1',
    name: upload.name,
    sha1: upload.sha1,
    notAfter: undefined,
    dnsNames: [],
    createdAt: undefined,
    state: undefined,
    type: undefined,
    ...overrides,
  };
}

const ambiguous = () => new ProviderError('AMBIGUOUS', 'the reply was lost');

describe('createChecked', () => {
  it('returns what the create returned, without listing', async () => {
    let lists = 0;
    const created = await createChecked(upload, {
      post: async () => remote({ id: 'new' }),
      list: async () => {
        lists++;
        return [];
      },
    });
    assert.equal(created.id, 'new');
    assert.equal(lists, 0);
  });

  it('after an ambiguous failure, adopts the certificate that landed instead of creating again', async () => {
    let posts = 0;
    const created = await createChecked(upload, {
      post: async () => {
        posts++;
        throw ambiguous();
      },
      list: async () => [remote({ id: 'landed' })],
    });
    assert.equal(created.id, 'landed');
    assert.equal(posts, 1);
  });

  it('adopts only its own name: the same leaf under another name is not what this create made', async () => {
    let posts = 0;
    const created = await createChecked(upload, {
      post: async () => {
        posts++;
        if (posts === 1) throw ambiguous();
        return remote({ id: 'second-try' });
      },
      list: async () => [remote({ id: 'old', name: 'hand-made' })],
    });
    assert.equal(created.id, 'second-try');
    assert.equal(posts, 2);
  });

  it('tries again when it did not land, and looks once more after the last try', async () => {
    let posts = 0;
    let lists = 0;
    const created = await createChecked(
      upload,
      {
        post: async () => {
          posts++;
          throw ambiguous();
        },
        // Lands on the last try: only the look after it finds it.
        list: async () => (++lists === 3 ? [remote({ id: 'late' })] : []),
      },
      3,
    );
    assert.equal(created.id, 'late');
    assert.equal(posts, 3);
    assert.equal(lists, 3);
  });

  it('gives up with the ambiguous error after the tries, and never retries other errors', async () => {
    await assert.rejects(
      createChecked(upload, { post: async () => Promise.reject(ambiguous()), list: async () => [] }, 2),
      (e: unknown) => e instanceof ProviderError && e.providerCode === 'AMBIGUOUS',
    );
    let posts = 0;
    await assert.rejects(
      createChecked(upload, {
        post: async () => {
          posts++;
          throw new ProviderError('NAME_TAKEN', 'name is not unique');
        },
        list: async () => [],
      }),
      (e: unknown) => e instanceof ProviderError && e.providerCode === 'NAME_TAKEN',
    );
    assert.equal(posts, 1);
  });

  it('recognises the upload by fingerprint, or by name where the listing has no fingerprint', () => {
    assert.equal(isSameUpload(remote({ name: 'other' }), upload), true);
    assert.equal(isSameUpload(remote({ sha1: 'f'.repeat(40) }), upload), false);
    assert.equal(isSameUpload(remote({ sha1: undefined }), upload), true);
    assert.equal(isSameUpload(remote({ sha1: undefined, name: 'other' }), upload), false);
  });
});
