// Properties of the import parser (settings/actions.ts importDataAction -> lib/account/import-parse.ts):
// it never throws whatever the bytes; a broken file is refused with errors that say where
// (CSV line numbers, JSON paths); an export parses back to exactly the data exported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_RECORDS, EXPORT_FORMAT, EXPORT_VERSION, toCsvExport, toJsonExport } from '@/lib/account/export-format';
import { detectFormat, MAX_REPORTED_ERRORS, parseCsvImport, parseImport, parseJsonImport, type ImportParseResult } from '@/lib/account/import-parse';
import { ACHIEVEMENT_CODES } from '@/lib/domain/achievements';
import { NOW, accountData, brokenData, expectedPlan } from './import-data';
import { PAYLOADS, RUNS } from './support';

// Checked with plain code and one expect per call: vitest's expect is slow in hot loops.

const isMore = (error: string) => /^…and \d+ more/.test(error);

/** A refusal is a non-empty list of readable messages, at most the cap plus "...and N more". */
function expectWellFormed(result: ImportParseResult) {
  if (result.ok) return;
  const unreadable = result.errors.filter((e) => typeof e !== 'string' || e.trim().length <= 5);
  expect({ count: result.errors.length > 0 && result.errors.length <= MAX_REPORTED_ERRORS + 1, unreadable }).toEqual({ count: true, unreadable: [] });
}

/** Every CSV error names a line of the file (or says the file is empty). */
function expectCsvLocated(result: ImportParseResult, lineCount: number) {
  if (result.ok) return;
  const unlocated = result.errors.filter((error) => {
    if (isMore(error) || error.startsWith('The file is empty')) return false;
    const line = /^line (\d+): /.exec(error);
    return !line || Number(line[1]) < 1 || Number(line[1]) > lineCount + 1;
  });
  expect(unlocated).toEqual([]);
}

/** Every JSON error starts with the path of the value at fault ("holdings[2].snapshots[0].amount"). */
function expectJsonLocated(result: ImportParseResult) {
  if (result.ok) return;
  const PATH = /^(the document|[A-Za-z]+(\[\d+\])?(\.[A-Za-z]+(\[\d+\])?)*)(:| )/;
  expect(result.errors.filter((e) => !isMore(e) && !e.startsWith('The file is not valid JSON') && !PATH.test(e))).toEqual([]);
}

const lineCount = (text: string) => (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;

describe('arbitrary input never throws', () => {
  it('any text, as JSON, as CSV and as detected', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.jsonValue().map((v) => JSON.stringify(v))), fc.string({ maxLength: 20 }), (text, fileName) => {
        const json = parseImport(text, 'json', NOW);
        const csv = parseImport(text, 'csv', NOW);
        expectWellFormed(json);
        expectWellFormed(csv);
        expectJsonLocated(json);
        expectCsvLocated(csv, lineCount(text));
        expect(['json', 'csv']).toContain(detectFormat(fileName, text));
      }),
      RUNS,
    );
  });

  it('any bytes, decoded like File.text() (UTF-8 with replacement)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        expectWellFormed(parseImport(text, detectFormat('upload.bin', text), NOW));
      }),
      RUNS,
    );
  });

  it('JSON documents of the right format with arbitrary contents', () => {
    const section = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.dictionary(fc.constantFrom('kind', 'name', 'amount', 'currency', 'type', 'note', 'slug', 'code', 'snapshots', 'position', 'recordedAt', 'occurredOn', 'status', '__proto__'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 }));
    fc.assert(
      fc.property(fc.record({ holdings: section, transfers: section, goals: section, achievements: section, articleReads: section }, { requiredKeys: [] }), (sections) => {
        const result = parseJsonImport(JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, ...sections }), NOW);
        expectWellFormed(result);
        expectJsonLocated(result);
      }),
      // Each parse builds the document schema (~3 ms): fewer runs keep the suite fast.
      { numRuns: 100 },
    );
  });

  it('CSV files with known columns and arbitrary cells', () => {
    const cell = fc.oneof(fc.constantFrom(...CSV_RECORDS, 'POKER_SITE', 'ASSET', 'DEPOSIT', 'ACTIVE', 'USD', '12.50', '-1', '2025-01-01', '2025-01-01T00:00:00.000Z', ...ACHIEVEMENT_CODES, ...PAYLOADS, ''), fc.string({ maxLength: 8 }));
    const csvText = fc
      .tuple(fc.shuffledSubarray([...CSV_COLUMNS], { minLength: 1 }), fc.array(fc.array(cell, { maxLength: 16 }), { maxLength: 8 }), fc.constantFrom('\r\n', '\n', '\r'))
      .map(([columns, rows, eol]) => [columns.join(','), ...rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join(eol));
    fc.assert(
      fc.property(csvText, (text) => {
        const result = parseCsvImport(text, NOW);
        expectWellFormed(result);
        expectCsvLocated(result, lineCount(text));
      }),
      RUNS,
    );
  });
});

describe('an export parses back to the same data', () => {
  it('JSON', () => {
    fc.assert(
      fc.property(accountData(), (data) => {
        const result = parseJsonImport(toJsonExport(data, NOW), NOW);
        expect(result).toEqual({ ok: true, plan: expectedPlan(data) });
      }),
      RUNS,
    );
  });

  it('CSV (quoting, formula guard, line breaks in notes, BOM)', () => {
    fc.assert(
      fc.property(accountData(), (data) => {
        const result = parseCsvImport(toCsvExport(data), NOW);
        expect(result).toEqual({ ok: true, plan: expectedPlan(data) });
      }),
      RUNS,
    );
  });
});

describe('one broken field is refused, and the error says where', () => {
  it('JSON: the path of the broken value', () => {
    fc.assert(
      fc.property(brokenData, (broken) => {
        const result = parseJsonImport(toJsonExport(broken.data, NOW), NOW);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expectWellFormed(result);
        expectJsonLocated(result);
        expect(result.errors.some((e) => e.startsWith(`${broken.jsonPath} `)), `${broken.jsonPath} in ${JSON.stringify(result.errors)}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('CSV: the line of the broken row and its column', () => {
    fc.assert(
      fc.property(brokenData, (broken) => {
        const text = toCsvExport(broken.data);
        const result = parseCsvImport(text, NOW);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expectWellFormed(result);
        expectCsvLocated(result, lineCount(text));
        const where = `line ${broken.csvLine}: ${broken.column} `;
        expect(result.errors.some((e) => e.startsWith(where)), `${where} in ${JSON.stringify(result.errors)}`).toBe(true);
      }),
      RUNS,
    );
  });
});
