import { Prisma } from '@/lib/generated/prisma/client';

/** A unique index refused the row (P2002): the race-proof guard behind every "already taken" check. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
