import type Decimal from 'decimal.js';

// "Duplicates (same start, venue and result) reported rather than doubled": importing the same
// export twice, or a file that lists a session twice, adds each session once. The key is built
// the same way for a file row and for a stored session, so both compare equal.

export interface DuplicateKeyParts {
  startedAt: Date;
  /** The site or live venue name, as written (compared without case). */
  place: string;
  result: Decimal;
  currency: string;
}

export function duplicateKey(s: DuplicateKeyParts): string {
  return `${s.startedAt.toISOString()}|${s.place.trim().replace(/\s+/g, ' ').toLowerCase()}|${s.result.toFixed(2)} ${s.currency}`;
}

export interface Duplicate {
  line: number;
  /** The earlier line of the file it repeats, or null when it repeats a session already saved. */
  repeatsLine: number | null;
}

/** The rows to import (first of each key) and the duplicates, in file order. */
export function splitDuplicates<T extends { line: number; key: string }>(rows: readonly T[], existing: ReadonlySet<string>): { fresh: T[]; duplicates: Duplicate[] } {
  const fresh: T[] = [];
  const duplicates: Duplicate[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    if (existing.has(row.key)) duplicates.push({ line: row.line, repeatsLine: null });
    else if (firstLine.has(row.key)) duplicates.push({ line: row.line, repeatsLine: firstLine.get(row.key)! });
    else {
      firstLine.set(row.key, row.line);
      fresh.push(row);
    }
  }
  return { fresh, duplicates };
}

export function duplicateMessage(d: Duplicate): string {
  return d.repeatsLine === null
    ? `line ${d.line}: skipped, you already have a session with the same start, place and result`
    : `line ${d.line}: skipped, it repeats line ${d.repeatsLine} (same start, place and result)`;
}
