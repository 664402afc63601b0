// Every write to play sessions and live venues. Ownership is checked in the query that writes
// (id AND user), so another user's id is "not-found" and nothing is written. Each returns the
// invalidation it needs: the user's sessions, plus what the streak, the achievements and (when
// ending an online session updates its site) the balance snapshot changed.

import 'server-only';
import type Decimal from 'decimal.js';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { combine, expire, type Invalidation } from '@/lib/data-cache/invalidation';
import { tags } from '@/lib/data-cache/tags';
import { appendSnapshotInTx } from '@/lib/holdings/writes';
import { recordMoneyAction, syncAchievements } from '@/lib/progress/writes';
import { sessionResult } from '@/lib/sessions/rules';
import type { EndSessionInput, SessionInput, StartSessionInput, VenueChoice } from '@/lib/sessions/schemas';
import type { MappedSession } from '@/lib/sessions/tracker-import/apply';
import { duplicateKey, splitDuplicates, type Duplicate } from '@/lib/sessions/tracker-import/duplicates';
import type { TrackerMapping } from '@/lib/sessions/tracker-import/mapping';

type Tx = Prisma.TransactionClient;
const NOT_FOUND = { status: 'not-found' } as const;
const NOT_RUNNING = { status: 'not-running' } as const;
type Written = { status: 'ok'; invalidation: Invalidation };

const money = (d: Decimal | null) => (d === null ? null : d.toFixed(2));
const sessionsChanged = (userId: string) => expire(tags.sessions(userId));

/** The session's place as columns; a new live venue is remembered (or found again, whatever its case). */
async function resolveVenue(tx: Tx, userId: string, venue: VenueChoice): Promise<{ siteId: string | null; venueId: string | null } | null> {
  if ('siteId' in venue) {
    const site = await tx.holding.findFirst({ where: { id: venue.siteId, userId, kind: 'POKER_SITE' }, select: { id: true } });
    return site ? { siteId: site.id, venueId: null } : null;
  }
  if ('venueId' in venue) {
    const known = await tx.liveVenue.findFirst({ where: { id: venue.venueId, userId }, select: { id: true } });
    return known ? { siteId: null, venueId: known.id } : null;
  }
  const existing = await tx.liveVenue.findFirst({ where: { userId, name: { equals: venue.newVenue, mode: 'insensitive' } }, select: { id: true } });
  if (existing) return { siteId: null, venueId: existing.id };
  const created = await tx.liveVenue.create({ data: { userId, name: venue.newVenue }, select: { id: true } });
  return { siteId: null, venueId: created.id };
}

function columns(input: SessionInput) {
  return {
    kind: input.kind,
    game: input.game,
    currency: input.currency,
    smallBlind: money(input.smallBlind),
    bigBlind: money(input.bigBlind),
    buyIn: money(input.buyIn)!,
    fee: money(input.fee)!,
    reEntries: input.reEntries,
    rebuys: money(input.rebuys)!,
    cashOut: money(input.cashOut),
    expenses: money(input.expenses)!,
    place: input.place,
    fieldSize: input.fieldSize,
    hands: input.hands,
    startedAt: input.startedAt,
    endedAt: input.endedAt,
    breakMinutes: input.breakMinutes,
    notes: input.notes,
    tags: input.tags,
  };
}

/** A session logged or ended is a money action (streak) and may unlock session achievements. */
async function afterSessionLogged(tx: Tx, userId: string, now: Date): Promise<Invalidation> {
  const streak = await recordMoneyAction(tx, userId, now);
  return combine(sessionsChanged(userId), streak, await syncAchievements(tx, userId));
}

/** Logs an ended session. The place must be the user's own (else "not-found", nothing written). */
export async function createSession(prisma: PrismaClient, userId: string, input: SessionInput, now = new Date()): Promise<(Written & { sessionId: string }) | typeof NOT_FOUND> {
  return prisma.$transaction(async (tx) => {
    const place = await resolveVenue(tx, userId, input.venue);
    if (!place) return NOT_FOUND;
    const created = await tx.playSession.create({ data: { userId, ...place, ...columns(input) }, select: { id: true } });
    return { status: 'ok' as const, sessionId: created.id, invalidation: await afterSessionLogged(tx, userId, now) };
  });
}

/**
 * Corrects an ended session. A balance snapshot it added stays as it is (the site's history is
 * the truth of the balance); the edit page says so.
 */
export async function updateSession(prisma: PrismaClient, userId: string, sessionId: string, input: SessionInput): Promise<Written | typeof NOT_FOUND> {
  return prisma.$transaction(async (tx) => {
    const place = await resolveVenue(tx, userId, input.venue);
    if (!place) return NOT_FOUND;
    const { count } = await tx.playSession.updateMany({ where: { id: sessionId, userId, runningFor: null }, data: { ...place, ...columns(input) } });
    if (count === 0) return NOT_FOUND;
    // Hours and winning sessions may now reach an achievement; achievements are never taken back.
    return { status: 'ok' as const, invalidation: combine(sessionsChanged(userId), await syncAchievements(tx, userId)) };
  });
}

/** Deletes a session (running or ended). A snapshot it added stays in the site's history. */
export async function deleteSession(prisma: PrismaClient, userId: string, sessionId: string): Promise<Written | typeof NOT_FOUND> {
  const { count } = await prisma.playSession.deleteMany({ where: { id: sessionId, userId } });
  return count === 0 ? NOT_FOUND : { status: 'ok', invalidation: sessionsChanged(userId) };
}

/**
 * Starts the live timer now. One running session per user (the unique "runningFor" index
 * decides races): with one running, nothing is written and "already-running" is answered, unless
 * `replace` says to discard the running one first.
 */
export async function startSession(
  prisma: PrismaClient,
  userId: string,
  input: StartSessionInput,
  { replace = false, now = new Date() }: { replace?: boolean; now?: Date } = {},
): Promise<(Written & { sessionId: string }) | typeof NOT_FOUND | { status: 'already-running' }> {
  try {
    return await prisma.$transaction(async (tx) => {
      const running = await tx.playSession.findFirst({ where: { runningFor: userId }, select: { id: true } });
      if (running && !replace) return { status: 'already-running' as const };
      if (running) await tx.playSession.delete({ where: { id: running.id } });
      const place = await resolveVenue(tx, userId, input.venue);
      if (!place) return NOT_FOUND;
      const created = await tx.playSession.create({
        data: {
          userId,
          ...place,
          kind: input.kind,
          game: input.game,
          currency: input.currency,
          smallBlind: money(input.smallBlind),
          bigBlind: money(input.bigBlind),
          buyIn: money(input.buyIn)!,
          fee: money(input.fee)!,
          startedAt: now,
          runningFor: userId,
        },
        select: { id: true },
      });
      return { status: 'ok' as const, sessionId: created.id, invalidation: sessionsChanged(userId) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 'already-running' };
    throw error;
  }
}

/** Adds a rebuy or add-on to the running session. */
export async function addRebuy(prisma: PrismaClient, userId: string, amount: Decimal): Promise<Written | typeof NOT_RUNNING> {
  return prisma.$transaction(async (tx) => {
    const running = await tx.playSession.findFirst({ where: { runningFor: userId }, select: { id: true } });
    if (!running) return NOT_RUNNING;
    await tx.playSession.update({ where: { id: running.id }, data: { rebuys: { increment: money(amount)! } } });
    return { status: 'ok' as const, invalidation: sessionsChanged(userId) };
  });
}

/**
 * Ends the running session now with its cash-out. With `updateBalance` (online sessions only)
 * the site gets a new snapshot, previous balance + result, in the same transaction; it shows
 * in the site's history like any balance update.
 */
export async function endSession(
  prisma: PrismaClient,
  userId: string,
  input: EndSessionInput,
  now = new Date(),
): Promise<(Written & { sessionId: string; snapshotId: string | null }) | typeof NOT_RUNNING | { status: 'balance-unavailable'; reason: string }> {
  return prisma.$transaction(async (tx) => {
    const running = await tx.playSession.findFirst({ where: { runningFor: userId }, select: { id: true, siteId: true, startedAt: true } });
    if (!running) return NOT_RUNNING;
    const minutes = (now.getTime() - running.startedAt.getTime()) / 60_000;
    const ended = await tx.playSession.update({
      where: { id: running.id },
      data: {
        endedAt: now,
        runningFor: null,
        cashOut: money(input.cashOut),
        expenses: money(input.expenses)!,
        hands: input.hands,
        place: input.place,
        fieldSize: input.fieldSize,
        // Breaks longer than the session are a typo: cap them so hours never go negative.
        breakMinutes: Math.min(input.breakMinutes, Math.floor(minutes)),
        notes: input.notes,
        tags: input.tags,
      },
      select: { kind: true, buyIn: true, fee: true, reEntries: true, rebuys: true, cashOut: true, expenses: true, currency: true },
    });
    let snapshotId: string | null = null;
    let balance = expire();
    if (input.updateBalance) {
      const unavailable = await balanceUpdate(tx, userId, running.siteId, ended, now);
      if (typeof unavailable === 'string') throw new BalanceUnavailable(unavailable);
      snapshotId = unavailable.snapshotId;
      balance = unavailable.invalidation;
      await tx.playSession.update({ where: { id: running.id }, data: { snapshotId } });
    }
    return { status: 'ok' as const, sessionId: running.id, snapshotId, invalidation: combine(balance, await afterSessionLogged(tx, userId, now)) };
  }).catch((error: unknown) => {
    // Thrown to roll the ended session back too: nothing is written.
    if (error instanceof BalanceUnavailable) return { status: 'balance-unavailable' as const, reason: error.message };
    throw error;
  });
}

class BalanceUnavailable extends Error {}

type Ended = { kind: 'CASH' | 'TOURNAMENT'; buyIn: Decimal.Value; fee: Decimal.Value; reEntries: number; rebuys: Decimal.Value; cashOut: Decimal.Value | null; expenses: Decimal.Value; currency: string };

async function balanceUpdate(tx: Tx, userId: string, siteId: string | null, s: Ended, now: Date): Promise<string | { snapshotId: string; invalidation: Invalidation }> {
  if (!siteId) return 'Only an online session (at one of your poker sites) can update a site balance.';
  const site = await tx.holding.findFirst({
    where: { id: siteId, userId, kind: 'POKER_SITE' },
    select: { currency: true, snapshots: { orderBy: { recordedAt: 'desc' }, take: 1, select: { amount: true } } },
  });
  if (!site) return 'The site of this session no longer exists.';
  if (site.currency !== s.currency) return `The site keeps its balance in ${site.currency} and the session was in ${s.currency}: update the balance by hand.`;
  const result = sessionResult({ ...s, buyIn: String(s.buyIn), fee: String(s.fee), rebuys: String(s.rebuys), cashOut: String(s.cashOut), expenses: String(s.expenses) })!;
  const previous = site.snapshots[0]?.amount.toString() ?? '0';
  const next = result.plus(previous);
  if (next.isNegative()) return `The site's balance (${previous} ${site.currency}) is smaller than this session's loss: update the balance by hand.`;
  const written = await appendSnapshotInTx(tx, { userId, kind: 'POKER_SITE', holdingId: siteId }, { amount: next, currency: site.currency, recordedAt: now }, now);
  if (written.status !== 'ok') return 'The site of this session no longer exists.';
  return written;
}

/* ------------------------------------------------------------ import from another tracker -- */

const LONG_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };
const mappingsChanged = (userId: string) => expire(tags.trackerMappings(userId));

/** Keeps the column mapping of one file layout (its header signature) for the next import. */
export async function saveTrackerMapping(prisma: PrismaClient, userId: string, signature: string, mapping: TrackerMapping): Promise<Written> {
  await prisma.$transaction((tx) => saveTrackerMappingInTx(tx, userId, signature, mapping));
  return { status: 'ok', invalidation: mappingsChanged(userId) };
}

export type TrackerImportOutcome =
  | { status: 'ok'; imported: number; duplicates: Duplicate[]; invalidation: Invalidation }
  /** A site the rows were matched to is gone, or a venue appeared meanwhile: nothing written, import again. */
  | { status: 'changed-meanwhile' };

/**
 * Adds the mapped sessions of a file in ONE transaction: all of them or none. Rows with the
 * same start, place and result as a session the user has (or as an earlier row) are skipped
 * and reported. New live venues are remembered; the sessions count for the streak and the
 * achievements like sessions logged one by one. With `remember`, the mapping is saved too.
 */
export async function importTrackerSessions(
  prisma: PrismaClient,
  userId: string,
  rows: readonly MappedSession[],
  { remember, now = new Date() }: { remember?: { signature: string; mapping: TrackerMapping }; now?: Date } = {},
): Promise<TrackerImportOutcome> {
  return prisma.$transaction(async (tx): Promise<TrackerImportOutcome> => {
    // One import per user at a time: two tabs importing the same file must not both miss the duplicates.
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const [sites, venues, existing] = await Promise.all([
      tx.holding.findMany({ where: { userId, kind: 'POKER_SITE' }, select: { id: true, name: true } }),
      tx.liveVenue.findMany({ where: { userId }, select: { id: true, name: true } }),
      tx.playSession.findMany({
        where: { userId, endedAt: { not: null } },
        select: { startedAt: true, siteId: true, venueId: true, kind: true, buyIn: true, fee: true, reEntries: true, rebuys: true, cashOut: true, expenses: true, currency: true },
      }),
    ]);
    const siteName = new Map(sites.map((x) => [x.id, x.name]));
    if (rows.some((r) => 'siteId' in r.input.venue && !siteName.has(r.input.venue.siteId))) return { status: 'changed-meanwhile' };
    const venueName = new Map(venues.map((x) => [x.id, x.name]));
    const existingKeys = new Set(
      existing.map((x) =>
        duplicateKey({
          startedAt: x.startedAt,
          place: (x.siteId ? siteName.get(x.siteId) : x.venueId ? venueName.get(x.venueId) : undefined) ?? '',
          result: sessionResult({ ...x, buyIn: x.buyIn.toString(), fee: x.fee.toString(), rebuys: x.rebuys.toString(), cashOut: x.cashOut!.toString(), expenses: x.expenses.toString() })!,
          currency: x.currency,
        }),
      ),
    );
    const { fresh, duplicates } = splitDuplicates(rows, existingKeys);

    // New venues once each, whatever their case; known ones are found again (like resolveVenue).
    const venueId = new Map(venues.map((v) => [v.name.toLowerCase(), v.id]));
    // The first spelling in the file names the venue.
    const newNames = new Map<string, string>();
    for (const r of fresh) {
      const name = 'newVenue' in r.input.venue ? r.input.venue.newVenue : null;
      if (name && !venueId.has(name.toLowerCase()) && !newNames.has(name.toLowerCase())) newNames.set(name.toLowerCase(), name);
    }
    const added = await tx.liveVenue.createManyAndReturn({ data: [...newNames.values()].map((name) => ({ userId, name })), select: { id: true, name: true } });
    for (const v of added) venueId.set(v.name.toLowerCase(), v.id);

    const placeOf = (venue: VenueChoice) =>
      'siteId' in venue ? { siteId: venue.siteId, venueId: null } : 'venueId' in venue ? { siteId: null, venueId: venue.venueId } : { siteId: null, venueId: venueId.get(venue.newVenue.toLowerCase())! };
    const base = now.getTime();
    // Creation times one millisecond apart keep the file's order where the app breaks ties by them.
    if (fresh.length) await tx.playSession.createMany({ data: fresh.map((r, i) => ({ userId, ...placeOf(r.input.venue), ...columns(r.input), createdAt: new Date(base + i) })) });

    let saved = expire();
    if (remember) {
      await saveTrackerMappingInTx(tx, userId, remember.signature, remember.mapping);
      saved = mappingsChanged(userId);
    }
    const logged = fresh.length ? await afterSessionLogged(tx, userId, now) : expire();
    return { status: 'ok', imported: fresh.length, duplicates, invalidation: combine(logged, saved) };
  }, LONG_TRANSACTION).catch((error: unknown): TrackerImportOutcome => {
    // A venue of the file was just added by another request (its unique name): rolled back, nothing written.
    if (isUniqueViolation(error)) return { status: 'changed-meanwhile' };
    throw error;
  });
}

async function saveTrackerMappingInTx(tx: Tx, userId: string, signature: string, mapping: TrackerMapping) {
  const data = { mapping: mapping as unknown as Prisma.InputJsonValue };
  await tx.trackerImportMapping.upsert({ where: { userId_signature: { userId, signature } }, create: { userId, signature, ...data }, update: data });
}
