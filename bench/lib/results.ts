// Everything one run measured (also written as <date>.json next to the markdown).
import type { Machine } from './machine';
import type { DataSetCounts } from '../generate-data';
import type { HandlerLevelResult } from '../sections/handler-level';
import type { FreshnessResult } from '../sections/freshness';
import type { AppLevelResult } from '../sections/app-level';
import type { DeployResult } from '../sections/deploy';
import type { UseCacheResult } from '../sections/use-cache';

export interface BenchResults {
  date: string;
  startedAt: string;
  durationSeconds: number;
  profile: 'full' | 'quick';
  /** ours: CACHE_REDIS_TIMEOUT_MS */
  profileTimeoutMs: number;
  /** the peer's timeoutMs (5000 = its library default) */
  peerTimeoutMs: number;
  machine: Machine;
  dataSet: { database: string; counts: DataSetCounts; generated: boolean; seconds: number };
  buildSeconds?: number;
  handler?: HandlerLevelResult;
  freshness?: FreshnessResult[];
  app?: AppLevelResult;
  deploy?: DeployResult;
  /** the deploy section's second build */
  deployBuildSeconds?: number;
  /** section 7: the 'use cache: remote' fixture, ours vs Next's in-memory cacheHandlers */
  useCache?: UseCacheResult;
  useCacheBuildSeconds?: number;
  /** the cause found for an RSS above the target, stated with this run's numbers */
  rssReason?: string;
  notes: string[];
}
