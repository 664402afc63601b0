import 'server-only';
import * as promClient from 'prom-client';
import { processCache } from './cache';

const REGISTRY = Symbol.for('stakeeasy.metrics.registry');
type Holder = Record<symbol, Promise<promClient.Registry> | undefined>;

/**
 * One registry per process, set up once: collectDefaultMetrics and the cache collectors must not
 * be registered twice (prom-client throws on duplicate names), and a dedicated registry keeps
 * them apart from anything a library puts in prom-client's global one. Kept on globalThis so a
 * re-evaluated module (several bundles, dev reloads) finds the same registry.
 */
export function metricsRegistry(): Promise<promClient.Registry> {
  const holder = globalThis as unknown as Holder;
  holder[REGISTRY] ??= (async () => {
    const registry = new promClient.Registry();
    promClient.collectDefaultMetrics({ register: registry });
    await processCache().registerMetrics(registry, promClient);
    return registry;
  })().catch((err: unknown) => {
    holder[REGISTRY] = undefined; // let the next scrape try again
    throw err;
  });
  return holder[REGISTRY];
}
