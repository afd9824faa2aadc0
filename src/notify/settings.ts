/**
 * The chat alert's settings: the webhook, the message's form and when to send it. Read by
 * src/settings.ts with the rest. The webhook URL is a secret (Slack's and Mattermost's carry their
 * token in the path), so no message here quotes it, not even a piece of it.
 */
import { type InputName, Inputs, NOTIFY_FORMATS, NOTIFY_ON } from '../constants.ts';
import { InputError } from '../errors.ts';
import { quoteValue } from '../secrets.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { isLoopbackHost } from '../loopback.ts';

export type NotifyFormat = (typeof NOTIFY_FORMATS)[number];
export type NotifyOn = (typeof NOTIFY_ON)[number];

export interface NotifySettings {
  /** Where to POST the message: a secret, never printed. */
  url: URL;
  /** `slack`: Slack-compatible text and blocks (Mattermost, Rocket.Chat); `json`: the report's summary. */
  format: NotifyFormat;
  /** When a run sends its one message (notify/decide.ts). */
  on: NotifyOn;
}

const EXAMPLE = 'e.g. https://hooks.slack.com/services/…, from a secret';

/** Undefined when no webhook is set: the run sends nothing. The other two are checked either way. */
export function parseNotify(
  get: (name: InputName) => string | undefined,
  words: Vocabulary,
): NotifySettings | undefined {
  const { name: named } = words;
  const format = oneOf(get(Inputs.NotifyFormat), named(Inputs.NotifyFormat), NOTIFY_FORMATS, 'slack');
  const on = oneOf(get(Inputs.NotifyOn), named(Inputs.NotifyOn), NOTIFY_ON, 'attention');
  const raw = get(Inputs.NotifyWebhook)?.trim();
  if (raw === undefined) return undefined;
  return { url: webhookUrl(raw, words), format, on };
}

function oneOf<T extends string>(
  value: string | undefined,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  const text = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new InputError(
    `Invalid ${name} ${quoteValue(value.trim())}. Expected one of: ${allowed.join(', ')}.`,
  );
}

/**
 * https, or plain http to this machine only (a test receiver, a tunnel): over plain http the token
 * in the path would cross the network in the clear. Each refusal says what is wrong, never what
 * was given.
 */
function webhookUrl(raw: string, words: Vocabulary): URL {
  const name = words.name(Inputs.NotifyWebhook);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(
      `${name} is not a URL (its value is a secret and is not shown).`,
      `Give the incoming-webhook address the chat shows, ${EXAMPLE}.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError(
      `${name} holds a user name or password before its host (the value is a secret and is not shown).`,
      `Give the incoming-webhook address as the chat shows it, ${EXAMPLE}.`,
    );
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new InputError(
    url.protocol === 'http:'
      ? `${name} is a plain http address of another machine: the token in it would travel unencrypted (the value is a secret and is not shown).`
      : `${name} is not an http(s) address (the value is a secret and is not shown).`,
    `Use the https:// address, ${EXAMPLE}. Plain http is accepted only to this machine (localhost, 127.0.0.1, [::1]).`,
  );
}
