import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, parseCsv, protectFormula, unprotectFormula } from '@/lib/account/csv';

describe('formula guard', () => {
  it.each(['=SUM(A1:A2)', '+1', '-1', '@cmd', '\tx', '\rx', "'=already"])('prefixes %j with an apostrophe', (cell) => {
    expect(protectFormula(cell)).toBe(`'${cell}`);
  });

  it.each(['PokerStars', "'plain quote", '1234.50', '', 'a=b'])('leaves %j alone', (cell) => {
    expect(protectFormula(cell)).toBe(cell);
  });

  it('is undone exactly by unprotectFormula, for any string', () => {
    fc.assert(fc.property(fc.string(), (s) => unprotectFormula(protectFormula(s)) === s));
  });
});

describe('csvCell', () => {
  it('quotes delimiters, quotes, line breaks and edge spaces', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });

  it('guards a formula even inside quotes', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
  });
});

describe('parseCsv', () => {
  it('strips a BOM and reads CRLF, LF and CR line ends', () => {
    const result = parseCsv('\uFEFFa,b\r\n1,2\n3,4\r5,6');
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['1', '2'] },
        { line: 3, cells: ['3', '4'] },
        { line: 4, cells: ['5', '6'] },
      ],
    });
  });

  it('keeps quoted commas, doubled quotes and line breaks, and numbers lines by where rows start', () => {
    const result = parseCsv('name,note\r\n"Poker, Inc.","a ""b""\r\nsecond line"\r\nnext,row\r\n');
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 1, cells: ['name', 'note'] },
        { line: 2, cells: ['Poker, Inc.', 'a "b"\r\nsecond line'] },
        { line: 4, cells: ['next', 'row'] },
      ],
    });
  });

  it('skips blank lines and keeps empty cells', () => {
    expect(parseCsv('a,b\n\n,\n')).toEqual({ ok: true, rows: [{ line: 1, cells: ['a', 'b'] }, { line: 3, cells: ['', ''] }] });
  });

  it('reports an unterminated quote and text after a closing quote with their line', () => {
    expect(parseCsv('a\n"open\nstill open')).toEqual({ ok: false, error: 'line 2: a quoted cell is never closed' });
    expect(parseCsv('a\n"x"y')).toEqual({ ok: false, error: 'line 2: unexpected text after a closing quote' });
  });

  it('reads back any table written with csvLine', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '=', "'", 'é', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (table) => {
        const parsed = parseCsv(table.map((r) => csvLine(r)).join('\r\n'));
        if (!parsed.ok) return false;
        // Rows of only empty cells are blank lines only when they have one cell; here >= 2.
        const back = parsed.rows.map((r) => r.cells.map(unprotectFormula));
        expect(back).toEqual(table);
        return true;
      }),
    );
  });
});
