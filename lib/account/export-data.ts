import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { AccountData } from '@/lib/account/export-format';

type Db = Pick<PrismaClient, 'user' | 'holding' | 'transfer' | 'goal' | 'userAchievement' | 'articleRead' | 'playSession'>;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date) => d.toISOString().slice(0, 10);
/** Exact decimal string with 2 decimals (Decimal(20,2) column): "100.00", never "100" or a float. */
const money = (d: { toFixed(dp: number): string }) => d.toFixed(2);

/**
 * Everything the user owns, read straight from the database (an export must not be a stale
 * cached view). Ordered so that two accounts holding the same data export the same text:
 * ties on the visible fields are broken by creation order, which an import preserves.
 */
export async function loadAccountData(prisma: Db, userId: string): Promise<AccountData> {
  const [user, holdings, transfers, goals, achievements, reads, sessions] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, displayCurrency: true } }),
    prisma.holding.findMany({
      where: { userId },
      orderBy: [{ kind: 'asc' }, { position: 'asc' }, { createdAt: 'asc' }, { name: 'asc' }],
      select: {
        kind: true,
        name: true,
        assetType: true,
        currency: true,
        position: true,
        snapshots: { orderBy: [{ recordedAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], select: { amount: true, currency: true, recordedAt: true } },
      },
    }),
    prisma.transfer.findMany({
      where: { userId },
      orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      select: { type: true, amount: true, currency: true, occurredOn: true, note: true },
    }),
    prisma.goal.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { type: true, targetAmount: true, currency: true, endDate: true, status: true, createdAt: true, completedAt: true, archivedAt: true },
    }),
    prisma.userAchievement.findMany({ where: { userId }, orderBy: [{ unlockedAt: 'asc' }, { achievementCode: 'asc' }], select: { achievementCode: true, unlockedAt: true } }),
    prisma.articleRead.findMany({ where: { userId }, orderBy: [{ readAt: 'asc' }, { articleId: 'asc' }], select: { readAt: true, article: { select: { slug: true } } } }),
    // Ended sessions only: a running one has no result yet and is not part of the record.
    prisma.playSession.findMany({
      where: { userId, endedAt: { not: null } },
      orderBy: [{ startedAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      include: {
        site: { select: { name: true } },
        venue: { select: { name: true } },
        snapshot: { select: { recordedAt: true, holding: { select: { kind: true, name: true } } } },
      },
    }),
  ]);
  return {
    profile: { email: user.email, displayCurrency: user.displayCurrency },
    holdings: holdings.map((h) => ({
      kind: h.kind,
      name: h.name,
      assetType: h.assetType,
      currency: h.currency,
      position: h.position,
      snapshots: h.snapshots.map((s) => ({ amount: money(s.amount), currency: s.currency, recordedAt: iso(s.recordedAt) })),
    })),
    transfers: transfers.map((t) => ({ type: t.type, amount: money(t.amount), currency: t.currency, occurredOn: day(t.occurredOn), note: t.note })),
    goals: goals.map((g) => ({
      type: g.type,
      targetAmount: money(g.targetAmount),
      currency: g.currency,
      endDate: g.endDate ? day(g.endDate) : null,
      status: g.status,
      createdAt: iso(g.createdAt),
      completedAt: isoOrNull(g.completedAt),
      archivedAt: isoOrNull(g.archivedAt),
    })),
    achievements: achievements.map((a) => ({ code: a.achievementCode, unlockedAt: iso(a.unlockedAt) })),
    articleReads: reads.map((r) => ({ slug: r.article.slug, readAt: iso(r.readAt) })),
    sessions: sessions.map((x) => ({
      kind: x.kind,
      game: x.game,
      site: x.site?.name ?? null,
      venue: x.venue?.name ?? null,
      currency: x.currency,
      smallBlind: x.smallBlind ? money(x.smallBlind) : null,
      bigBlind: x.bigBlind ? money(x.bigBlind) : null,
      buyIn: money(x.buyIn),
      fee: money(x.fee),
      reEntries: x.reEntries,
      rebuys: money(x.rebuys),
      cashOut: money(x.cashOut!),
      expenses: money(x.expenses),
      place: x.place,
      fieldSize: x.fieldSize,
      hands: x.hands,
      startedAt: iso(x.startedAt),
      endedAt: iso(x.endedAt!),
      breakMinutes: x.breakMinutes,
      notes: x.notes,
      tags: x.tags ?? [],
      balanceSnapshot: x.snapshot ? { holdingKind: x.snapshot.holding.kind, holding: x.snapshot.holding.name, recordedAt: iso(x.snapshot.recordedAt) } : null,
    })),
  };
}
