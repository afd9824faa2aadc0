/**
 * Plain edits of text for the fuzz tests: insert, delete, duplicate a piece, cut the end, swap two
 * lines. Positions are any non-negative numbers and wrap around the text, so a generator needs no
 * knowledge of the text it edits.
 */
export type PlainEdit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; from: number; length: number; to: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'swapLines'; a: number; b: number };

export function applyPlainEdit(t: string, e: PlainEdit): string {
  const at = (n: number) => (t.length === 0 ? 0 : n % (t.length + 1));
  switch (e.kind) {
    case 'insert': {
      const i = at(e.at);
      return t.slice(0, i) + e.text + t.slice(i);
    }
    case 'delete': {
      const i = at(e.at);
      return t.slice(0, i) + t.slice(i + e.length);
    }
    case 'duplicate': {
      const from = at(e.from);
      const piece = t.slice(from, from + e.length);
      const to = at(e.to);
      return t.slice(0, to) + piece + t.slice(to);
    }
    case 'truncate':
      return t.slice(0, at(e.at));
    case 'swapLines': {
      const lines = t.split('\n');
      const a = e.a % lines.length;
      const b = e.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
  }
}
