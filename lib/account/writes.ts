// Account-wide writes: display currency, password, import and deletion. Each returns the
// invalidation it needs.

import type { PrismaClient } from '@/lib/generated/prisma/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { expire, NO_INVALIDATION, type Invalidation } from '@/lib/data-cache/invalidation';
import { allUserTags, tags } from '@/lib/data-cache/tags';
import { completeGoalIfReached } from '@/lib/goals/writes';
import { syncAchievements } from '@/lib/progress/writes';
import type { ImportPlan } from '@/lib/account/import-parse';
import type { SessionSnapshotRef } from '@/lib/sessions/rules';

type Db = Pick<PrismaClient, '$transaction'>;

/** getProfile carries the display currency; every page converting amounts reads it there. */
export async function updateDisplayCurrency(prisma: Pick<PrismaClient, 'user'>, userId: string, currency: string): Promise<Invalidation> {
  await prisma.user.update({ where: { id: userId }, data: { displayCurrency: currency } });
  return expire(tags.profile(userId));
}

/** No cached read includes the password hash or sessions. */
export async function updatePasswordHash(prisma: Pick<PrismaClient, 'user'>, userId: string, passwordHash: string): Promise<Invalidation> {
  await prisma.user.update({ where: { id: userId }, data: { passwordHash } });
  return NO_INVALIDATION;
}

/**
 * Deletes the user; the schema cascades to sessions, holdings, snapshots, transfers, goals,
 * achievements and read marks. Articles the user wrote stay published without an author, so
 * their pages and listings (which named the author) change too.
 */
export async function deleteAccount(prisma: Db, userId: string): Promise<Invalidation> {
  return prisma.$transaction(async (tx) => {
    const [holdings, articles] = await Promise.all([
      tx.holding.findMany({ where: { userId }, select: { id: true } }),
      tx.article.findMany({ where: { authorId: userId }, select: { slug: true } }),
    ]);
    await tx.user.delete({ where: { id: userId } });
    return expire(
      ...allUserTags(userId),
      ...holdings.map((h) => tags.holding(h.id)),
      ...(articles.length ? [tags.articles(), ...articles.map((a) => tags.article(a.slug))] : []),
    );
  });
}

export interface ImportSummary {
  holdings: number;
  snapshots: number;
  transfers: number;
  goals: number;
  achievements: number;
  articleReads: number;
  /** Read marks for articles that do not exist here (or are not published): not imported. */
  skippedReads: number;
  sessions: number;
}

export type ImportOutcome = { ok: true; summary: ImportSummary; invalidation: Invalidation } | { ok: false; errors: string[] };

const KIND_LABEL = { POKER_SITE: 'A poker site', ASSET: 'An asset' } as const;
const BATCH = 5000;
const LONG_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/**
 * Adds a validated plan to the user's account in ONE transaction: all of it or nothing.
 *
 * Rules (shown on the settings page):
 * - Nothing is merged: a site or asset whose name (case-insensitive) already exists in the
 *   account is a conflict, reported by name, and nothing is imported.
 * - An active goal in the file conflicts with an active goal in the account (one at a time).
 * - Imported sites and assets go after the existing ones, keeping the file's order.
 * - Achievements are imported when they exist in this app's catalogue; read marks when the
 *   article is published here (others are skipped and counted). Achievements the imported
 *   data qualifies for are then unlocked as after any money action.
 * - Only the user's own rows are written; shared tables (rates, currencies, articles,
 *   achievements catalogue, other users) are only read.
 */
export async function importAccountData(prisma: Db, userId: string, plan: ImportPlan, now = new Date()): Promise<ImportOutcome> {
  try {
    return await prisma.$transaction(async (tx): Promise<ImportOutcome> => {
      const [existing, activeGoals] = await Promise.all([
        tx.holding.findMany({ where: { userId }, select: { kind: true, name: true, position: true } }),
        tx.goal.count({ where: { userId, status: 'ACTIVE' } }),
      ]);
      const taken = new Set(existing.map((h) => `${h.kind}:${h.name.toLowerCase()}`));
      const errors = plan.holdings
        .filter((h) => taken.has(`${h.kind}:${h.name.toLowerCase()}`))
        .map((h) => `${KIND_LABEL[h.kind]} named "${h.name}" already exists in your account. Rename or remove it (in the file or in the app), then import again.`);
      if (activeGoals > 0 && plan.goals.some((g) => g.status === 'ACTIVE')) {
        errors.push('The file has an active goal and your account already has one. Archive your current goal (or change the one in the file), then import again.');
      }
      // A session's site is a poker site of the file or of the account; its venue is remembered.
      const siteNames = new Set([...existing.filter((h) => h.kind === 'POKER_SITE'), ...plan.holdings.filter((h) => h.kind === 'POKER_SITE')].map((h) => h.name.toLowerCase()));
      for (const [i, x] of plan.sessions.entries()) {
        if (x.site !== null && !siteNames.has(x.site.toLowerCase())) errors.push(`Session ${i + 1} was played at the poker site "${x.site}", which is neither in the file nor in your account. Add the site first, then import again.`);
      }
      if (errors.length) return { ok: false, errors: errors.slice(0, 50) };

      const offset = { POKER_SITE: 0, ASSET: 0 };
      for (const h of existing) offset[h.kind] = Math.max(offset[h.kind], h.position + 1);
      // Creation times one millisecond apart keep the file's order wherever the app breaks
      // ties by creation time (same position, same day), so a re-export is identical.
      const base = now.getTime();
      const created = await tx.holding.createManyAndReturn({
        data: plan.holdings.map((h, i) => ({
          userId,
          kind: h.kind,
          name: h.name,
          assetType: h.assetType,
          currency: h.currency,
          position: offset[h.kind] + h.position,
          createdAt: new Date(base + i),
        })),
        select: { id: true, kind: true, name: true },
      });
      const idOf = new Map(created.map((h) => [`${h.kind}:${h.name}`, h.id]));
      const snapshots = plan.holdings.flatMap((h) => h.snapshots.map((s) => ({ holdingId: idOf.get(`${h.kind}:${h.name}`)!, ...s })));
      await inBatches(
        snapshots.map((s, i) => ({ ...s, createdAt: new Date(base + i) })),
        (data) => tx.balanceSnapshot.createMany({ data }),
      );
      // The snapshots sessions name (the parser checked each is one of the file's, named once).
      const createdId = new Map(created.map((h) => [`${h.kind}:${h.name.toLowerCase()}`, h.id]));
      const refHolding = (ref: SessionSnapshotRef<Date>) => createdId.get(`${ref.holdingKind}:${ref.holding.toLowerCase()}`);
      const refHoldings = [...new Set(plan.sessions.flatMap((x) => (x.balanceSnapshot ? [refHolding(x.balanceSnapshot)] : [])))].filter((id): id is string => id !== undefined);
      const snapshotIdOf = new Map<string, string>();
      if (refHoldings.length) {
        const rows = await tx.balanceSnapshot.findMany({ where: { holdingId: { in: refHoldings } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true, holdingId: true, recordedAt: true } });
        // Two snapshots at the same instant: the file's first one (set last).
        for (const r of rows) snapshotIdOf.set(`${r.holdingId}:${r.recordedAt.toISOString()}`, r.id);
      }
      const snapshotOf = (ref: SessionSnapshotRef<Date> | null) => (ref ? (snapshotIdOf.get(`${refHolding(ref)}:${ref.recordedAt.toISOString()}`) ?? null) : null);
      await inBatches(
        plan.transfers.map((t, i) => ({ userId, ...t, occurredOn: new Date(`${t.occurredOn}T00:00:00.000Z`), createdAt: new Date(base + i) })),
        (data) => tx.transfer.createMany({ data }),
      );
      await tx.goal.createMany({ data: plan.goals.map((g) => ({ userId, ...g, endDate: g.endDate ? new Date(`${g.endDate}T00:00:00.000Z`) : null })) });

      const codes = plan.achievements.map((a) => a.code);
      const known = new Set((await tx.achievement.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((a) => a.code));
      const achievements = await tx.userAchievement.createMany({
        data: plan.achievements.filter((a) => known.has(a.code)).map((a) => ({ userId, achievementCode: a.code, unlockedAt: a.unlockedAt })),
        skipDuplicates: true,
      });

      const slugs = plan.articleReads.map((r) => r.slug);
      const articles = await tx.article.findMany({ where: { slug: { in: slugs }, status: 'PUBLISHED' }, select: { id: true, slug: true } });
      const articleId = new Map(articles.map((a) => [a.slug, a.id]));
      const readable = plan.articleReads.filter((r) => articleId.has(r.slug));
      const reads = await tx.articleRead.createMany({
        data: readable.map((r) => ({ userId, articleId: articleId.get(r.slug)!, readAt: r.readAt })),
        skipDuplicates: true,
      });

      if (plan.sessions.length) {
        const sites = await tx.holding.findMany({ where: { userId, kind: 'POKER_SITE' }, select: { id: true, name: true } });
        const siteId = new Map(sites.map((h) => [h.name.toLowerCase(), h.id]));
        const venueNames = [...new Map(plan.sessions.filter((x) => x.venue !== null).map((x) => [x.venue!.toLowerCase(), x.venue!])).values()];
        const known = await tx.liveVenue.findMany({ where: { userId }, select: { id: true, name: true } });
        const have = new Set(known.map((v) => v.name.toLowerCase()));
        const added = await tx.liveVenue.createManyAndReturn({ data: venueNames.filter((n) => !have.has(n.toLowerCase())).map((name) => ({ userId, name })), select: { id: true, name: true } });
        const venueId = new Map([...known, ...added].map((v) => [v.name.toLowerCase(), v.id]));
        await inBatches(
          plan.sessions.map(({ site, venue, balanceSnapshot, ...x }, i) => ({
            userId,
            ...x,
            snapshotId: snapshotOf(balanceSnapshot),
            siteId: site === null ? null : siteId.get(site.toLowerCase())!,
            venueId: venue === null ? null : venueId.get(venue.toLowerCase())!,
            createdAt: new Date(base + i),
          })),
          (data) => tx.playSession.createMany({ data }),
        );
      }

      // The imported balances may already reach the active goal.
      await completeGoalIfReached(tx, userId);
      await syncAchievements(tx, userId);
      return {
        ok: true,
        // An import can add to every part of the user's data.
        invalidation: expire(...allUserTags(userId)),
        summary: {
          holdings: created.length,
          snapshots: snapshots.length,
          transfers: plan.transfers.length,
          goals: plan.goals.length,
          achievements: achievements.count,
          articleReads: reads.count,
          skippedReads: plan.articleReads.length - readable.length,
          sessions: plan.sessions.length,
        },
      };
    }, LONG_TRANSACTION);
  } catch (error) {
    // Another request created a holding with the same name after our check.
    if (isUniqueViolation(error)) return { ok: false, errors: ['A site or asset with one of these names was just added to your account. Import again to see which.'] };
    throw error;
  }
}
