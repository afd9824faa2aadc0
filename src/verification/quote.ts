/**
 * A bad entry quoted back in an error: cut to a bound (an input can be megabytes) and in JSON
 * form, with every character a reader cannot see as an escape (printableJson: controls, bidi and
 * other format characters, the line separators), so nothing in it moves or hides the text.
 */
import { printableJson } from '../report/escape.ts';
import { MAX_QUOTED } from './limits.ts';

export function quote(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_QUOTED
    ? printableJson(JSON.stringify(text))
    : `${printableJson(JSON.stringify(chars.slice(0, MAX_QUOTED).join('')))}… (${chars.length} characters)`;
}
