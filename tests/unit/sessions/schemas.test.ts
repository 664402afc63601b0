import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { endSessionSchema, parseDateTime, parseSessionFilter, rebuySchema, sessionInputSchema, startSessionSchema } from '@/lib/sessions/schemas';

const now = new Date('2026-06-01T12:00:00Z');
const cash = {
  kind: 'CASH',
  game: 'NLHE',
  venue: 'site:ck1site',
  newVenue: '',
  currency: 'USD',
  smallBlind: '1',
  bigBlind: '2',
  buyIn: '200',
  cashOut: '350.50',
  start: '2026-05-30T19:00',
  end: '2026-05-30T23:30',
};
const errorsOf = (input: Record<string, string>) => {
  const r = sessionInputSchema(now).safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('sessionInputSchema', () => {
  it('accepts a cash session and derives the end from a duration', () => {
    const r = sessionInputSchema(now).parse(cash);
    expect(r).toMatchObject({ kind: 'CASH', venue: { siteId: 'ck1site' }, reEntries: 0, breakMinutes: 0, tags: [] });
    expect(r.cashOut.toFixed(2)).toBe('350.50');
    expect(r.endedAt.toISOString()).toBe('2026-05-30T23:30:00.000Z');
    const d = sessionInputSchema(now).parse({ ...cash, end: '', durationMinutes: '90' });
    expect(d.endedAt.toISOString()).toBe('2026-05-30T20:30:00.000Z');
  });

  it('a tournament drops blinds and keeps buy-in, fee, re-entries, place and field', () => {
    const r = sessionInputSchema(now).parse({ ...cash, kind: 'TOURNAMENT', fee: '10', reEntries: '2', place: '3', fieldSize: '120', smallBlind: '', bigBlind: '', venue: 'new', newVenue: '  Aria   Poker ' });
    expect(r).toMatchObject({ smallBlind: null, bigBlind: null, reEntries: 2, place: 3, fieldSize: 120, venue: { newVenue: 'Aria Poker' } });
  });

  it('puts each problem on its own field', () => {
    expect(errorsOf({ ...cash, bigBlind: '' })).toEqual({ bigBlind: 'Enter the big blind of the cash game' });
    expect(errorsOf({ ...cash, smallBlind: '5' })).toEqual({ smallBlind: 'The small blind cannot be larger than the big blind' });
    expect(errorsOf({ ...cash, cashOut: '' })).toHaveProperty('cashOut');
    expect(errorsOf({ ...cash, cashOut: '-5' })).toEqual({ cashOut: 'Amount cannot be negative' });
    expect(errorsOf({ ...cash, end: '2026-05-30T18:00' })).toEqual({ end: 'The end must be after the start' });
    expect(errorsOf({ ...cash, end: '' })).toEqual({ end: 'Enter the end time or the duration' });
    expect(errorsOf({ ...cash, start: '2026-07-30T19:00', end: '2026-07-30T20:00' })).toMatchObject({ start: 'The start cannot be in the future' });
    expect(errorsOf({ ...cash, start: 'yesterday' })).toEqual({ start: 'Enter the start as a date and time' });
    expect(errorsOf({ ...cash, breakMinutes: '300' })).toEqual({ breakMinutes: 'Breaks must be shorter than the session' });
    expect(errorsOf({ ...cash, venue: 'new' })).toEqual({ newVenue: 'Name the live venue' });
    expect(errorsOf({ ...cash, venue: 'elsewhere' })).toEqual({ venue: 'Choose where you played' });
    expect(errorsOf({ ...cash, kind: 'TOURNAMENT', place: '9', fieldSize: '8' })).toEqual({ place: 'The place cannot be larger than the field size' });
    expect(errorsOf({ ...cash, hands: '1.5' })).toHaveProperty('hands');
    expect(errorsOf({ ...cash, tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(',') })).toEqual({ tags: 'Use at most 10 tags' });
    expect(errorsOf({ ...cash, notes: 'a\u0000b' })).toHaveProperty('notes');
  });

  it('never throws, whatever the strings (a bad input is a message, not a 500)', () => {
    const keys = ['kind', 'game', 'venue', 'newVenue', 'currency', 'smallBlind', 'bigBlind', 'buyIn', 'fee', 'reEntries', 'rebuys', 'cashOut', 'expenses', 'place', 'fieldSize', 'hands', 'start', 'end', 'durationMinutes', 'breakMinutes', 'notes', 'tags'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.string({ maxLength: 30 })), (partial) => {
        const r = sessionInputSchema(now).safeParse({ ...cash, ...partial });
        if (r.success) {
          expect(r.data.endedAt.getTime()).toBeGreaterThan(r.data.startedAt.getTime());
          expect(r.data.buyIn.isNegative()).toBe(false);
        } else expect(r.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the live timer forms', () => {
  it('start needs the place, stakes and buy-in; rebuys are > 0; the end needs a cash-out', () => {
    expect(startSessionSchema.safeParse({ ...cash }).success).toBe(true);
    expect(startSessionSchema.safeParse({ ...cash, buyIn: '' }).success).toBe(false);
    expect(rebuySchema.safeParse({ amount: '0' }).success).toBe(false);
    expect(rebuySchema.parse({ amount: '100' }).amount.toString()).toBe('100');
    expect(endSessionSchema.safeParse({}).success).toBe(false);
    expect(endSessionSchema.parse({ cashOut: '0', updateBalance: 'on' })).toMatchObject({ updateBalance: true, breakMinutes: 0 });
  });
});

describe('parsing helpers', () => {
  it('reads datetime-local values as UTC and refuses impossible ones', () => {
    expect(parseDateTime('2026-02-28T23:59')?.toISOString()).toBe('2026-02-28T23:59:00.000Z');
    expect(parseDateTime('2026-02-30T10:00')).toBeNull();
    expect(parseDateTime('2026-02-01T24:00')).toBeNull();
  });

  it('drops bad filter values with a message', () => {
    const { filter, problems } = parseSessionFilter({ kind: 'POKER', game: 'PLO', from: '2026-13-01', to: '2026-01-01', tag: 'home' });
    expect(filter).toEqual({ game: 'PLO', to: '2026-01-01', tag: 'home' });
    expect(problems).toHaveLength(2);
  });
});
