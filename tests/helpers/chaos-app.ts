/**
 * tests/helpers/next-server.ts (real `next start` servers, fresh seeded database, DB sessions,
 * marked users, the app stack and two-instance fixtures) for the fault tests and the chaos
 * runner, on a build folder of their own: `.next-faults` (FAULTS_DIST_DIR overrides).
 * next-server reads its folder from APPTEST_DIST_DIR when it is first loaded, hence the
 * environment is set before the dynamic import. Its lock file follows the folder: fault tests and
 * chaos runs wait for one another and build once, without queueing behind the app tests' lock.
 */
process.env.APPTEST_DIST_DIR = process.env.FAULTS_DIST_DIR ?? '.next-faults';

const app = await import('./next-server');

export const {
  DIST_DIR,
  acquireAppTestLock,
  articleSlugs,
  cookieHeader,
  createAppDatabase,
  createMarkedUser,
  createSession,
  ensureAppBuild,
  getPage,
  health,
  openAppStack,
  sleep,
  startNextServer,
  startTwoInstances,
  waitUntil,
} = app;
export type { AppStack, HealthBody, MarkedUser, NextServer, NextServerOptions, PageAnswer, TwoInstances } from './next-server';
