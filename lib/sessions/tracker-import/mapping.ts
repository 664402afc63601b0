import { z } from 'zod';
import { isSupportedCurrency } from '@/lib/domain/currency';
import { GAMES, SESSION_KINDS, type Game, type SessionKind } from '@/lib/sessions/rules';
import { DATE_FORMATS, DECIMAL_SEPARATORS, DURATION_UNITS, TRACKER_FIELDS, type DateFormat, type DecimalSeparator, type DurationUnit, type TrackerField } from './fields';

// A column mapping: which session field each column of the file feeds, and how its cells are
// written. It comes from the mapping form and from a saved mapping (JSON in the database):
// both go through `trackerMappingSchema`, so a stale or tampered saved mapping is dropped, not
// trusted.

export interface TrackerMapping {
  /** One entry per header column: the field it feeds, or null (ignored). */
  columns: (TrackerField | null)[];
  dateFormat: DateFormat;
  durationUnit: DurationUnit;
  decimalSeparator: DecimalSeparator;
  /** For rows without a currency column or cell. */
  defaultCurrency: string;
  /** For rows without a type column or cell. */
  defaultKind: SessionKind;
  /** For rows without a game column or cell. */
  defaultGame: Game;
}

/** More columns than any tracker exports: a file beyond this is not a session list. */
export const MAX_COLUMNS = 60;

export const trackerMappingSchema = z
  .object({
    columns: z.array(z.enum(TRACKER_FIELDS).nullable()).max(MAX_COLUMNS),
    dateFormat: z.enum(DATE_FORMATS, { error: 'Choose a date format' }),
    durationUnit: z.enum(DURATION_UNITS, { error: 'Choose minutes or hours' }),
    decimalSeparator: z.enum(DECIMAL_SEPARATORS, { error: 'Choose the decimal separator' }),
    defaultCurrency: z.string().trim().toUpperCase().refine(isSupportedCurrency, 'Choose one of the supported currencies'),
    defaultKind: z.enum(SESSION_KINDS, { error: 'Choose cash game or tournament' }),
    defaultGame: z.enum(GAMES, { error: 'Choose a game' }),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<TrackerField>();
    for (const field of m.columns) {
      if (field === null) continue;
      if (seen.has(field)) ctx.addIssue({ code: 'custom', path: ['columns'], message: `Two columns feed "${field}": keep one` });
      seen.add(field);
    }
  });

/** The mapping's fields as the form posts them: col-0..col-N, plus the format choices. */
export function mappingFromForm(form: Record<string, string>, columnCount: number): unknown {
  return {
    columns: Array.from({ length: Math.min(columnCount, MAX_COLUMNS + 1) }, (_, i) => form[`col-${i}`] || null),
    dateFormat: form.dateFormat,
    durationUnit: form.durationUnit,
    decimalSeparator: form.decimalSeparator,
    defaultCurrency: form.defaultCurrency,
    defaultKind: form.defaultKind,
    defaultGame: form.defaultGame,
  };
}

/** Which fields the mapping feeds. */
export const mappedFields = (m: Pick<TrackerMapping, 'columns'>): Set<TrackerField> => new Set(m.columns.filter((f): f is TrackerField => f !== null));

/**
 * What a mapping needs to make sessions: a start (a date or a start column), a length (an end
 * or a duration) and money (a buy-in and a cash-out, or a profit). Said once, before any row
 * is read, instead of once per row.
 */
export function mappingProblems(m: Pick<TrackerMapping, 'columns'>): string[] {
  const f = mappedFields(m);
  const out: string[] = [];
  if (!f.has('date') && !f.has('start')) out.push('Map a column to "Date" or "Start": a session needs its start.');
  if (!f.has('end') && !f.has('duration')) out.push('Map a column to "End" or "Duration": a session needs its length.');
  if (!f.has('profit') && !(f.has('buyIn') && f.has('cashOut'))) out.push('Map "Buy-in" and "Cash-out", or "Profit": a session needs its result.');
  if (!f.has('venue')) out.push('Map a column to "Where": a session needs its site or venue.');
  return out;
}

/**
 * The layout of a file, from its header row: the saved mapping of that layout is looked up by
 * it. Case, spacing and punctuation do not change it.
 */
export function headerSignature(header: readonly string[]): string {
  const norm = header.map((h) => h.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()).join('|');
  // FNV-1a, twice with different seeds: a short stable key, not a secret (64 bits as 16 hex).
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < norm.length; i++) {
      h ^= norm.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return `${header.length}-${fnv(0x811c9dc5)}${fnv(0x01000193)}`;
}
