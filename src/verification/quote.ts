/**
 * A bad entry quoted back in an error: cut to a bound (an input can be megabytes) and in JSON
 * form, so control characters and lookalike spaces show as escapes instead of moving the text.
 */
import { MAX_QUOTED } from './limits.ts';

export function quote(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_QUOTED
    ? JSON.stringify(text)
    : `${JSON.stringify(chars.slice(0, MAX_QUOTED).join(''))}… (${chars.length} characters)`;
}
