// App Router routes discovered from the filesystem, so a new page or route handler without an
// isolation row fails a test. Plain node:fs: used by vitest and by the Playwright spec.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root; actionFiles() paths are relative to it. */
export const REPO_DIR = fileURLToPath(new URL('../..', import.meta.url));
const APP_DIR = path.join(REPO_DIR, 'app');

/** '(app)/sites/[id]/page.tsx' -> '/sites/[id]': route groups and private folders leave the URL. */
export function routeOf(file: string): string {
  const segments = file
    .split(/[\\/]/)
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  return `/${segments.join('/')}`;
}

function filesNamed(pattern: RegExp, dir = APP_DIR): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => pattern.test(path.basename(f))).sort();
}

/** Every page route (app/**\/page.tsx) as a URL pattern. */
export function pageRoutes(dir = APP_DIR): string[] {
  return [...new Set(filesNamed(/^page\.(tsx|ts|jsx|js)$/, dir).map(routeOf))];
}

/** Every route handler (app/**\/route.ts) as a URL pattern. */
export function handlerRoutes(dir = APP_DIR): string[] {
  return [...new Set(filesNamed(/^route\.(ts|js)$/, dir).map(routeOf))];
}

/** Every server-actions module under app/ (files named *actions.ts), relative to the repository root. */
export function actionFiles(dir = APP_DIR): string[] {
  return filesNamed(/actions\.ts$/, dir).map((f) => `app/${f.split(path.sep).join('/')}`);
}

/** Names of the async functions a module exports (`export async function x` / `export const x = async`). */
export function exportedAsyncFunctions(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+async\s+function\s+(\w+)/gm)) names.add(m[1]);
  for (const m of source.matchAll(/^export\s+const\s+(\w+)\s*(?::[^=]+)?=\s*async\b/gm)) names.add(m[1]);
  return [...names];
}
