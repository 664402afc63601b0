import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
let database: TestDatabase | undefined;
const dirs: string[] = [];

afterAll(async () => {
  await database?.drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm run db:migrate (wasm schema engine, no binary download)', () => {
  it('applies every migration to an empty PostgreSQL database once', async () => {
    database = await createTestDatabase('migrate', { migrate: false });
    const env = { ...process.env, DATABASE_URL: database.url };
    const first = await run(tsx, ['scripts/db.ts', 'migrate'], { env });
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\) to postgresql/);
    const second = await run(tsx, ['scripts/db.ts', 'migrate'], { env });
    expect(second.stdout).toContain('is up to date');
    const rows = await database.prisma.$queryRawUnsafe<{ migration_name: string }[]>('SELECT migration_name FROM _prisma_migrations');
    expect(rows.length).toBeGreaterThan(0);
    expect(await database.prisma.user.count()).toBe(0);
  });

  it('finds schema.prisma in step with the migrations (no pending migration)', async () => {
    const { stdout } = await run(tsx, ['scripts/db.ts', 'new', 'should_be_empty']);
    expect(stdout).toContain('nothing to do');
  });

  it('migrates the embedded database and refuses a second process on the same folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pglite-'));
    dirs.push(dir);
    const env = { ...process.env, DATABASE_URL: '', PGLITE_DIR: path.join(dir, 'db') };
    const migrated = await run(tsx, ['scripts/db.ts', 'migrate'], { env });
    expect(migrated.stdout).toMatch(/Applied \d+ migration\(s\) to pglite/);

    // Hold the lock from a live process, then try to open the folder again.
    const holder = execFile(tsx, ['-e', `import('./lib/db/adapter.ts').then(m => { m.lockPgliteDir(process.env.PGLITE_DIR); console.log('locked'); setTimeout(() => {}, 20000); })`], { env });
    await new Promise<void>((resolve) => holder.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    try {
      await expect(run(tsx, ['scripts/db.ts', 'migrate'], { env })).rejects.toMatchObject({ stderr: expect.stringContaining('is in use by process') });
    } finally {
      // tsx runs the script in a child process: kill the one that owns the lock.
      const owner = Number(readFileSync(`${env.PGLITE_DIR}.lock`, 'utf8'));
      process.kill(owner, 'SIGKILL');
      holder.kill('SIGKILL');
    }
    await new Promise((r) => setTimeout(r, 500));
    // The dead holder's lock is taken over.
    const again = await run(tsx, ['scripts/db.ts', 'migrate'], { env });
    expect(again.stdout).toContain('is up to date');
  });
});
