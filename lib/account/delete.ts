import type { PrismaClient } from '@/lib/generated/prisma/client';
import { accountMutationTags } from '@/lib/account/tags';

type Db = Pick<PrismaClient, '$transaction'>;

/**
 * Deletes the user; the schema cascades to sessions, holdings, snapshots, transfers, goals,
 * achievements and read marks. Articles the user wrote stay published without an author.
 * Returns the cache tags whose data changed.
 */
export async function deleteAccount(prisma: Db, userId: string): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const [holdings, articles] = await Promise.all([
      tx.holding.findMany({ where: { userId }, select: { id: true } }),
      tx.article.findMany({ where: { authorId: userId }, select: { slug: true } }),
    ]);
    await tx.user.delete({ where: { id: userId } });
    return accountMutationTags.deleteAccount(
      userId,
      holdings.map((h) => h.id),
      articles.map((a) => a.slug),
    );
  });
}
