/**
 * The account export formats (pure: plain data in, text out). Import (import-parse.ts) reads
 * both back.
 *
 * JSON: one document
 *   { format: "stakeeasy-export", version: 1, exportedAt,
 *     profile: { email, displayCurrency },
 *     holdings: [{ kind, name, assetType, currency, position, snapshots: [{ amount, currency, recordedAt }] }],
 *     transfers: [{ type, amount, currency, occurredOn, note }],
 *     goals: [{ type, targetAmount, currency, endDate, status, createdAt, completedAt, archivedAt }],
 *     achievements: [{ code, unlockedAt }],
 *     articleReads: [{ slug, readAt }],
 *     sessions: [{ kind, game, site, venue, currency, smallBlind, bigBlind, buyIn, fee, reEntries,
 *                  rebuys, cashOut, expenses, place, fieldSize, hands, startedAt, endedAt,
 *                  breakMinutes, notes, tags,
 *                  balanceSnapshot: { holdingKind, holding, recordedAt } | null }] }
 *     (ended play sessions; a running one is not exported. balanceSnapshot: the snapshot of one
 *     of the file's holdings that ending the session wrote; older files have no such field)
 *
 * CSV: one file (UTF-8 with BOM, CRLF, RFC 4180 quoting, formula guard: see csv.ts) with a
 * header row and one row per record. The `record` column says what the row is; each kind of
 * row fills only its own columns and leaves the others empty:
 *
 *   record       columns used
 *   profile      ref (e-mail), currency (display currency)             ignored on import
 *   holding      holding_kind, holding_name, asset_type, currency, position
 *   snapshot     holding_kind, holding_name, amount, currency, timestamp (recorded at)
 *   transfer     type (DEPOSIT|WITHDRAWAL), amount, currency, date (occurred on), note
 *   goal         type (BANKROLL|PROFIT), status, amount (target), currency, date (end date),
 *                timestamp (created at), completed_at, archived_at
 *   achievement  ref (code), timestamp (unlocked at)
 *   read         ref (article slug), timestamp (read at)
 *   session      type (CASH|TOURNAMENT), game, site (poker site name) or venue (live venue name),
 *                currency, small_blind, big_blind, buy_in, fee, re_entries, rebuys, cash_out,
 *                expenses, place, field_size, hands, timestamp (started at), ended_at,
 *                break_minutes, note (notes), tags (comma-separated), and for the balance
 *                snapshot it wrote: holding_kind, holding_name, snapshot_at (all three or none)
 *
 * In both formats amounts are exact decimal strings with 2 decimals ("1234.50"), days are
 * YYYY-MM-DD and instants ISO 8601 in UTC with milliseconds.
 */
import { csvLine } from '@/lib/account/csv';
import type { SessionRecord, SessionSnapshotRef } from '@/lib/sessions/rules';

export const EXPORT_FORMAT = 'stakeeasy-export';
export const EXPORT_VERSION = 1;

export interface ExportSnapshot {
  amount: string;
  currency: string;
  recordedAt: string;
}

export interface ExportHolding {
  kind: 'POKER_SITE' | 'ASSET';
  name: string;
  assetType: string | null;
  currency: string;
  position: number;
  /** Oldest first. */
  snapshots: ExportSnapshot[];
}

export interface ExportTransfer {
  type: 'DEPOSIT' | 'WITHDRAWAL';
  amount: string;
  currency: string;
  occurredOn: string;
  note: string | null;
}

export interface ExportGoal {
  type: 'BANKROLL' | 'PROFIT';
  targetAmount: string;
  currency: string;
  endDate: string | null;
  status: 'ACTIVE' | 'COMPLETED' | 'ARCHIVED';
  createdAt: string;
  completedAt: string | null;
  archivedAt: string | null;
}

export interface ExportAchievement {
  code: string;
  unlockedAt: string;
}

export interface ExportRead {
  slug: string;
  readAt: string;
}

/**
 * An ended play session; its place by name (site or live venue; neither once the site was
 * deleted), and the balance snapshot its result went into, if any (one of the file's snapshots).
 */
export type ExportSession = SessionRecord<string> & { balanceSnapshot: SessionSnapshotRef<string> | null };

/** Everything a user owns, as plain JSON-ready data. */
export interface AccountData {
  profile: { email: string; displayCurrency: string };
  holdings: ExportHolding[];
  transfers: ExportTransfer[];
  goals: ExportGoal[];
  achievements: ExportAchievement[];
  articleReads: ExportRead[];
  sessions: ExportSession[];
}

export interface ExportDocument extends AccountData {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
}

export function toExportDocument(data: AccountData, now: Date): ExportDocument {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), ...data };
}

export function toJsonExport(data: AccountData, now: Date): string {
  return `${JSON.stringify(toExportDocument(data, now), null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'record',
  'holding_kind',
  'holding_name',
  'asset_type',
  'position',
  'type',
  'status',
  'amount',
  'currency',
  'date',
  'timestamp',
  'completed_at',
  'archived_at',
  'note',
  'ref',
  'game',
  'site',
  'venue',
  'small_blind',
  'big_blind',
  'buy_in',
  'fee',
  're_entries',
  'rebuys',
  'cash_out',
  'expenses',
  'place',
  'field_size',
  'hands',
  'ended_at',
  'break_minutes',
  'tags',
  // A session's balance snapshot: with holding_kind and holding_name, the snapshot's time.
  'snapshot_at',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const CSV_RECORDS = ['profile', 'holding', 'snapshot', 'transfer', 'goal', 'achievement', 'read', 'session'] as const;
export type CsvRecord = (typeof CSV_RECORDS)[number];

type CsvValues = Partial<Record<CsvColumn, string | number | null>>;

const row = (record: CsvRecord, values: CsvValues) => csvLine(CSV_COLUMNS.map((c) => (c === 'record' ? record : values[c])));

/** All rows of the CSV export, header first. */
export function csvExportLines(data: AccountData): string[] {
  const lines = [csvLine(CSV_COLUMNS)];
  lines.push(row('profile', { ref: data.profile.email, currency: data.profile.displayCurrency }));
  for (const h of data.holdings) {
    const ref = { holding_kind: h.kind, holding_name: h.name };
    lines.push(row('holding', { ...ref, asset_type: h.assetType, currency: h.currency, position: h.position }));
    for (const s of h.snapshots) lines.push(row('snapshot', { ...ref, amount: s.amount, currency: s.currency, timestamp: s.recordedAt }));
  }
  for (const t of data.transfers) {
    lines.push(row('transfer', { type: t.type, amount: t.amount, currency: t.currency, date: t.occurredOn, note: t.note }));
  }
  for (const g of data.goals) {
    lines.push(
      row('goal', {
        type: g.type,
        status: g.status,
        amount: g.targetAmount,
        currency: g.currency,
        date: g.endDate,
        timestamp: g.createdAt,
        completed_at: g.completedAt,
        archived_at: g.archivedAt,
      }),
    );
  }
  for (const a of data.achievements) lines.push(row('achievement', { ref: a.code, timestamp: a.unlockedAt }));
  for (const r of data.articleReads) lines.push(row('read', { ref: r.slug, timestamp: r.readAt }));
  for (const x of data.sessions) {
    lines.push(
      row('session', {
        type: x.kind,
        game: x.game,
        site: x.site,
        venue: x.venue,
        currency: x.currency,
        small_blind: x.smallBlind,
        big_blind: x.bigBlind,
        buy_in: x.buyIn,
        fee: x.fee,
        re_entries: x.reEntries,
        rebuys: x.rebuys,
        cash_out: x.cashOut,
        expenses: x.expenses,
        place: x.place,
        field_size: x.fieldSize,
        hands: x.hands,
        timestamp: x.startedAt,
        ended_at: x.endedAt,
        break_minutes: x.breakMinutes,
        note: x.notes,
        // Tags cannot hold commas (the form splits on them), so the list round-trips.
        tags: x.tags.join(', '),
        holding_kind: x.balanceSnapshot?.holdingKind,
        holding_name: x.balanceSnapshot?.holding,
        snapshot_at: x.balanceSnapshot?.recordedAt,
      }),
    );
  }
  return lines;
}

/** The CSV export as one string. The BOM makes spreadsheet programs read it as UTF-8. */
export function toCsvExport(data: AccountData): string {
  return `\uFEFF${csvExportLines(data).join('\r\n')}\r\n`;
}

/** e.g. stakeeasy-export-2025-03-31.json */
export function exportFileName(format: 'json' | 'csv', now: Date): string {
  return `stakeeasy-export-${now.toISOString().slice(0, 10)}.${format}`;
}
