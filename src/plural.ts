/**
 * A count with its noun, in the right number: "1 request", "2 requests", "0 days". The one
 * place counts are worded, so no summary, log line, comment or finding says "1 days".
 */

/** `word` is the singular; `many` the plural where adding an s is wrong ("entry", "entries"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${Math.abs(n) === 1 ? word : many}`;
}
