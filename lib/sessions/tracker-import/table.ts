import { parseCsv, type CsvRow } from '@/lib/account/csv';
import { MAX_COLUMNS } from './mapping';

// Another tracker's CSV as a header and data rows, each row keeping its line in the file (the
// line every error message names). The CSV rules are the account import's (lib/account/csv.ts);
// only the delimiter is guessed, because spreadsheets in comma-decimal locales write ";".

export interface TrackerTable {
  header: string[];
  rows: CsvRow[];
}

export type TrackerTableResult = { ok: true; table: TrackerTable } | { ok: false; error: string };

/** Sessions in one file at most: a bigger file is split, not half-imported. */
export const MAX_TRACKER_ROWS = 10_000;

/** The delimiter the header line uses most (outside quotes): ",", ";" or a tab. */
export function guessDelimiter(text: string): ',' | ';' | '\t' {
  const first = (text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (c: string) => first.split(c).length - 1;
  const [comma, semi, tab] = [count(','), count(';'), count('\t')];
  return tab > comma && tab > semi ? '\t' : semi > comma ? ';' : ',';
}

export function readTrackerCsv(text: string): TrackerTableResult {
  const parsed = parseCsv(text, guessDelimiter(text));
  if (!parsed.ok) return { ok: false, error: `The file is not valid CSV: ${parsed.error}.` };
  const [head, ...rows] = parsed.rows;
  if (!head) return { ok: false, error: 'The file is empty: it needs a header row and at least one session.' };
  const header = head.cells.map((c) => c.trim());
  if (header.length > MAX_COLUMNS) return { ok: false, error: `The file has ${header.length} columns; a session list has at most ${MAX_COLUMNS}.` };
  if (header.every((h) => h === '')) return { ok: false, error: 'The first line must name the columns (a header row).' };
  if (rows.length === 0) return { ok: false, error: 'The file has a header row but no sessions.' };
  if (rows.length > MAX_TRACKER_ROWS) return { ok: false, error: `The file has ${rows.length.toLocaleString('en-US')} rows; import at most ${MAX_TRACKER_ROWS.toLocaleString('en-US')} at a time.` };
  return { ok: true, table: { header, rows } };
}
