/**
 * PEM marker lines built from their labels. Tests assert on key containers (`PRIVATE KEY`,
 * `ENCRYPTED PRIVATE KEY`, …) without any tracked file spelling a key's marker line, which is what
 * secret scanners look for. Every key itself is made at test time.
 */
export const pemBegin = (label: string): string => `-----BEGIN ${label}-----`;
export const pemEnd = (label: string): string => `-----END ${label}-----`;

/** For regular expressions: the marker with nothing in it that a pattern would read as syntax. */
export const pemBeginPattern = (label: string): string =>
  pemBegin(label).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
