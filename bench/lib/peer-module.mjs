// @ts-check
/**
 * Loads the benchmark peer, @fortedigital/nextjs-cache-handler >= 3 (its Redis strings handler
 * and ioredis adapter arrived in 3.x; 1.x wraps @neshca/cache-handler and speaks node-redis
 * only). Looked up in the project's node_modules first, then in bench/tmp/peer/node_modules
 * (a gitignored scratch install, used while the project still pins an older major). Both
 * places resolve `next` and `ioredis` from the project, so the peer shares the app's copies.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PKG = '@fortedigital/nextjs-cache-handler';
export const PEER_MIN_MAJOR = 3;
const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOTS = [path.resolve(BENCH_DIR, '..'), path.join(BENCH_DIR, 'tmp', 'peer')];

/** @returns {{ dir: string, version: string }} */
export function findPeer() {
  /** @type {string[]} */
  const seen = [];
  for (const root of ROOTS) {
    const dir = path.join(root, 'node_modules', PKG);
    const pkgJson = path.join(dir, 'package.json');
    if (!existsSync(pkgJson)) continue;
    const version = String(JSON.parse(readFileSync(pkgJson, 'utf8')).version);
    if (Number(version.split('.')[0]) >= PEER_MIN_MAJOR) return { dir, version };
    seen.push(`${version} in ${path.relative(BENCH_DIR, dir) || dir}`);
  }
  throw new Error(
    `The benchmark peer needs ${PKG} >= ${PEER_MIN_MAJOR} (found: ${seen.join(', ') || 'none'}). ` +
      `Set the devDependency to "^3.3.0" and run npm install.`,
  );
}

/**
 * @returns {Promise<{ version: string, CacheHandler: any, createRedisHandler: any, ioredisAdapter: any }>}
 */
export async function loadPeer() {
  const { dir, version } = findPeer();
  /** @param {string} rel */
  const load = (rel) => import(pathToFileURL(path.join(dir, rel)).href);
  const [handlerMod, redisMod, adapterMod] = await Promise.all([
    load('dist/handlers/cache-handler.js'),
    load('dist/handlers/redis-strings.js'),
    load('dist/helpers/ioredisAdapter.js'),
  ]);
  return {
    version,
    CacheHandler: handlerMod.CacheHandler,
    createRedisHandler: redisMod.default,
    ioredisAdapter: adapterMod.ioredisAdapter,
  };
}
