import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { defineUserRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';
import { createRateWalker } from '@/lib/domain/currency';
import { dayKeyToDate } from '@/lib/domain/days';
import { rateHistory } from '@/lib/rates/reads';
import { filterOptionsOf, matchesFilter, type SessionDto, type SessionFilter, type SessionFilterOptions } from '@/lib/sessions/rules';
import { computeStats, type SessionStats } from '@/lib/sessions/stats';

// Session reads. The list is the user's rows (pages filter it in memory, like transfers); the
// statistics read caches the computed statistics, not the rows, so a user with thousands of
// sessions gets the stats page without re-aggregating.

export const sessionSelect = {
  id: true,
  kind: true,
  game: true,
  siteId: true,
  venueId: true,
  currency: true,
  smallBlind: true,
  bigBlind: true,
  buyIn: true,
  fee: true,
  reEntries: true,
  rebuys: true,
  cashOut: true,
  expenses: true,
  place: true,
  fieldSize: true,
  hands: true,
  startedAt: true,
  endedAt: true,
  breakMinutes: true,
  notes: true,
  tags: true,
  snapshotId: true,
  // The holding's id only (never its name), so renaming the holding leaves the sessions as they are.
  snapshot: { select: { holdingId: true } },
} satisfies Prisma.PlaySessionSelect;

type Row = Prisma.PlaySessionGetPayload<{ select: typeof sessionSelect }>;
const str = (d: { toString(): string } | null) => (d === null ? null : d.toString());

export function toSessionDto({ snapshot, ...r }: Row): SessionDto {
  return {
    ...r,
    snapshotHoldingId: snapshot?.holdingId ?? null,
    smallBlind: str(r.smallBlind),
    bigBlind: str(r.bigBlind),
    buyIn: r.buyIn.toString(),
    fee: r.fee.toString(),
    rebuys: r.rebuys.toString(),
    cashOut: str(r.cashOut),
    expenses: r.expenses.toString(),
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt ? r.endedAt.toISOString() : null,
    tags: r.tags ?? [],
  };
}

async function loadSessions(userId: string, where: Prisma.PlaySessionWhereInput = {}): Promise<SessionDto[]> {
  const prisma = await db();
  const rows = await prisma.playSession.findMany({ where: { userId, ...where }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], select: sessionSelect });
  return rows.map(toSessionDto);
}

/** Every session of the user (the running one included), newest first. */
export const listSessions = defineUserRead({
  name: 'sessions',
  tags: (userId: string) => [tags.sessions(userId)],
  load: (userId: string): Promise<SessionDto[]> => loadSessions(userId),
});

/**
 * The filter's choices (stakes, tags, venues that occur): computed once and cached small, so the
 * statistics page of a user with thousands of sessions reads no session rows at all.
 */
export const sessionFilterOptions = defineUserRead({
  name: 'session-filter-options',
  tags: (userId: string) => [tags.sessions(userId)],
  load: async (userId: string): Promise<SessionFilterOptions> => filterOptionsOf(await loadSessions(userId)),
});

/** The running session (live timer), shown on every page: its own small read. */
export const runningSession = defineUserRead({
  name: 'session-running',
  tags: (userId: string) => [tags.sessions(userId)],
  load: async (userId: string): Promise<SessionDto | null> => (await loadSessions(userId, { runningFor: userId }))[0] ?? null,
});

/** The live venues the user named, by name. */
export const listVenues = defineUserRead({
  name: 'session-venues',
  tags: (userId: string) => [tags.sessions(userId)],
  load: async (userId: string): Promise<{ id: string; name: string }[]> => {
    const prisma = await db();
    return prisma.liveVenue.findMany({ where: { userId }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
  },
});

/** One session if (and only if) it belongs to the user. */
export async function findSession(userId: string, sessionId: string): Promise<SessionDto | null> {
  return (await listSessions(userId)).find((s) => s.id === sessionId) ?? null;
}

/**
 * The statistics of the user's ended sessions matching `filter`, in `currency`, each session
 * converted at the rates of its day. Rates are shared data: their tag is declared too.
 */
export const sessionStats = defineUserRead({
  name: 'session-stats',
  tags: (userId: string) => [tags.sessions(userId), tags.rates()],
  load: async (userId: string, currency: string, filter: SessionFilter): Promise<SessionStats> => {
    const sessions = (await loadSessions(userId, { endedAt: { not: null } })).filter((s) => matchesFilter(s, filter)).reverse();
    const first = sessions[0]?.startedAt.slice(0, 10);
    const walker = createRateWalker(first ? await rateHistory(dayKeyToDate(first)) : []);
    return computeStats(sessions, currency, walker);
  },
});

/**
 * The user's saved CSV column mappings (lib/sessions/tracker-import), by header signature. The
 * mapping is returned as stored: the import page validates it before using it.
 */
export const listTrackerMappings = defineUserRead({
  name: 'tracker-mappings',
  tags: (userId: string) => [tags.trackerMappings(userId)],
  load: async (userId: string): Promise<{ signature: string; mapping: unknown }[]> => {
    const prisma = await db();
    const rows = await prisma.trackerImportMapping.findMany({ where: { userId }, orderBy: { updatedAt: 'desc' }, select: { signature: true, mapping: true } });
    return rows.map((r) => ({ signature: r.signature, mapping: r.mapping as unknown }));
  },
});
