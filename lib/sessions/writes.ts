// Every write to play sessions and live venues. Ownership is checked in the query that writes
// (id AND user), so another user's id is "not-found" and nothing is written. Each returns the
// invalidation it needs: the user's sessions, plus what the streak, the achievements and (when
// ending a session updates its site or cash asset) the balance snapshot changed.

import 'server-only';
import type Decimal from 'decimal.js';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { combine, expire, type Invalidation } from '@/lib/data-cache/invalidation';
import { tags } from '@/lib/data-cache/tags';
import { appendSnapshotInTx } from '@/lib/holdings/writes';
import { recordMoneyAction, syncAchievements } from '@/lib/progress/writes';
import { sessionResult } from '@/lib/sessions/rules';
import { balanceTarget, type BalanceTarget } from '@/lib/sessions/balance-target';
import { isCashAsset } from '@/lib/holdings/kinds';
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

/** What a session has from its start: the game, its stakes and the buy-in. */
function startColumns(input: StartSessionInput) {
  return {
    kind: input.kind,
    game: input.game,
    currency: input.currency,
    smallBlind: money(input.smallBlind),
    bigBlind: money(input.bigBlind),
    buyIn: money(input.buyIn)!,
    fee: money(input.fee)!,
  };
}

function columns(input: SessionInput) {
  return {
    ...startColumns(input),
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

/**
 * Deletes a session (running or ended). A snapshot it added stays in its holding's history (the
 * balance it recorded is still the balance), no longer marked as this session's result.
 */
export async function deleteSession(prisma: PrismaClient, userId: string, sessionId: string): Promise<Written | typeof NOT_FOUND> {
  return prisma.$transaction(async (tx) => {
    const session = await tx.playSession.findFirst({ where: { id: sessionId, userId }, select: { snapshot: { select: { holdingId: true } } } });
    if (!session) return NOT_FOUND;
    await tx.playSession.delete({ where: { id: sessionId } });
    const history = session.snapshot ? expire(tags.holding(session.snapshot.holdingId)) : expire();
    return { status: 'ok' as const, invalidation: combine(sessionsChanged(userId), history) };
  });
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
          ...startColumns(input),
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
 * Ends the running session now with its cash-out. Opt-in, an online session's site (the
 * `updateBalance` box) or a live session's cash asset (`balanceAssetId`) gets a new snapshot,
 * previous balance + result, in the same transaction (see balance-target.ts for the rule); it
 * shows in the holding's history as this session's. A cash asset of another user is
 * "not-found"; a choice that cannot be honoured is "balance-unavailable". Either way nothing is
 * written.
 */
export async function endSession(
  prisma: PrismaClient,
  userId: string,
  input: EndSessionInput,
  now = new Date(),
): Promise<(Written & { sessionId: string; snapshotId: string | null }) | typeof NOT_RUNNING | typeof NOT_FOUND | { status: 'balance-unavailable'; reason: string }> {
  return prisma.$transaction(async (tx) => {
    const running = await tx.playSession.findFirst({ where: { runningFor: userId }, select: { id: true, siteId: true, venueId: true, startedAt: true } });
    if (!running) return NOT_RUNNING;
    const target = balanceTarget(running, input);
    if (target !== null && 'refused' in target) return { status: 'balance-unavailable' as const, reason: target.refused };
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
    if (target) {
      const update = await balanceUpdate(tx, userId, target, ended, now);
      if (update.status === 'unavailable') throw new BalanceUnavailable(update.reason);
      if (update.status === 'not-found') throw new HoldingNotFound();
      snapshotId = update.snapshotId;
      balance = update.invalidation;
      await tx.playSession.update({ where: { id: running.id }, data: { snapshotId } });
    }
    return { status: 'ok' as const, sessionId: running.id, snapshotId, invalidation: combine(balance, await afterSessionLogged(tx, userId, now)) };
  }).catch((error: unknown) => {
    // Thrown to roll the ended session back too: nothing is written.
    if (error instanceof BalanceUnavailable) return { status: 'balance-unavailable' as const, reason: error.message };
    if (error instanceof HoldingNotFound) return NOT_FOUND;
    throw error;
  });
}

class BalanceUnavailable extends Error {}
class HoldingNotFound extends Error {}

type Ended = { kind: 'CASH' | 'TOURNAMENT'; buyIn: Decimal.Value; fee: Decimal.Value; reEntries: number; rebuys: Decimal.Value; cashOut: Decimal.Value | null; expenses: Decimal.Value; currency: string };

type BalanceUpdate = { status: 'ok'; snapshotId: string; invalidation: Invalidation } | { status: 'unavailable'; reason: string } | typeof NOT_FOUND;

/**
 * The holding's new snapshot: its newest balance + the session's result; why it cannot be done;
 * or NOT_FOUND for a cash asset id that is not the user's (a forged form).
 */
async function balanceUpdate(tx: Tx, userId: string, target: BalanceTarget, s: Ended, now: Date): Promise<BalanceUpdate> {
  const word = target.kind === 'POKER_SITE' ? 'site' : 'asset';
  const unavailable = (reason: string) => ({ status: 'unavailable' as const, reason });
  const holding = await tx.holding.findFirst({
    where: { id: target.holdingId, userId, kind: target.kind },
    select: { kind: true, assetType: true, currency: true, snapshots: { orderBy: [{ recordedAt: 'desc' }, { createdAt: 'desc' }], take: 1, select: { amount: true } } },
  });
  if (!holding) return target.kind === 'ASSET' ? NOT_FOUND : unavailable('The site of this session no longer exists.');
  if (target.kind === 'ASSET' && !isCashAsset(holding)) return unavailable('Only a cash asset (an asset of type "Cash") can take a live session\'s result.');
  if (holding.currency !== s.currency) return unavailable(`The ${word} keeps its balance in ${holding.currency} and the session was in ${s.currency}: update the balance by hand.`);
  const result = sessionResult({ ...s, buyIn: String(s.buyIn), fee: String(s.fee), rebuys: String(s.rebuys), cashOut: String(s.cashOut), expenses: String(s.expenses) })!;
  const previous = holding.snapshots[0]?.amount.toString() ?? '0';
  const next = result.plus(previous);
  if (next.isNegative()) return unavailable(`The ${word}'s balance (${previous} ${holding.currency}) is smaller than this session's loss: update the balance by hand.`);
  const written = await appendSnapshotInTx(tx, { userId, kind: target.kind, holdingId: target.holdingId }, { amount: next, currency: holding.currency, recordedAt: now }, now);
  if (written.status !== 'ok') return unavailable(`The ${word} of this session no longer exists.`);
  return { status: 'ok', snapshotId: written.snapshotId, invalidation: written.invalidation };
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
