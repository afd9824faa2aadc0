/**
 * Hostile error replies: the ways a provider's error reply has been seen to echo what it was
 * sent, so a client's redaction can be tried against each. A form writes the raw reply text
 * (JSON, escaped as that server would escape it) around one secret: a private key (PEM) or a
 * token. `echoFault` makes a loopback fault of it that echoes the key and the token the request
 * itself carried.
 */
import type { Fault, RecordedRequest } from './loopback.ts';

export interface EchoForm {
  name: string;
  /** The raw reply text, echoing `secret` (a PEM key or a token). */
  render(secret: string): string;
}

/** The base64 of a PEM text, without markers, headers or line breaks; a token as it is. */
function contentOf(secret: string): string {
  if (!secret.includes('-----BEGIN')) return secret;
  return secret
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('-----') && !line.includes(':'))
    .join('')
    .replace(/\s+/g, '');
}

/** Chunks of at most `size` characters. */
function chunks(text: string, size: number): string[] {
  return text.match(new RegExp(`.{1,${size}}`, 'gs')) ?? [];
}

export const ECHO_FORMS: readonly EchoForm[] = [
  {
    // PHP's json_encode escapes every `/`: the key's lines that hold one were missed by exact matching.
    name: 'JSON with \\/ escaping',
    render: (secret) =>
      JSON.stringify({ message: `The given data was invalid: ${secret}`, code: 'BAD_REQUEST' }).replace(
        /\//g,
        '\\/',
      ),
  },
  {
    name: 're-wrapped at 76 columns',
    render: (secret) =>
      JSON.stringify({ message: `could not parse:\n${chunks(contentOf(secret), 76).join('\n')}` }),
  },
  {
    name: 'a 60-character slice',
    render: (secret) => {
      const text = contentOf(secret);
      const at = Math.max(0, Math.floor(text.length / 2) - 30);
      return JSON.stringify({ message: `unexpected data near "${text.slice(at, at + 60)}"` });
    },
  },
  {
    // Each chunk in its own issue (Dokploy's zod issues) and all in the message (DigitalOcean's).
    name: 'chunks of under 40 characters',
    render: (secret) => {
      const parts = chunks(contentOf(secret), 37);
      return JSON.stringify({
        message: parts.map((part, i) => `part ${i}: ${part}`).join('; '),
        code: 'BAD_REQUEST',
        issues: parts.map((part) => ({ message: `invalid value ${part}`, path: ['privateKey'] })),
      });
    },
  },
  {
    name: '\\u escapes',
    render: (secret) => {
      const escaped = [...secret]
        .map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .join('');
      return `{"message":"rejected: ${escaped}","code":"UNAUTHORIZED"}`;
    },
  },
  {
    name: 'spaced out',
    render: (secret) => JSON.stringify({ message: `rejected: ${[...contentOf(secret)].join(' ')}` }),
  },
];

/** What a request carried that is secret: the key in its body, the token in its headers. */
export function secretsOf(req: RecordedRequest): { key: string | undefined; token: string | undefined } {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const key = [body.private_key, body.privateKey].find((v): v is string => typeof v === 'string');
  const auth = req.headers.authorization?.replace(/^Bearer\s+/i, '');
  const apiKey = req.headers['x-api-key'];
  const token = auth ?? (typeof apiKey === 'string' ? apiKey : undefined);
  return { key, token };
}

/**
 * A fault answering `status` with the request's key (when it carried one) and token echoed in
 * `form`, one after the other in one reply text.
 */
export function echoFault(form: EchoForm, status: number): Fault {
  return {
    kind: 'echo',
    status,
    render: (req) => {
      const { key, token } = secretsOf(req);
      const echoes = [key, token].filter((s): s is string => s !== undefined).map((s) => form.render(s));
      // One JSON text: the first echo is the reply; the others ride along in a field of it.
      if (echoes.length <= 1) return echoes[0] ?? '{}';
      return `${echoes[0]!.slice(0, -1)},"also":[${echoes.slice(1).join(',')}]}`;
    },
  };
}
