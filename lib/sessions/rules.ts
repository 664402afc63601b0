import Decimal from 'decimal.js';

// The pure rules of a play session: what it cost, what it won, how long it lasted. Every page,
// the statistics and the exports use these, so a result is computed one way only.

export const SESSION_KINDS = ['CASH', 'TOURNAMENT'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const GAMES = ['NLHE', 'PLO', 'PLO5', 'LHE', 'MIXED', 'OTHER'] as const;
export type Game = (typeof GAMES)[number];

/**
 * An ended session as plain data, placed by name (a poker site or a live venue): the shape the
 * account export writes, the import plans and the demo seed generates. `When` is how times
 * travel: ISO strings in files, Dates once parsed.
 */
export interface SessionRecord<When> {
  kind: SessionKind;
  game: Game;
  site: string | null;
  venue: string | null;
  currency: string;
  smallBlind: string | null;
  bigBlind: string | null;
  buyIn: string;
  fee: string;
  reEntries: number;
  rebuys: string;
  cashOut: string;
  expenses: string;
  place: number | null;
  fieldSize: number | null;
  hands: number | null;
  startedAt: When;
  endedAt: When;
  breakMinutes: number;
  notes: string | null;
  tags: string[];
}

/**
 * The balance snapshot a session's result went into (ending it updated a site or cash asset), as
 * the account export names it: the holding by kind and name, and the snapshot's time.
 */
export interface SessionSnapshotRef<When> {
  holdingKind: 'POKER_SITE' | 'ASSET';
  holding: string;
  recordedAt: When;
}

export const KIND_LABELS: Readonly<Record<SessionKind, string>> = { CASH: 'Cash game', TOURNAMENT: 'Tournament' };
export const GAME_LABELS: Readonly<Record<Game, string>> = {
  NLHE: "No-limit Hold'em",
  PLO: 'Pot-limit Omaha',
  PLO5: '5-card PLO',
  LHE: "Limit Hold'em",
  MIXED: 'Mixed games',
  OTHER: 'Other',
};

/** The money and time of a session, as stored (Decimal strings in the session's currency). */
export interface SessionMoney {
  kind: SessionKind;
  buyIn: string;
  fee: string;
  reEntries: number;
  rebuys: string;
  cashOut: string | null;
  expenses: string;
}

export interface SessionTime {
  startedAt: string; // ISO
  endedAt: string | null;
  breakMinutes: number;
}

/**
 * Everything put in: a cash game's buy-in plus top-ups; a tournament's (buy-in + fee) for the
 * first entry and each re-entry, plus rebuys and add-ons.
 */
export function totalBuyIn(s: Pick<SessionMoney, 'kind' | 'buyIn' | 'fee' | 'reEntries' | 'rebuys'>): Decimal {
  const entry = s.kind === 'TOURNAMENT' ? new Decimal(s.buyIn).plus(s.fee).times(1 + s.reEntries) : new Decimal(s.buyIn);
  return entry.plus(s.rebuys);
}

/** Result = cash-out − total buy-in − expenses; null while the session runs (no cash-out yet). */
export function sessionResult(s: SessionMoney): Decimal | null {
  if (s.cashOut === null) return null;
  return new Decimal(s.cashOut).minus(totalBuyIn(s)).minus(s.expenses);
}

/** Minutes at the table: end − start − breaks, never negative; up to `now` while running. */
export function minutesPlayed(s: SessionTime, now?: Date): number {
  const end = s.endedAt ? Date.parse(s.endedAt) : (now ?? new Date()).getTime();
  const minutes = (end - Date.parse(s.startedAt)) / 60_000 - s.breakMinutes;
  return Math.max(0, Math.round(minutes));
}

/** "1h 05m" */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}h ${String(m).padStart(2, '0')}m`;
}

/** Stakes of a cash game as one key and label: "1/2 USD". Null for tournaments or unknown blinds. */
export function stakesLabel(s: { kind: SessionKind; smallBlind: string | null; bigBlind: string | null; currency: string }): string | null {
  if (s.kind !== 'CASH' || s.smallBlind === null || s.bigBlind === null) return null;
  const fmt = (v: string) => new Decimal(v).toString();
  return `${fmt(s.smallBlind)}/${fmt(s.bigBlind)} ${s.currency}`;
}

/** Tags as typed ("home, deep stack") → unique, trimmed, in order. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && ![...seen].some((t) => t.toLowerCase() === tag.toLowerCase())) seen.add(tag);
  }
  return [...seen];
}

/** A session as the reads return it: JSON-plain (it is stored by the data cache). */
export interface SessionDto extends SessionMoney, SessionTime {
  id: string;
  game: Game;
  /** One of the user's poker sites (online)... */
  siteId: string | null;
  /** ...or a live venue; both null once the site was deleted. Names come from their own reads. */
  venueId: string | null;
  currency: string;
  smallBlind: string | null;
  bigBlind: string | null;
  place: number | null;
  fieldSize: number | null;
  hands: number | null;
  notes: string | null;
  tags: string[];
  /** The balance snapshot this session appended when it ended (opt-in), and its site or cash asset. */
  snapshotId: string | null;
  snapshotHoldingId: string | null;
}

/** What the sessions filter can offer: only values some session has (venues as filter keys). */
export interface SessionFilterOptions {
  stakes: string[];
  tags: string[];
  venueKeys: string[];
}

export function filterOptionsOf(all: readonly SessionDto[]): SessionFilterOptions {
  return {
    stakes: [...new Set(all.map(stakesLabel).filter((s): s is string => s !== null))].sort(),
    tags: [...new Set(all.flatMap((s) => s.tags))].sort((a, b) => a.localeCompare(b)),
    venueKeys: [...new Set(all.map(venueKey))],
  };
}

/** The filter key of a session's place: "site:<id>" or "venue:<id>". */
export function venueKey(s: Pick<SessionDto, 'siteId' | 'venueId'>): string {
  return s.siteId ? `site:${s.siteId}` : s.venueId ? `venue:${s.venueId}` : 'none';
}

/** The list and statistics filter; every field optional. Days are UTC day keys of the start. */
export interface SessionFilter {
  from?: string;
  to?: string;
  kind?: SessionKind;
  game?: Game;
  stakes?: string;
  venue?: string;
  tag?: string;
}

export function matchesFilter(s: SessionDto, f: SessionFilter): boolean {
  const day = s.startedAt.slice(0, 10);
  return (
    (!f.from || day >= f.from) &&
    (!f.to || day <= f.to) &&
    (!f.kind || s.kind === f.kind) &&
    (!f.game || s.game === f.game) &&
    (!f.stakes || stakesLabel(s) === f.stakes) &&
    (!f.venue || venueKey(s) === f.venue) &&
    (!f.tag || s.tags.some((t) => t.toLowerCase() === f.tag!.toLowerCase()))
  );
}

/** A place's name for lists and breakdowns, from the user's sites and venues. */
export function venueLabel(key: string, places: { sites: readonly { id: string; name: string }[]; venues: readonly { id: string; name: string }[] }): string {
  const [type, id] = key.split(':', 2);
  const found = (type === 'site' ? places.sites : type === 'venue' ? places.venues : []).find((p) => p.id === id);
  return found?.name ?? 'Deleted site';
}
