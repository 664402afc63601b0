// Prisma's wasm schema engine, driven through a driver adapter: it applies and
// diffs migrations without the native schema-engine binary, which cannot be
// downloaded on machines that only reach the npm registry.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as Engine from '@prisma/schema-engine-wasm';

type EngineModule = typeof Engine & { __wbg_set_wasm(exports: WebAssembly.Exports): void };

const require = createRequire(import.meta.url);
export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'prisma/migrations');
export const SCHEMA_PATH = path.resolve(process.cwd(), 'prisma/schema.prisma');
const NO_FILTER = { externalTables: [], externalEnums: [] };

let loaded: Promise<EngineModule> | undefined;

// The package's entry imports the .wasm file as an ES module, which Node 20
// only allows behind a flag; instantiating the bytes ourselves avoids it.
function loadEngine(): Promise<EngineModule> {
  loaded ??= (async () => {
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import(bgPath)) as EngineModule;
    const bytes = readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return bg;
  })();
  return loaded;
}

export function readSchema(): string {
  return readFileSync(SCHEMA_PATH, 'utf8');
}

export function readMigrationList(baseDir = MIGRATIONS_DIR): Engine.MigrationList {
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(path.join(baseDir, dir, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

type ScriptDriver = { exec?: (sql: string) => Promise<unknown>; query?: (sql: string) => Promise<unknown> };

/**
 * The pg adapter runs a migration script by splitting it at every ';', which cuts a function
 * body (`$$ ... ; ... $$`) apart, and the PGlite adapter does not wait for its script. Both
 * drivers run a whole script themselves (simple query protocol / exec), as one implicit
 * transaction, so the script is handed to the driver whole.
 */
function wholeScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const inner = adapter as SqlDriverAdapter & { underlyingDriver?: () => unknown; client?: unknown };
    const driver = (inner.underlyingDriver?.() ?? inner.client) as ScriptDriver | undefined;
    const run = driver?.exec?.bind(driver) ?? driver?.query?.bind(driver);
    if (!run) return adapter;
    return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
      executeScript: async (script: string) => {
        await run(script);
      },
    });
  };
  return Object.assign(Object.create(factory) as SqlMigrationAwareDriverAdapterFactory, {
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  });
}

async function withEngine<T>(adapter: SqlMigrationAwareDriverAdapterFactory, run: (e: Engine.SchemaEngine) => Promise<T>): Promise<T> {
  const engine = await loadEngine();
  const schema = readSchema();
  const instance = await engine.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(wholeScripts(adapter)),
  );
  try {
    return await run(instance);
  } finally {
    instance.free();
  }
}

/** Applies pending migrations from prisma/migrations, like `prisma migrate deploy`. */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withEngine(adapter, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database migrated with the existing migrations to the
 * current schema.prisma. `scratch` must be an EMPTY database (an in-memory
 * PGlite): the migrations are applied to it first, then it is diffed, so no
 * shadow database is needed.
 */
export async function pendingSchemaSql(scratch: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  await applyMigrations(scratch);
  return withEngine(scratch, async (engine) => {
    const schema = readSchema();
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files: [{ path: 'schema.prisma', content: schema }], configDir: process.cwd() },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? '';
  });
}
