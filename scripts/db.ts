// Database commands that work offline (only the npm registry is reachable):
//   tsx scripts/db.ts migrate          apply pending migrations (DATABASE_URL or embedded PGlite)
//   tsx scripts/db.ts new <name>       write prisma/migrations/<timestamp>_<name>/migration.sql
//                                      for the changes in schema.prisma since the last migration
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createAdapter, databaseKind, memoryAdapter } from '../lib/db/adapter';
import { applyMigrations, MIGRATIONS_DIR, pendingSchemaSql } from '../lib/db/schema-engine';

async function migrate() {
  const applied = await applyMigrations(await createAdapter());
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${databaseKind()}: ${applied.join(', ')}`
      : `Database (${databaseKind()}) is up to date.`,
  );
}

async function newMigration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error('Usage: npm run db:new-migration -- <name>   (lowercase letters, digits, underscores)');
  }
  const sql = await pendingSchemaSql(await memoryAdapter());
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log('schema.prisma matches the migrations: nothing to do.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), sql);
  const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  if (!existsSync(lock)) writeFileSync(lock, '# Do not edit by hand\nprovider = "postgresql"\n');
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

const [command, arg] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = {
  migrate,
  new: () => newMigration(arg),
};
const run = commands[command ?? ''];
if (!run) {
  console.error(`Unknown command "${command}". Use: migrate | new <name>`);
  process.exit(2);
}
run().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
