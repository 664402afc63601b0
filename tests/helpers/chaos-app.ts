/**
 * tests/helpers/next-server.ts (real `next start` servers, fresh seeded database, DB sessions)
 * for the fault tests and the chaos runner, on a build folder of their own: `.next-faults`
 * (FAULTS_DIST_DIR overrides). next-server reads its folder from APPTEST_DIST_DIR when it is
 * first loaded, hence the environment is set before the dynamic import. Its lock file follows
 * the folder (`.next-faults.lock`): fault tests and chaos runs wait for one another and build
 * once, without queueing behind the app tests' lock.
 * Also: users with unique, recognisable data (to spot them in other users' responses) and timed
 * page requests.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';

process.env.APPTEST_DIST_DIR = process.env.FAULTS_DIST_DIR ?? '.next-faults';

const app = await import('./next-server');

export const {
  DIST_DIR,
  acquireAppTestLock,
  cookieHeader,
  createAppDatabase,
  createSession,
  ensureAppBuild,
  health,
  sleep,
  startNextServer,
  waitUntil,
} = app;
export type { HealthBody, NextServer, NextServerOptions } from './next-server';

export interface MarkedUser {
  /** Unique text in the user's e-mail, site name (and the chaos run's transfer notes). */
  tag: string;
  userId: string;
  email: string;
  token: string;
  holdingId: string;
  /** A holding name no other user has: its presence in a response identifies this user's data. */
  holdingName: string;
  /** An amount (as the app formats it in USD) no other user has. */
  amountText: string;
}

/**
 * A user (USD) with one poker site whose name and balance are unique, signed in through a DB
 * session. `label` goes into the e-mail and site name.
 */
export async function createMarkedUser(prisma: PrismaClient, label: string, balanceCents: number): Promise<MarkedUser> {
  const tag = `${label}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const email = `${tag}@faults.example.com`;
  const holdingName = `Site ${tag}`.slice(0, 50);
  const amount = (balanceCents / 100).toFixed(2);
  const user = await prisma.user.create({ data: { email, passwordHash: 'not-a-real-hash', displayCurrency: 'USD' } });
  const holding = await prisma.holding.create({
    data: {
      userId: user.id,
      kind: 'POKER_SITE',
      name: holdingName,
      currency: 'USD',
      snapshots: { create: { amount, currency: 'USD', recordedAt: new Date(Date.now() - 3_600_000) } },
    },
  });
  return {
    tag,
    userId: user.id,
    email,
    token: await createSession(prisma, user.id),
    holdingId: holding.id,
    holdingName,
    amountText: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(balanceCents / 100),
  };
}

export interface PageAnswer {
  status: number;
  html: string;
  headers: Headers;
  ms: number;
}

export async function getPage(server: { url: string }, path: string, token?: string, timeoutMs = 15_000): Promise<PageAnswer> {
  const started = performance.now();
  const res = await fetch(`${server.url}${path}`, { headers: token ? cookieHeader(token) : {}, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  const html = await res.text();
  return { status: res.status, html, headers: res.headers, ms: performance.now() - started };
}

