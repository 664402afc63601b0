/**
 * Reads an account export (JSON or CSV, see export-format.ts) into a typed import plan, or
 * into a list of every problem found, each naming where it is: "line 14: amount must be
 * greater than 0" (CSV) or "holdings[2].snapshots[0].amount must be greater than 0" (JSON).
 * Pure: the whole file is validated before anything is written (lib/account/import.ts).
 *
 * Not imported, by design: the profile (e-mail and display currency stay the importing
 * account's own). Everything else is added to the account.
 */
import { z } from 'zod';
import type { AchievementCode } from '@/lib/domain/achievements';
import type { DayKey } from '@/lib/domain/days';
import { hasControlChars, hasVisibleChar, isStorableText } from '@/lib/domain/text';
import { parseCsv, unprotectFormula } from '@/lib/account/csv';
import { CSV_COLUMNS, CSV_RECORDS, EXPORT_FORMAT, EXPORT_VERSION, type CsvColumn, type CsvRecord } from '@/lib/account/export-format';
import { SESSION_MAX_MINUTES, SESSION_NOTES_MAX, SESSION_TAG_MAX, SESSION_TAGS_MAX, VENUE_NAME_MAX, latestDay, latestInstant } from '@/lib/fields/limits';
import { GAMES, SESSION_KINDS, parseTags, type SessionRecord, type SessionSnapshotRef } from '@/lib/sessions/rules';
import * as f from '@/lib/account/fields';

export interface PlannedSnapshot {
  amount: string;
  currency: string;
  recordedAt: Date;
}

export interface PlannedHolding {
  kind: 'POKER_SITE' | 'ASSET';
  name: string;
  assetType: string | null;
  currency: string;
  position: number;
  snapshots: PlannedSnapshot[];
}

export interface PlannedTransfer {
  type: 'DEPOSIT' | 'WITHDRAWAL';
  amount: string;
  currency: string;
  occurredOn: DayKey;
  note: string | null;
}

export interface PlannedGoal {
  type: 'BANKROLL' | 'PROFIT';
  targetAmount: string;
  currency: string;
  endDate: DayKey | null;
  status: 'ACTIVE' | 'COMPLETED' | 'ARCHIVED';
  createdAt: Date;
  completedAt: Date | null;
  archivedAt: Date | null;
}

export interface PlannedAchievement {
  code: AchievementCode;
  unlockedAt: Date;
}

export interface PlannedRead {
  slug: string;
  readAt: Date;
}

export type PlannedSession = SessionRecord<Date> & { balanceSnapshot: SessionSnapshotRef<Date> | null };

export interface ImportPlan {
  holdings: PlannedHolding[];
  transfers: PlannedTransfer[];
  goals: PlannedGoal[];
  achievements: PlannedAchievement[];
  articleReads: PlannedRead[];
  sessions: PlannedSession[];
}

export type ImportFormat = 'json' | 'csv';
export type ImportParseResult = { ok: true; plan: ImportPlan } | { ok: false; errors: string[] };

/** More would only bury the first mistakes, which are usually the same one repeated. */
export const MAX_REPORTED_ERRORS = 50;

const HOLDING_KINDS = ['POKER_SITE', 'ASSET'] as const;
const TRANSFER_TYPES = ['DEPOSIT', 'WITHDRAWAL'] as const;
const GOAL_TYPES = ['BANKROLL', 'PROFIT'] as const;
const GOAL_STATUSES = ['ACTIVE', 'COMPLETED', 'ARCHIVED'] as const;
const KIND_LABEL = { POKER_SITE: 'poker site', ASSET: 'asset' } as const;

/** Collects errors, keeping the first MAX_REPORTED_ERRORS and counting the rest. */
class Problems {
  private readonly list: string[] = [];
  private hidden = 0;

  add(message: string) {
    if (this.list.length < MAX_REPORTED_ERRORS) this.list.push(message);
    else this.hidden++;
  }

  get any() {
    return this.list.length > 0;
  }

  all(): string[] {
    return this.hidden ? [...this.list, `…and ${this.hidden} more ${this.hidden === 1 ? 'error' : 'errors'}`] : this.list;
  }
}

/**
 * Free text must be storable as typed (no NUL byte, which PostgreSQL refuses: the import
 * failed with a 500; no lone surrogate, silently stored as U+FFFD). Names follow the form's
 * rules too (holding-schemas.ts), so an import cannot create a name the form would refuse.
 */
function storable(parse: f.FieldParser<string>, rules: { shown?: boolean } = {}): f.FieldParser<string> {
  return (raw) => {
    const result = parse(raw);
    if (!result.ok) return result;
    if (!isStorableText(result.value)) return { ok: false, message: 'contains a character that cannot be stored (a NUL byte or a broken UTF-16 pair)' };
    if (rules.shown && hasControlChars(result.value)) return { ok: false, message: 'must not contain control characters (tabs, line breaks...)' };
    if (rules.shown && result.value !== '' && !hasVisibleChar(result.value)) return { ok: false, message: 'must contain a visible letter, digit or symbol' };
    return result;
  };
}

/** The field parsers of every record, by the names each format uses. */
function fieldsFor(now: Date) {
  const latest = latestDay(now);
  const latestTime = latestInstant(now);
  const optionalInstant = f.optional(f.timestamp(latestTime), null);
  return {
    latest,
    kind: f.oneOf(HOLDING_KINDS),
    holdingName: storable(f.holdingName, { shown: true }),
    assetType: f.optional(storable(f.text({ max: f.ASSET_TYPE_MAX }), { shown: true }), null),
    currency: f.currency,
    position: f.optional(f.position, null),
    snapshotAmount: f.amount({ positive: false }),
    positiveAmount: f.amount({ positive: true }),
    instant: f.timestamp(latestTime),
    optionalInstant,
    createdAt: f.optional(f.timestamp(latestTime), now),
    transferType: f.oneOf(TRANSFER_TYPES),
    occurredOn: f.day(latest),
    note: f.optional(storable(f.text({ max: f.NOTE_MAX })), null),
    goalType: f.oneOf(GOAL_TYPES),
    goalStatus: f.oneOf(GOAL_STATUSES),
    endDate: f.optional(f.day(f.LATEST_END_DAY), null),
    achievementCode: f.achievementCode,
    slug: f.slug,
    sessionKind: f.oneOf(SESSION_KINDS),
    game: f.oneOf(GAMES),
    placeName: f.optional(storable(f.text({ min: 1, max: VENUE_NAME_MAX }), { shown: true }), null),
    optionalAmount: f.optional(f.amount({ positive: false }), null),
    zeroAmount: f.optional(f.amount({ positive: false }), '0.00'),
    reEntries: f.optional(count(1000), 0),
    optionalCount: f.optional(count(1_000_000), null),
    breakMinutes: f.optional(count(SESSION_MAX_MINUTES), 0),
    notes: f.optional(storable(f.text({ max: SESSION_NOTES_MAX })), null),
    tags: tagList,
    optionalKind: f.optional(f.oneOf(HOLDING_KINDS), null),
    optionalHoldingName: f.optional(storable(f.holdingName, { shown: true }), null),
  };
}

/** A whole number from 0 to `max` (JSON number or digits). */
function count(max: number): f.FieldParser<number> {
  return (raw) => {
    if (raw === undefined || raw === null || raw === '') return { ok: false, message: 'is required' };
    const value = typeof raw === 'string' ? raw.trim() : raw;
    const n = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
    return Number.isInteger(n) && n >= 0 && n <= max ? { ok: true, value: n } : { ok: false, message: `must be a whole number from 0 to ${max.toLocaleString('en-US')}` };
  };
}

/** Tags: a JSON list of strings or a comma-separated text (CSV), with the form's limits. */
const tagList: f.FieldParser<string[]> = (raw) => {
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: [] };
  const list = Array.isArray(raw) ? (raw.every((t) => typeof t === 'string') ? parseTags(raw.join(',')) : null) : typeof raw === 'string' ? parseTags(raw) : null;
  if (!list) return { ok: false, message: 'must be a list of tags' };
  if (list.length > SESSION_TAGS_MAX) return { ok: false, message: `can have at most ${SESSION_TAGS_MAX} tags` };
  if (list.some((t) => [...t].length > SESSION_TAG_MAX || !isStorableText(t) || hasControlChars(t))) return { ok: false, message: `must be tags of at most ${SESSION_TAG_MAX} visible characters` };
  return { ok: true, value: list };
};

/** The rules that span a session's fields (the form's, for data that skips the form). */
function sessionProblems(x: PlannedSession): string[] {
  const out: string[] = [];
  if (x.endedAt <= x.startedAt) out.push('ends before it starts');
  else if ((x.endedAt.getTime() - x.startedAt.getTime()) / 60_000 > SESSION_MAX_MINUTES) out.push(`lasts more than ${SESSION_MAX_MINUTES / 60} hours`);
  if (x.kind === 'CASH' && (x.bigBlind === null || Number(x.bigBlind) === 0)) out.push('is a cash game without a big blind');
  if (x.site !== null && x.venue !== null) out.push('names both a site and a venue (keep one)');
  if (x.place !== null && x.fieldSize !== null && x.place > x.fieldSize) out.push('has a place larger than its field size');
  return out;
}

/** The key of a balance snapshot: its holding (kind and name, any case) and its instant. */
const snapshotKey = (kind: string, name: string, at: Date) => `${kind}:${name.toLowerCase()}:${at.toISOString()}`;

/**
 * A session's balance snapshot must be one of the file's snapshots, and two sessions cannot
 * share one (each snapshot records one session's result). Returns [session index, problem].
 */
function snapshotLinkProblems(sessions: readonly PlannedSession[], holdings: readonly Pick<PlannedHolding, 'kind' | 'name' | 'snapshots'>[]): [number, string][] {
  const known = new Set(holdings.flatMap((h) => h.snapshots.map((x) => snapshotKey(h.kind, h.name, x.recordedAt))));
  const used = new Map<string, number>();
  const out: [number, string][] = [];
  sessions.forEach((x, i) => {
    const ref = x.balanceSnapshot;
    if (!ref) return;
    const key = snapshotKey(ref.holdingKind, ref.holding, ref.recordedAt);
    if (!known.has(key)) out.push([i, `names a balance snapshot (${KIND_LABEL[ref.holdingKind]} "${ref.holding}" at ${ref.recordedAt.toISOString()}) that is not in the file`]);
    else if (used.has(key)) out.push([i, `names the same balance snapshot as session ${used.get(key)! + 1}`]);
    else used.set(key, i);
  });
  return out;
}

type Located<T> = T & { where: string };

/** Checks that span rows; `where` is the row's location as the user should read it. */
function crossChecks(
  holdings: Located<Omit<PlannedHolding, 'position'> & { position: number | null }>[],
  goals: Located<PlannedGoal>[],
  problems: Problems,
): PlannedHolding[] {
  const seen = new Map<string, string>();
  for (const h of holdings) {
    const key = `${h.kind}:${h.name.toLowerCase()}`;
    const first = seen.get(key);
    if (first) problems.add(`${h.where}: ${KIND_LABEL[h.kind]} "${h.name}" appears twice (first at ${first})`);
    else seen.set(key, h.where);
  }
  const active = goals.filter((g) => g.status === 'ACTIVE');
  if (active.length > 1) problems.add(`${active[1].where}: only one goal can be ACTIVE (another is at ${active[0].where})`);

  // A missing position puts the holding after the others of its kind, in file order.
  const next: Record<PlannedHolding['kind'], number> = { POKER_SITE: 0, ASSET: 0 };
  for (const h of holdings) if (h.position !== null) next[h.kind] = Math.max(next[h.kind], h.position + 1);
  return holdings.map((h) => ({ ...omitWhere(h), position: h.position ?? next[h.kind]++ }));
}

/** Achievements and reads are sets: a repeated code or slug keeps its first row. */
function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

function omitWhere<T extends { where: string }>(item: T): Omit<T, 'where'> {
  const copy: Partial<T> = { ...item };
  delete copy.where;
  return copy as Omit<T, 'where'>;
}

// ---------------------------------------------------------------------------------------- JSON

function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || 'the document';
}

function jsonSchema(now: Date) {
  const x = fieldsFor(now);
  const zf = f.zodField;
  const list = <T extends z.ZodType>(item: T) => z.array(item, { error: 'must be a list' }).optional().default([]);
  const object = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { error: 'must be an object' });
  return object({
    format: z.unknown().refine((v) => v === EXPORT_FORMAT, `must be "${EXPORT_FORMAT}" (is this a StakeEasy JSON export?)`),
    version: z.unknown().refine((v) => v === EXPORT_VERSION, `must be ${EXPORT_VERSION} (this file comes from a newer or unknown version)`),
    holdings: list(
      object({
        kind: zf(x.kind),
        name: zf(x.holdingName),
        assetType: zf(x.assetType),
        currency: zf(x.currency),
        position: zf(x.position),
        snapshots: list(object({ amount: zf(x.snapshotAmount), currency: zf(x.currency), recordedAt: zf(x.instant) })),
      }),
    ),
    transfers: list(
      object({
        type: zf(x.transferType),
        amount: zf(x.positiveAmount),
        currency: zf(x.currency),
        occurredOn: zf(x.occurredOn),
        note: zf(x.note),
      }),
    ),
    goals: list(
      object({
        type: zf(x.goalType),
        targetAmount: zf(x.positiveAmount),
        currency: zf(x.currency),
        endDate: zf(x.endDate),
        status: zf(x.goalStatus),
        createdAt: zf(x.createdAt),
        completedAt: zf(x.optionalInstant),
        archivedAt: zf(x.optionalInstant),
      }),
    ),
    achievements: list(object({ code: zf(x.achievementCode), unlockedAt: zf(x.instant) })),
    articleReads: list(object({ slug: zf(x.slug), readAt: zf(x.instant) })),
    sessions: list(
      object({
        kind: zf(x.sessionKind),
        game: zf(x.game),
        site: zf(x.placeName),
        venue: zf(x.placeName),
        currency: zf(x.currency),
        smallBlind: zf(x.optionalAmount),
        bigBlind: zf(x.optionalAmount),
        buyIn: zf(x.snapshotAmount),
        fee: zf(x.zeroAmount),
        reEntries: zf(x.reEntries),
        rebuys: zf(x.zeroAmount),
        cashOut: zf(x.snapshotAmount),
        expenses: zf(x.zeroAmount),
        place: zf(x.optionalCount),
        fieldSize: zf(x.optionalCount),
        hands: zf(x.optionalCount),
        startedAt: zf(x.instant),
        endedAt: zf(x.instant),
        breakMinutes: zf(x.breakMinutes),
        notes: zf(x.notes),
        tags: zf(x.tags),
        // Absent in files from before the link was exported.
        balanceSnapshot: object({ holdingKind: zf(x.kind), holding: zf(x.holdingName), recordedAt: zf(x.instant) })
          .nullable()
          .optional()
          .transform((v) => v ?? null),
      }),
    ),
  });
}

export function parseJsonImport(text: string, now: Date): ImportParseResult {
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, errors: [`The file is not valid JSON (${(error as Error).message}).`] };
  }
  const parsed = jsonSchema(now).safeParse(document);
  const problems = new Problems();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.add(`${jsonPath(issue.path)} ${issue.message}`);
    return { ok: false, errors: problems.all() };
  }
  const doc = parsed.data;
  const holdings = crossChecks(
    doc.holdings.map((h, i) => ({ ...h, where: `holdings[${i}]` })),
    doc.goals.map((g, i) => ({ ...g, where: `goals[${i}]` })),
    problems,
  );
  doc.sessions.forEach((x, i) => sessionProblems(x).forEach((p) => problems.add(`sessions[${i}] ${p}`)));
  for (const [i, p] of snapshotLinkProblems(doc.sessions, holdings)) problems.add(`sessions[${i}].balanceSnapshot ${p}`);
  if (problems.any) return { ok: false, errors: problems.all() };
  return {
    ok: true,
    plan: {
      holdings,
      transfers: doc.transfers,
      goals: doc.goals,
      achievements: uniqueBy(doc.achievements, (a) => a.code),
      articleReads: uniqueBy(doc.articleReads, (r) => r.slug),
      sessions: doc.sessions,
    },
  };
}

// ----------------------------------------------------------------------------------------- CSV

type CsvSpec = Partial<Record<CsvColumn, f.FieldParser<unknown>>>;

function csvSpecs(now: Date) {
  const x = fieldsFor(now);
  return {
    profile: {},
    holding: { holding_kind: x.kind, holding_name: x.holdingName, asset_type: x.assetType, currency: x.currency, position: x.position },
    snapshot: { holding_kind: x.kind, holding_name: x.holdingName, amount: x.snapshotAmount, currency: x.currency, timestamp: x.instant },
    transfer: { type: x.transferType, amount: x.positiveAmount, currency: x.currency, date: x.occurredOn, note: x.note },
    goal: {
      type: x.goalType,
      status: x.goalStatus,
      amount: x.positiveAmount,
      currency: x.currency,
      date: x.endDate,
      timestamp: x.createdAt,
      completed_at: x.optionalInstant,
      archived_at: x.optionalInstant,
    },
    achievement: { ref: x.achievementCode, timestamp: x.instant },
    read: { ref: x.slug, timestamp: x.instant },
    session: {
      type: x.sessionKind,
      game: x.game,
      site: x.placeName,
      venue: x.placeName,
      currency: x.currency,
      small_blind: x.optionalAmount,
      big_blind: x.optionalAmount,
      buy_in: x.snapshotAmount,
      fee: x.zeroAmount,
      re_entries: x.reEntries,
      rebuys: x.zeroAmount,
      cash_out: x.snapshotAmount,
      expenses: x.zeroAmount,
      place: x.optionalCount,
      field_size: x.optionalCount,
      hands: x.optionalCount,
      timestamp: x.instant,
      ended_at: x.instant,
      break_minutes: x.breakMinutes,
      note: x.notes,
      tags: x.tags,
      holding_kind: x.optionalKind,
      holding_name: x.optionalHoldingName,
      snapshot_at: x.optionalInstant,
    },
  } satisfies Record<CsvRecord, CsvSpec>;
}

/** A column a record cannot do without (its parser rejects a missing value). */
const requiresColumn = (parse: f.FieldParser<unknown>) => !parse(undefined).ok;

type Specs = ReturnType<typeof csvSpecs>;
type Parsed<S> = { [K in keyof S]: S[K] extends f.FieldParser<infer T> ? T : never };

export function parseCsvImport(text: string, now: Date): ImportParseResult {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, errors: [csv.error] };
  const [header, ...rows] = csv.rows;
  if (!header) return { ok: false, errors: ['The file is empty: expected a header row and one row per record.'] };

  const problems = new Problems();
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const known = new Set<string>(CSV_COLUMNS);
  columns.forEach((c, i) => {
    if (!known.has(c)) problems.add(`line ${header.line}: unknown column "${c.slice(0, 40)}" (expected ${CSV_COLUMNS.join(', ')})`);
    else if (columns.indexOf(c) !== i) problems.add(`line ${header.line}: column "${c}" appears twice`);
  });
  if (!columns.includes('record')) problems.add(`line ${header.line}: missing column "record"`);
  if (problems.any) return { ok: false, errors: problems.all() };

  const specs: Specs = csvSpecs(now);
  const recordNames = new Set<string>(CSV_RECORDS);
  const typed: Array<{ record: CsvRecord; line: number; values: Map<string, string> }> = [];
  for (const row of rows) {
    if (row.cells.length > columns.length) {
      problems.add(`line ${row.line}: ${row.cells.length} cells but the header has ${columns.length} columns`);
      continue;
    }
    const values = new Map(columns.map((c, i) => [c, unprotectFormula(row.cells[i] ?? '')]));
    const record = (values.get('record') ?? '').trim().toLowerCase();
    if (!recordNames.has(record)) {
      problems.add(`line ${row.line}: record must be one of ${CSV_RECORDS.join(', ')}`);
      continue;
    }
    typed.push({ record: record as CsvRecord, line: row.line, values });
  }

  // Only the columns of the record kinds present are required (a file of transfers alone
  // needs no holding columns), and a missing column is reported once, not on every row.
  const present = new Set(typed.map((t) => t.record));
  for (const record of present) {
    for (const [column, parse] of Object.entries(specs[record] as CsvSpec)) {
      if (requiresColumn(parse!) && !columns.includes(column)) {
        problems.add(`line ${header.line}: missing column "${column}" (needed by ${record} rows)`);
      }
    }
  }
  if (problems.any) return { ok: false, errors: problems.all() };

  const parseRow = <R extends CsvRecord>(record: R, line: number, values: Map<string, string>): Parsed<Specs[R]> | null => {
    const out: Record<string, unknown> = {};
    let valid = true;
    for (const [column, parse] of Object.entries(specs[record] as CsvSpec)) {
      const result = parse!(values.get(column));
      if (result.ok) out[column] = result.value;
      else {
        valid = false;
        problems.add(`line ${line}: ${column} ${result.message}`);
      }
    }
    return valid ? (out as Parsed<Specs[R]>) : null;
  };

  const holdings: Located<Omit<PlannedHolding, 'position'> & { position: number | null }>[] = [];
  const snapshots: Array<{ line: number; kind: PlannedHolding['kind']; name: string; snapshot: PlannedSnapshot }> = [];
  const transfers: PlannedTransfer[] = [];
  const goals: Located<PlannedGoal>[] = [];
  const achievements: PlannedAchievement[] = [];
  const reads: PlannedRead[] = [];
  const sessions: PlannedSession[] = [];
  const sessionLines: number[] = [];
  for (const { record, line, values } of typed) {
    switch (record) {
      case 'profile':
        break; // the importing account keeps its own e-mail and display currency
      case 'holding': {
        const v = parseRow('holding', line, values);
        if (v) holdings.push({ kind: v.holding_kind, name: v.holding_name, assetType: v.asset_type, currency: v.currency, position: v.position, snapshots: [], where: `line ${line}` });
        break;
      }
      case 'snapshot': {
        const v = parseRow('snapshot', line, values);
        if (v) snapshots.push({ line, kind: v.holding_kind, name: v.holding_name, snapshot: { amount: v.amount, currency: v.currency, recordedAt: v.timestamp } });
        break;
      }
      case 'transfer': {
        const v = parseRow('transfer', line, values);
        if (v) transfers.push({ type: v.type, amount: v.amount, currency: v.currency, occurredOn: v.date, note: v.note });
        break;
      }
      case 'goal': {
        const v = parseRow('goal', line, values);
        if (v) {
          goals.push({
            type: v.type,
            status: v.status,
            targetAmount: v.amount,
            currency: v.currency,
            endDate: v.date,
            createdAt: v.timestamp,
            completedAt: v.completed_at,
            archivedAt: v.archived_at,
            where: `line ${line}`,
          });
        }
        break;
      }
      case 'achievement': {
        const v = parseRow('achievement', line, values);
        if (v) achievements.push({ code: v.ref, unlockedAt: v.timestamp });
        break;
      }
      case 'read': {
        const v = parseRow('read', line, values);
        if (v) reads.push({ slug: v.ref, readAt: v.timestamp });
        break;
      }
      case 'session': {
        const v = parseRow('session', line, values);
        if (!v) break;
        const planned: PlannedSession = {
          kind: v.type,
          game: v.game,
          site: v.site,
          venue: v.venue,
          currency: v.currency,
          smallBlind: v.small_blind,
          bigBlind: v.big_blind,
          buyIn: v.buy_in,
          fee: v.fee,
          reEntries: v.re_entries,
          rebuys: v.rebuys,
          cashOut: v.cash_out,
          expenses: v.expenses,
          place: v.place,
          fieldSize: v.field_size,
          hands: v.hands,
          startedAt: v.timestamp,
          endedAt: v.ended_at,
          breakMinutes: v.break_minutes,
          notes: v.note,
          tags: v.tags,
          balanceSnapshot: v.holding_kind && v.holding_name && v.snapshot_at ? { holdingKind: v.holding_kind, holding: v.holding_name, recordedAt: v.snapshot_at } : null,
        };
        const wrong = sessionProblems(planned);
        const partLink = (v.holding_kind || v.holding_name || v.snapshot_at) && !planned.balanceSnapshot;
        if (partLink) wrong.push('names part of a balance snapshot (holding_kind, holding_name and snapshot_at go together)');
        if (wrong.length) wrong.forEach((p) => problems.add(`line ${line}: the session ${p}`));
        else {
          sessions.push(planned);
          sessionLines.push(line);
        }
        break;
      }
    }
  }

  // Snapshots name their holding; the holding row may come before or after them.
  const byKey = new Map(holdings.map((h) => [`${h.kind}:${h.name.toLowerCase()}`, h]));
  for (const s of snapshots) {
    const holding = byKey.get(`${s.kind}:${s.name.toLowerCase()}`);
    if (holding) holding.snapshots.push(s.snapshot);
    else problems.add(`line ${s.line}: no holding row for ${KIND_LABEL[s.kind]} "${s.name}" (add a "holding" row for it)`);
  }
  const planned = crossChecks(holdings, goals, problems);
  for (const [i, p] of snapshotLinkProblems(sessions, planned)) problems.add(`line ${sessionLines[i]}: the session ${p}`);
  if (problems.any) return { ok: false, errors: problems.all() };
  return {
    ok: true,
    plan: {
      holdings: planned,
      transfers,
      goals: goals.map(omitWhere),
      achievements: uniqueBy(achievements, (a) => a.code),
      articleReads: uniqueBy(reads, (r) => r.slug),
      sessions,
    },
  };
}

// ------------------------------------------------------------------------------------- Either

/** By file name first; otherwise a document starting with "{" is JSON. */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'json' : 'csv';
}

export function parseImport(text: string, format: ImportFormat, now: Date): ImportParseResult {
  return format === 'json' ? parseJsonImport(text, now) : parseCsvImport(text, now);
}

/** Counts for messages ("3 sites, 120 balance updates..."). */
export function planCounts(plan: ImportPlan) {
  return {
    holdings: plan.holdings.length,
    snapshots: plan.holdings.reduce((n, h) => n + h.snapshots.length, 0),
    transfers: plan.transfers.length,
    goals: plan.goals.length,
    achievements: plan.achievements.length,
    articleReads: plan.articleReads.length,
    sessions: plan.sessions.length,
  };
}
