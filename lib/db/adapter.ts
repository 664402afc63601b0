// Chooses the database: PostgreSQL when DATABASE_URL is set, otherwise an
// embedded PostgreSQL (PGlite) kept in a local folder, so a new user needs no
// database server. Both speak the same schema and migrations.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { reportDatabaseError } from './availability';

export async function probeDatabase(): Promise<unknown> {
  const { db } = await import('./client');
  return (await db()).$queryRaw`SELECT 1`;
}

export const pgliteDir = () => path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR ?? '.data/pglite');

export function databaseKind(): 'postgresql' | 'pglite' {
  return process.env.DATABASE_URL ? 'postgresql' : 'pglite';
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process not yet reaped by its parent still answers signal 0.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/**
 * PGlite has no locking of its own and two processes on one data directory
 * corrupt it silently, so the first process takes an exclusive lock file and
 * any other fails loudly. A lock left by a dead process is taken over.
 */
export function lockPgliteDir(dir: string): () => void {
  mkdirSync(/*turbopackIgnore: true*/ path.dirname(dir), { recursive: true });
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lockPath, { force: true });
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (owner === process.pid) return () => {};
      if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) {
        throw new Error(
          `The embedded database ${dir} is in use by process ${owner}. ` +
            'Only one process may open it (stop the other one, or set DATABASE_URL to use PostgreSQL).',
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database ${dir}`);
}

async function pgliteAdapter(dir: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  lockPgliteDir(dir);
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  return new PrismaPGlite(new PGlite(dir)) as unknown as SqlMigrationAwareDriverAdapterFactory;
}

/** An in-memory PGlite for scratch work (diffing migrations). */
export async function memoryAdapter(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  return new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory;
}

export async function createAdapter(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const url = process.env.DATABASE_URL;
  if (url) {
    // Dead pooled connections mark the database down at once (proxy.ts then
    // answers 503 until a probe succeeds), and a server that stops answering
    // fails requests after a bounded time instead of hanging them.
    const onPoolError = (err: Error) => reportDatabaseError(err, probeDatabase);
    return new PrismaPg(
      {
        connectionString: url,
        max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
        connectionTimeoutMillis: 5_000,
        query_timeout: 30_000,
      },
      { onPoolError },
    );
  }
  return pgliteAdapter(pgliteDir());
}
