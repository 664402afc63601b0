// Every write to sites/assets and their snapshots. Each function checks
// ownership in the same query that reads or writes (id AND user AND kind), so
// another user's id, or an asset id under /sites, is "not-found" and nothing
// is written. Several rows = one transaction. The client is a parameter so the
// rules can be tested against a real database outside Next.
// Each returns the invalidation it needs: a snapshot write changes the user's balances
// (holdings), that holding's history (holding) and the chart (snapshots), plus whatever the
// streak, achievements and goal completion changed.

import 'server-only';
import type Decimal from 'decimal.js';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { escapeLikePattern } from '@/lib/db/like';
import { combine, expire, type Invalidation } from '@/lib/data-cache/invalidation';
import { tags } from '@/lib/data-cache/tags';
import { completeGoalIfReached } from '@/lib/goals/writes';
import { recordMoneyAction, syncAchievements } from '@/lib/progress/writes';
import type { HoldingKind } from '@/lib/holdings/kinds';
import { moveInOrder, nextPosition, positionChanges, type MoveDirection } from '@/lib/holdings/order';

type Tx = Prisma.TransactionClient;

/** Which holding, as claimed by whom: every write re-checks all three. */
export interface HoldingRef {
  userId: string;
  kind: HoldingKind;
  holdingId: string;
}

const NOT_FOUND = { status: 'not-found' } as const;
const NAME_TAKEN = { status: 'name-taken' } as const;
type NotFound = typeof NOT_FOUND;
type NameTaken = typeof NAME_TAKEN;
type Written = { status: 'ok'; invalidation: Invalidation };

const money = (amount: Decimal) => amount.toFixed(2);

/**
 * Serialises the user's holding writes (order, "not the last snapshot") by
 * locking their user row: two concurrent deletes of a holding's last two
 * snapshots must not both succeed.
 */
async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
}

function ownedHolding(tx: Tx, { userId, kind, holdingId }: HoldingRef) {
  return tx.holding.findFirst({ where: { id: holdingId, userId, kind }, select: { id: true } });
}

function ownedSnapshot(tx: Tx, ref: HoldingRef, snapshotId: string) {
  return tx.balanceSnapshot.findFirst({
    where: { id: snapshotId, holdingId: ref.holdingId, holding: { userId: ref.userId, kind: ref.kind } },
    select: { id: true },
  });
}

/**
 * The unique index is case-sensitive; "PokerStars" and "pokerstars" would
 * still confuse the user, so they clash too. The index stays the guard
 * against races (P2002).
 */
async function nameInUse(tx: Tx, userId: string, kind: HoldingKind, name: string, exceptId?: string): Promise<boolean> {
  const clash = await tx.holding.findFirst({
    where: { userId, kind, name: { equals: escapeLikePattern(name), mode: 'insensitive' }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  return clash !== null;
}

/** The list (names, order, balances) and the chart. */
const holdingsChanged = (userId: string) => expire(tags.holdings(userId), tags.snapshots(userId));

/** A snapshot added, edited or removed; it may complete the active goal and unlock bankroll achievements. */
async function afterBalanceChange(tx: Tx, ref: { userId: string; holdingId: string }, now: Date): Promise<Invalidation> {
  return combine(
    holdingsChanged(ref.userId),
    expire(tags.holding(ref.holdingId)),
    await completeGoalIfReached(tx, ref.userId, now),
    await syncAchievements(tx, ref.userId),
  );
}

/** Balance updates are also money actions (streaks). */
async function afterMoneyAction(tx: Tx, ref: { userId: string; holdingId: string }, now: Date): Promise<Invalidation> {
  return combine(await recordMoneyAction(tx, ref.userId, now), await afterBalanceChange(tx, ref, now));
}

export interface NewHolding {
  kind: HoldingKind;
  name: string;
  assetType: string | null;
  currency: string;
  amount: Decimal;
}

/** Creates the holding, last in the order, with its opening snapshot at `now`. */
export async function createHolding(
  prisma: PrismaClient,
  userId: string,
  input: NewHolding,
  now = new Date(),
): Promise<(Written & { holdingId: string }) | NameTaken> {
  try {
    return await prisma.$transaction(async (tx) => {
      await lockUser(tx, userId);
      if (await nameInUse(tx, userId, input.kind, input.name)) return NAME_TAKEN;
      const { _max } = await tx.holding.aggregate({ where: { userId, kind: input.kind }, _max: { position: true } });
      const holding = await tx.holding.create({
        data: {
          userId,
          kind: input.kind,
          name: input.name,
          assetType: input.assetType,
          currency: input.currency,
          position: nextPosition(_max.position),
          snapshots: { create: { amount: money(input.amount), currency: input.currency, recordedAt: now } },
        },
        select: { id: true },
      });
      return { status: 'ok' as const, holdingId: holding.id, invalidation: await afterMoneyAction(tx, { userId, holdingId: holding.id }, now) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

/** "Update balance": appends a snapshot. */
export async function appendSnapshot(
  prisma: PrismaClient,
  ref: HoldingRef,
  input: { amount: Decimal; currency: string; recordedAt: Date },
  now = new Date(),
): Promise<Written | NotFound> {
  return prisma.$transaction((tx) => appendSnapshotInTx(tx, ref, input, now));
}

/** appendSnapshot inside the caller's transaction (ending a play session updates its site). */
export async function appendSnapshotInTx(
  tx: Tx,
  ref: HoldingRef,
  input: { amount: Decimal; currency: string; recordedAt: Date },
  now = new Date(),
): Promise<(Written & { snapshotId: string }) | NotFound> {
  if (!(await ownedHolding(tx, ref))) return NOT_FOUND;
  const created = await tx.balanceSnapshot.create({
    data: { holdingId: ref.holdingId, amount: money(input.amount), currency: input.currency, recordedAt: input.recordedAt },
    select: { id: true },
  });
  return { status: 'ok' as const, snapshotId: created.id, invalidation: await afterMoneyAction(tx, ref, now) };
}

/** The history page reads the name through listHoldings, so only the list changes. */
export async function renameHolding(prisma: PrismaClient, ref: HoldingRef, name: string): Promise<Written | NotFound | NameTaken> {
  try {
    return await prisma.$transaction(async (tx) => {
      await lockUser(tx, ref.userId);
      if (!(await ownedHolding(tx, ref))) return NOT_FOUND;
      if (await nameInUse(tx, ref.userId, ref.kind, name, ref.holdingId)) return NAME_TAKEN;
      await tx.holding.update({ where: { id: ref.holdingId }, data: { name } });
      return { status: 'ok' as const, invalidation: expire(tags.holdings(ref.userId)) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

/** Swaps the holding with its neighbour; at either end nothing changes ("unchanged"). */
export async function moveHolding(prisma: PrismaClient, ref: HoldingRef, direction: MoveDirection): Promise<Written | { status: 'unchanged' } | NotFound> {
  return prisma.$transaction(async (tx) => {
    await lockUser(tx, ref.userId);
    // Same order as listHoldings, so "up" means up on the page the user saw.
    const siblings = await tx.holding.findMany({
      where: { userId: ref.userId, kind: ref.kind },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: { id: true, position: true },
    });
    if (!siblings.some((h) => h.id === ref.holdingId)) return NOT_FOUND;
    const ordered = moveInOrder(
      siblings.map((h) => h.id),
      ref.holdingId,
      direction,
    );
    if (!ordered) return { status: 'unchanged' as const };
    for (const change of positionChanges(siblings, ordered)) {
      await tx.holding.update({ where: { id: change.id }, data: { position: change.position } });
    }
    return { status: 'ok' as const, invalidation: expire(tags.holdings(ref.userId)) };
  });
}

/**
 * Corrects a snapshot's amount and time. Not a new money action (no streak),
 * but the bankroll may have grown past an achievement threshold.
 */
export async function updateSnapshot(
  prisma: PrismaClient,
  ref: HoldingRef,
  snapshotId: string,
  input: { amount: Decimal; recordedAt: Date },
): Promise<Written | NotFound> {
  return prisma.$transaction(async (tx) => {
    if (!(await ownedSnapshot(tx, ref, snapshotId))) return NOT_FOUND;
    await tx.balanceSnapshot.update({ where: { id: snapshotId }, data: { amount: money(input.amount), recordedAt: input.recordedAt } });
    return { status: 'ok' as const, invalidation: await afterBalanceChange(tx, ref, new Date()) };
  });
}

/** Deletes a snapshot unless it is the holding's only one: a holding always has a balance. */
export async function deleteSnapshot(prisma: PrismaClient, ref: HoldingRef, snapshotId: string): Promise<Written | NotFound | { status: 'last-snapshot' }> {
  return prisma.$transaction(async (tx) => {
    await lockUser(tx, ref.userId);
    if (!(await ownedSnapshot(tx, ref, snapshotId))) return NOT_FOUND;
    if ((await tx.balanceSnapshot.count({ where: { holdingId: ref.holdingId } })) <= 1) return { status: 'last-snapshot' as const };
    // A play session that added this snapshot loses its link to it (ON DELETE SET NULL).
    const linked = await tx.playSession.count({ where: { snapshotId } });
    await tx.balanceSnapshot.delete({ where: { id: snapshotId } });
    // Removing the newest snapshot can raise the current balance (an older, larger one).
    return { status: 'ok' as const, invalidation: combine(await afterBalanceChange(tx, ref, new Date()), linked ? expire(tags.sessions(ref.userId)) : expire()) };
  });
}

/** Deletes the holding; its snapshots go with it (ON DELETE CASCADE). */
export async function deleteHolding(prisma: PrismaClient, ref: HoldingRef): Promise<Written | NotFound> {
  return prisma.$transaction(async (tx) => {
    // Play sessions at this site stay, without their site (ON DELETE SET NULL); so do the sessions
    // whose result went into one of its snapshots (a cash asset's too), without their snapshot.
    const linked = await tx.playSession.count({ where: { userId: ref.userId, OR: [{ siteId: ref.holdingId }, { snapshot: { holdingId: ref.holdingId } }] } });
    const { count } = await tx.holding.deleteMany({ where: { id: ref.holdingId, userId: ref.userId, kind: ref.kind } });
    if (count !== 1) return NOT_FOUND;
    return { status: 'ok' as const, invalidation: combine(holdingsChanged(ref.userId), expire(tags.holding(ref.holdingId)), linked ? expire(tags.sessions(ref.userId)) : expire()) };
  });
}
