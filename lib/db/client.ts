import { PrismaClient } from '@/lib/generated/prisma/client';
import { createAdapter } from './adapter';

// One client per process, created on first use, never at import: `next build`
// imports modules in worker processes, and opening the embedded database
// there would race the server for its directory.
const holder = globalThis as unknown as { __stakeeasyDb?: Promise<PrismaClient> };

export function db(): Promise<PrismaClient> {
  holder.__stakeeasyDb ??= createAdapter().then((adapter) => new PrismaClient({ adapter }));
  return holder.__stakeeasyDb;
}

export async function disconnectDb(): Promise<void> {
  const client = holder.__stakeeasyDb;
  holder.__stakeeasyDb = undefined;
  if (client) await (await client).$disconnect();
}
