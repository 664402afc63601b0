// How long and how hard each section runs: the full run (npm run bench, < 10 min on 2 cores)
// and the --quick smoke run.
import { benchDatabaseUrl, type DataSetSpec } from '../generate-data';

export interface Profile {
  name: 'full' | 'quick';
  dataSet: DataSetSpec;
  databaseSuffix: string;
  /** our per-command Redis budget (CACHE_REDIS_TIMEOUT_MS; its default) */
  timeoutMs: number;
  /** the peer's `timeoutMs`; null = the library default (5000 ms). BENCH_PEER_TIMEOUT_MS overrides. */
  peerTimeoutMs: number | null;
  handlerSizes: number[];
  getSamples: number;
  setSamples: number;
  revalidateSamplesOurs: number;
  revalidateSamplesPeer: (entries: number) => number;
  /** app level */
  connections: number;
  warmSeconds: number;
  /** per page and mode, split into `rounds` interleaved runs */
  loadSeconds: number;
  rounds: number;
  dashboardUsers: number;
  articleSlugs: number;
  indexPages: number;
  rssAfterRequests: number;
  /** faults: the fault lasts from faultAt to faultAt + faultSeconds of a faultRunSeconds run */
  faultRunSeconds: number;
  faultAt: number;
  faultSeconds: number;
  freshnessTrials: number;
  /** deploy: load on the old build before the switch, and the window measured after it */
  deployWarmSeconds: number;
  deploySeconds: number;
}

export const FULL: Profile = {
  name: 'full',
  dataSet: { users: 100, articles: 500 },
  databaseSuffix: '',
  timeoutMs: 150,
  peerTimeoutMs: null,
  handlerSizes: [1_000, 10_000, 100_000],
  getSamples: 2000,
  setSamples: 1000,
  revalidateSamplesOurs: 300,
  revalidateSamplesPeer: (n) => (n >= 100_000 ? 12 : n >= 10_000 ? 40 : 100),
  connections: 10,
  warmSeconds: 2,
  loadSeconds: 10,
  rounds: 2,
  dashboardUsers: 10,
  articleSlugs: 50,
  indexPages: 5,
  rssAfterRequests: 10_000,
  faultRunSeconds: 30,
  faultAt: 10,
  faultSeconds: 10,
  freshnessTrials: 200,
  deployWarmSeconds: 5,
  deploySeconds: 5,
};

export const QUICK: Profile = {
  name: 'quick',
  dataSet: { users: 10, articles: 100 },
  databaseSuffix: '_quick',
  timeoutMs: 150,
  peerTimeoutMs: null,
  handlerSizes: [1_000, 10_000],
  getSamples: 300,
  setSamples: 200,
  revalidateSamplesOurs: 50,
  revalidateSamplesPeer: (n) => (n >= 10_000 ? 10 : 20),
  connections: 10,
  warmSeconds: 1,
  loadSeconds: 3,
  rounds: 1,
  dashboardUsers: 3,
  articleSlugs: 10,
  indexPages: 2,
  rssAfterRequests: 2_000,
  faultRunSeconds: 9,
  faultAt: 3,
  faultSeconds: 3,
  freshnessTrials: 30,
  deployWarmSeconds: 2,
  deploySeconds: 3,
};

/** The bench database of a profile: BENCH_DATABASE_URL (or its default) with the profile's suffix. */
export function profileDatabaseUrl(p: Profile): string {
  const u = new URL(benchDatabaseUrl());
  u.pathname = `${u.pathname}${p.databaseSuffix}`;
  return u.toString();
}
