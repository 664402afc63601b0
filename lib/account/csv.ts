/**
 * RFC 4180 CSV, both ways, plus the spreadsheet formula guard.
 *
 * Formula injection: a cell starting with = + - @ (or a tab / carriage return) is run as a
 * formula by Excel, LibreOffice and Google Sheets. On export such a cell is prefixed with an
 * apostrophe, which spreadsheets show as text. To keep export -> import exact, a cell that
 * already starts with apostrophes followed by one of those characters gets one more, and the
 * import removes exactly one: the rule is a bijection on all strings.
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;

export function protectFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unprotectFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One cell: formula-guarded, quoted when it holds a delimiter, quote, line break or edge spaces. */
export function csvCell(value: string | number | null | undefined): string {
  const cell = protectFormula(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export const csvLine = (cells: readonly (string | number | null | undefined)[]) => cells.map(csvCell).join(',');

export interface CsvRow {
  /** 1-based line of the file where the row starts (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

export type CsvParseResult = { ok: true; rows: CsvRow[] } | { ok: false; error: string };

/**
 * Splits CSV text into rows of raw cells (quotes removed, formula guard NOT removed: that is
 * a property of our export format, applied by the caller). Accepts a UTF-8 BOM and CRLF, LF
 * or CR line ends; skips blank lines; rejects an unterminated quote or text after a closing
 * quote, naming the line. `delimiter` is ',' for our export; other trackers' files (spreadsheets
 * saved in a comma-decimal locale) may use ';' or a tab.
 */
export function parseCsv(input: string, delimiter: ',' | ';' | '\t' = ','): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quotedCell = false;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    quotedCell = false;
  };
  const endRow = () => {
    endCell();
    // A blank line is a single empty unquoted cell: not a row.
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
  };

  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === '' && !quotedCell) {
      const start = line;
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, error: `line ${start}: a quoted cell is never closed` };
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\r' || c === '\n') {
          if (c === '\r' && text[i + 1] === '\n') {
            cell += '\r';
            i++;
          }
          line++;
        }
        cell += text[i];
        i++;
      }
      quotedCell = true;
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        return { ok: false, error: `line ${line}: unexpected text after a closing quote` };
      }
      continue;
    }
    if (ch === delimiter) {
      endCell();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || quotedCell || cells.length > 0) endRow();
  return { ok: true, rows };
}
