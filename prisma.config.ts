import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses the CLI here; migrations run through our own
// script (scripts/db.ts) with Prisma's wasm schema engine, which needs no
// binary download.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
