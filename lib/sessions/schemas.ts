import { z } from 'zod';
import Decimal from 'decimal.js';
import { parseAmount } from '@/lib/domain/money';
import { isDayKey } from '@/lib/domain/days';
import { hasVisibleChar, isStorableText } from '@/lib/domain/text';
import { currencyField, firstParam, idSchema, parsedAmount, positiveAmountField, type SearchParams } from '@/lib/fields/form-fields';
import {
  EARLIEST_INSTANT,
  SESSION_COUNT_MAX,
  SESSION_MAX_MINUTES,
  SESSION_NOTES_MAX,
  SESSION_TAG_MAX,
  SESSION_TAGS_MAX,
  VENUE_NAME_MAX,
  latestInstant,
} from '@/lib/fields/limits';
import { GAMES, SESSION_KINDS, parseTags, type Game, type SessionFilter, type SessionKind } from '@/lib/sessions/rules';

// Form input of play sessions: the full "log a session" form, and the three steps of the live
// timer (start, rebuy, end). Each field is defined once here and composed; cross-field rules
// (blinds for cash games, end after start) are checked in one place, with the message attached
// to the field the user must change.

/** Where: "site:<id>" (one of the user's poker sites), "venue:<id>" (a remembered live venue) or "new" + a name. */
export type VenueChoice = { siteId: string } | { venueId: string } | { newVenue: string };

const amountOf = (text: string, ctx: z.RefinementCtx) => parsedAmount(parseAmount, text, ctx);

/** An amount >= 0 (2 decimals); empty means 0. */
const amountOrZero = z
  .string()
  .optional()
  .transform((text, ctx) => (!text || !text.trim() ? new Decimal(0) : amountOf(text, ctx)));

/** An amount >= 0 that must be entered (a cash-out of 0 is a bust, still typed on purpose). */
const requiredAmount = (what: string) =>
  z.string({ error: `Enter the ${what}` }).transform((text, ctx) => {
    if (!text.trim()) {
      ctx.addIssue({ code: 'custom', message: `Enter the ${what}` });
      return z.NEVER;
    }
    return amountOf(text, ctx);
  });

/** An optional whole number in [min, max]; empty is null. */
const optionalCount = (what: string, min = 0, max = SESSION_COUNT_MAX) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      const t = text?.trim() ?? '';
      if (!t) return null;
      if (!/^\d{1,9}$/.test(t) || Number(t) < min || Number(t) > max) {
        ctx.addIssue({ code: 'custom', message: `${what} must be a whole number from ${min} to ${max.toLocaleString('en-US')}` });
        return z.NEVER;
      }
      return Number(t);
    });

const kindField = z.enum(SESSION_KINDS, { error: 'Choose cash game or tournament' });
const gameField = z.enum(GAMES, { error: 'Choose a game' });

const venueField = z.string({ error: 'Choose where you played' }).transform((raw, ctx): { siteId: string } | { venueId: string } | 'new' => {
  const [type, id] = raw.split(':', 2);
  if (raw === 'new') return 'new';
  if ((type === 'site' || type === 'venue') && idSchema.safeParse(id).success) return type === 'site' ? { siteId: id } : { venueId: id };
  ctx.addIssue({ code: 'custom', message: 'Choose where you played' });
  return z.NEVER;
});

const newVenueField = z
  .string()
  .optional()
  .transform((t) => (t ?? '').trim().replace(/\s+/g, ' '))
  .refine((t) => t.length <= VENUE_NAME_MAX, `Keep the venue name to ${VENUE_NAME_MAX} characters or fewer`)
  .refine((t) => isStorableText(t), 'Remove the invisible control characters from the name');

const notesField = z
  .string()
  .optional()
  .transform((t) => (t ?? '').trim())
  .refine((t) => t.length <= SESSION_NOTES_MAX, `Keep the notes to ${SESSION_NOTES_MAX} characters or fewer`)
  .refine(isStorableText, 'Remove the invisible control characters from the notes')
  .transform((t) => t || null);

const tagsField = z
  .string()
  .optional()
  .transform((t, ctx) => {
    const list = parseTags(t ?? '');
    if (list.length > SESSION_TAGS_MAX) ctx.addIssue({ code: 'custom', message: `Use at most ${SESSION_TAGS_MAX} tags` });
    if (list.some((tag) => tag.length > SESSION_TAG_MAX)) ctx.addIssue({ code: 'custom', message: `Keep each tag to ${SESSION_TAG_MAX} characters or fewer` });
    if (list.some((tag) => !isStorableText(tag))) ctx.addIssue({ code: 'custom', message: 'Remove the invisible control characters from the tags' });
    return list;
  });

const DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?Z?$/;

/** A datetime-local value ("2026-03-14T19:30"), read as UTC like every time in the app. */
export function parseDateTime(raw: string): Date | null {
  const m = DATETIME.exec(raw.trim());
  if (!m || !isDayKey(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  const d = new Date(`${m[1]}T${m[2]}:${m[3]}:00.000Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const instantField = (what: string, now: Date) =>
  z.string({ error: `Enter the ${what}` }).transform((raw, ctx) => {
    const d = raw.trim() ? parseDateTime(raw) : null;
    const problem = !raw.trim()
      ? `Enter the ${what}`
      : !d
        ? `Enter the ${what} as a date and time`
        : d < EARLIEST_INSTANT
          ? `The ${what} cannot be before ${EARLIEST_INSTANT.toISOString().slice(0, 10)}`
          : d > latestInstant(now)
            ? `The ${what} cannot be in the future`
            : null;
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return d!;
  });

const optionalInstantField = (what: string, now: Date) => z.string().optional().pipe(z.union([z.literal('').transform(() => null), z.undefined().transform(() => null), instantField(what, now)]));

/** The fields every session has, wherever it is entered. */
const placeAndGame = {
  kind: kindField,
  game: gameField,
  venue: venueField,
  newVenue: newVenueField,
  currency: currencyField,
  smallBlind: amountOrZero,
  bigBlind: amountOrZero,
  buyIn: requiredAmount('buy-in'),
  fee: amountOrZero,
};

type Issue = { path: string; message: string };

/** The cross-field rules of place and stakes. */
function placeIssues(v: { kind: SessionKind; venue: unknown; newVenue: string; smallBlind: Decimal; bigBlind: Decimal }): Issue[] {
  const issues: Issue[] = [];
  if (v.venue === 'new' && (!v.newVenue || !hasVisibleChar(v.newVenue))) issues.push({ path: 'newVenue', message: 'Name the live venue' });
  if (v.kind === 'CASH') {
    if (v.bigBlind.isZero()) issues.push({ path: 'bigBlind', message: 'Enter the big blind of the cash game' });
    else if (v.smallBlind.greaterThan(v.bigBlind)) issues.push({ path: 'smallBlind', message: 'The small blind cannot be larger than the big blind' });
  }
  return issues;
}

const addIssues = (ctx: z.RefinementCtx, issues: Issue[]) => {
  for (const i of issues) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
};

const toVenue = (venue: { siteId: string } | { venueId: string } | 'new', newVenue: string): VenueChoice => (venue === 'new' ? { newVenue } : venue);

/** The complete "log a session" form (and its edit). */
export function sessionInputSchema(now: Date) {
  return z
    .object({
      ...placeAndGame,
      reEntries: optionalCount('Re-entries', 0, 1000),
      rebuys: amountOrZero,
      cashOut: requiredAmount('cash-out (0 if you lost it all)'),
      expenses: amountOrZero,
      place: optionalCount('Place', 1),
      fieldSize: optionalCount('Field size', 1),
      hands: optionalCount('Hands'),
      start: instantField('start', now),
      end: optionalInstantField('end', now),
      durationMinutes: optionalCount('Duration', 1, SESSION_MAX_MINUTES),
      breakMinutes: optionalCount('Breaks', 0, SESSION_MAX_MINUTES),
      notes: notesField,
      tags: tagsField,
    })
    .superRefine((v, ctx) => {
      addIssues(ctx, placeIssues(v));
      const end = v.end ?? (v.durationMinutes !== null ? new Date(v.start.getTime() + v.durationMinutes * 60_000) : null);
      if (!end) addIssues(ctx, [{ path: 'end', message: 'Enter the end time or the duration' }]);
      else if (end <= v.start) addIssues(ctx, [{ path: 'end', message: 'The end must be after the start' }]);
      else if ((end.getTime() - v.start.getTime()) / 60_000 > SESSION_MAX_MINUTES) addIssues(ctx, [{ path: 'end', message: `A session can last at most ${SESSION_MAX_MINUTES / 60} hours` }]);
      else if ((v.breakMinutes ?? 0) >= (end.getTime() - v.start.getTime()) / 60_000) addIssues(ctx, [{ path: 'breakMinutes', message: 'Breaks must be shorter than the session' }]);
      if (v.place !== null && v.fieldSize !== null && v.place > v.fieldSize) addIssues(ctx, [{ path: 'place', message: 'The place cannot be larger than the field size' }]);
    })
    .transform((v) => {
      const end = v.end ?? new Date(v.start.getTime() + v.durationMinutes! * 60_000);
      const cash = v.kind === 'CASH';
      return {
        kind: v.kind,
        game: v.game,
        venue: toVenue(v.venue, v.newVenue),
        currency: v.currency,
        smallBlind: cash ? v.smallBlind : null,
        bigBlind: cash ? v.bigBlind : null,
        buyIn: v.buyIn,
        fee: cash ? new Decimal(0) : v.fee,
        reEntries: cash ? 0 : (v.reEntries ?? 0),
        rebuys: v.rebuys,
        cashOut: v.cashOut,
        expenses: v.expenses,
        place: cash ? null : v.place,
        fieldSize: cash ? null : v.fieldSize,
        hands: v.hands,
        startedAt: v.start,
        endedAt: end,
        breakMinutes: v.breakMinutes ?? 0,
        notes: v.notes,
        tags: v.tags,
      };
    });
}

export type SessionInput = z.output<ReturnType<typeof sessionInputSchema>>;

/** "Start session": where, what, the first buy-in. The start is the server's clock. */
export const startSessionSchema = z
  .object(placeAndGame)
  .superRefine((v, ctx) => addIssues(ctx, placeIssues(v)))
  .transform((v) => ({
    kind: v.kind,
    game: v.game,
    venue: toVenue(v.venue, v.newVenue),
    currency: v.currency,
    smallBlind: v.kind === 'CASH' ? v.smallBlind : null,
    bigBlind: v.kind === 'CASH' ? v.bigBlind : null,
    buyIn: v.buyIn,
    fee: v.kind === 'CASH' ? new Decimal(0) : v.fee,
  }));

export type StartSessionInput = z.output<typeof startSessionSchema>;

/** A rebuy or add-on while the session runs. */
export const rebuySchema = z.object({ amount: positiveAmountField });

/** "End session": the cash-out, and optionally the rest of what only the end knows. */
export const endSessionSchema = z
  .object({
    cashOut: requiredAmount('cash-out (0 if you lost it all)'),
    expenses: amountOrZero,
    hands: optionalCount('Hands'),
    place: optionalCount('Place', 1),
    fieldSize: optionalCount('Field size', 1),
    breakMinutes: optionalCount('Breaks', 0, SESSION_MAX_MINUTES),
    notes: notesField,
    tags: tagsField,
    updateBalance: z.string().optional().transform((v) => v === 'on' || v === 'yes'),
    // A live session's cash asset to update (see balance-target.ts); empty: none.
    balanceAssetId: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null)
      .pipe(idSchema.nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.place !== null && v.fieldSize !== null && v.place > v.fieldSize) addIssues(ctx, [{ path: 'place', message: 'The place cannot be larger than the field size' }]);
  })
  .transform((v) => ({ ...v, breakMinutes: v.breakMinutes ?? 0 }));

export type EndSessionInput = z.output<typeof endSessionSchema>;

/** What to do with the running session when another is started. */
export const RUNNING_CHOICES = ['end-it', 'discard-it'] as const;

/** The list/statistics filter from the URL: a bad value is dropped and reported, never a failure. */
export function parseSessionFilter(params: SearchParams): { filter: SessionFilter; problems: string[] } {
  const filter: SessionFilter = {};
  const problems: string[] = [];
  const kind = firstParam(params.kind);
  if (kind) {
    if ((SESSION_KINDS as readonly string[]).includes(kind)) filter.kind = kind as SessionKind;
    else problems.push('Unknown session type ignored.');
  }
  const game = firstParam(params.game);
  if (game) {
    if ((GAMES as readonly string[]).includes(game)) filter.game = game as Game;
    else problems.push('Unknown game ignored.');
  }
  for (const key of ['from', 'to'] as const) {
    const day = firstParam(params[key])?.trim();
    if (!day) continue;
    if (isDayKey(day)) filter[key] = day;
    else problems.push(`The "${key}" date must be YYYY-MM-DD; ignored.`);
  }
  for (const key of ['stakes', 'venue', 'tag'] as const) {
    const v = firstParam(params[key])?.trim();
    if (v && v.length <= 120) filter[key] = v;
  }
  if (filter.from && filter.to && filter.from > filter.to) problems.push('The "from" date is after the "to" date, so nothing can match.');
  return { filter, problems };
}

/** The filter as URL parameters (links that keep it). */
export function filterQuery(filter: SessionFilter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
