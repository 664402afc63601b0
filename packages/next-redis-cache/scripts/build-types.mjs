// Emits the package's .d.mts files from the JSDoc types of src/*.mjs (tsc, checkJs), so
// TypeScript users get the same types the sources are checked against. `--check` emits into a
// temporary folder and fails when the committed types/ differ (run by the root `typecheck`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const check = process.argv.includes('--check');
const out = check ? mkdtempSync(path.join(os.tmpdir(), 'next-redis-cache-types-')) : path.join(pkg, 'types');

if (!check) rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(pkg, 'tsconfig.types.json'), '--outDir', out], { stdio: 'inherit' });

if (check) {
  const committed = path.join(pkg, 'types');
  const list = (dir) => {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  };
  const want = list(out);
  const have = list(committed);
  const stale = [...new Set([...want, ...have])].filter(
    (f) => !want.includes(f) || !have.includes(f) || readFileSync(path.join(out, f), 'utf8') !== readFileSync(path.join(committed, f), 'utf8'),
  );
  rmSync(out, { recursive: true, force: true });
  if (stale.length) {
    console.error(`packages/next-redis-cache/types is out of date (${stale.join(', ')}): run npm run build:types -w @stakeeasy/next-redis-cache`);
    process.exit(1);
  }
}
