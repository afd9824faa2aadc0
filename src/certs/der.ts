/**
 * Just enough DER to look at structure before handing bytes to Node or forge: element headers
 * and OIDs. It never decodes values it does not need, and stops at anything it cannot read
 * (indefinite lengths, lengths past the end), so hostile input costs nothing.
 */

export interface DerElement {
  tag: number;
  contentStart: number;
  end: number;
}

/** The elements in `der` between `start` and `end`, as far as their headers can be read. */
export function derElements(der: Uint8Array, start = 0, end = der.length): DerElement[] {
  const out: DerElement[] = [];
  let at = start;
  while (at + 2 <= end) {
    let length = der[at + 1]!;
    let contentStart = at + 2;
    if (length & 0x80) {
      const octets = length & 0x7f;
      if (octets === 0 || octets > 4 || contentStart + octets > end) break;
      length = 0;
      for (let i = 0; i < octets; i++) length = length * 256 + der[contentStart + i]!;
      contentStart += octets;
    }
    if (contentStart + length > end) break;
    out.push({ tag: der[at]!, contentStart, end: contentStart + length });
    at = contentStart + length;
  }
  return out;
}

/** The elements inside a SEQUENCE; [] for anything else. */
export function inside(der: Uint8Array, element: DerElement | undefined): DerElement[] {
  return element && element.tag === 0x30 ? derElements(der, element.contentStart, element.end) : [];
}

export function contentHex(der: Uint8Array, element: DerElement): string {
  return Buffer.from(der.subarray(element.contentStart, element.end)).toString('hex');
}

/** Dotted form of an OBJECT IDENTIFIER's content; undefined when empty or cut short. */
export function decodeOid(bytes: Uint8Array): string | undefined {
  // Empty, or the last arc is cut off (its final byte still has the continuation bit).
  if (bytes.length === 0 || bytes[bytes.length - 1]! & 0x80) return undefined;
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift();
  if (first === undefined) return undefined;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}
