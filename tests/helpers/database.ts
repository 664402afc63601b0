import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { applyMigrations } from '@/lib/db/schema-engine';
import { PrismaClient } from '@/lib/generated/prisma/client';

const BASE = process.env.TEST_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  name: string;
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${BASE}/postgres` });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated PostgreSQL database of its own, so test files can run in parallel. */
export async function createTestDatabase(label: string, { migrate = true } = {}): Promise<TestDatabase> {
  const name = `stakeeasy_t_${label}_${process.pid}_${Date.now()}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = `${BASE}/${name}`;
  if (migrate) await applyMigrations(new PrismaPg({ connectionString: url }));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    name,
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
