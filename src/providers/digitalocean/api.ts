/**
 * What the DigitalOcean modules share: a way to send (the one HTTP layer, paced further for the
 * CDN routes), the clock, and how long to wait for things to settle.
 */
import type { Clock } from '../clock.ts';
import type { HttpRequest, HttpResponse } from '../http.ts';
import type { PollOptions } from './polling.ts';

export type Send = (req: HttpRequest) => Promise<HttpResponse>;

export interface Api {
  send: Send;
  clock: Clock;
  polling: PollOptions;
  /** Progress lines for the log (never secrets). */
  note: (line: string) => void;
}
