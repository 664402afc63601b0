/**
 * After the run: every acknowledged write is in the database exactly once, and both instances
 * show every user's transfers and totals as the database has them (no stale read once the faults
 * are over). The verification requests go through the same leak scanner.
 */
import Decimal from 'decimal.js';
import { health, type NextServer } from '@/tests/helpers/chaos-app';
import type { ChaosUser, Cluster } from './cluster';
import type { Workload, WriteRecord } from './workload';

export interface Verification {
  /** Acked writes missing from the database (or stored twice / with another amount). */
  lostWrites: string[];
  /** Writes that got no answer (or a non-303) but did commit: informational. */
  unackedCommitted: number;
  /** After the run: a user's transfer missing from a list, or a total that differs from the database. */
  staleAfterRun: string[];
  /** Did both instances report a healthy cache (Redis up, breaker closed, nothing pending) before the checks? */
  settled: string;
}

const usd = (amount: Decimal) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount.toNumber());

/** Text of the element with `data-testid=<id>` (a single text child). */
function testIdText(html: string, id: string): string | null {
  const m = new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html);
  return m ? m[1] : null;
}

async function waitSettled(servers: NextServer[], timeoutMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    const states = await Promise.all(servers.map((s) => health(s).then((h) => h.body).catch(() => null)));
    last = states.map((b) => (b ? `${b.status}/redis ${b.redis.status}/breaker ${b.cache.breaker}/pending ${b.cache.pendingInvalidations}` : 'no answer')).join(', ');
    if (states.every((b) => b && b.status === 'ok' && b.cache.breaker === 'closed' && Number(b.cache.pendingInvalidations) === 0)) return `settled: ${last}`;
    await new Promise((r) => setTimeout(r, 250));
  }
  return `NOT settled after ${timeoutMs} ms: ${last}`;
}

export async function verify(cluster: Cluster, workload: Workload): Promise<Verification> {
  const settled = await waitSettled([cluster.a, cluster.b], 20_000);
  const prisma = cluster.database.prisma;
  const rows = await prisma.transfer.findMany({ where: { note: { startsWith: 'chaos ' } }, select: { userId: true, note: true, amount: true, type: true } });
  const byNote = new Map<string, typeof rows>();
  for (const r of rows) byNote.set(r.note!, [...(byNote.get(r.note!) ?? []), r]);

  const lostWrites: string[] = [];
  let unackedCommitted = 0;
  const userOf = (w: WriteRecord) => cluster.users[w.user];
  for (const w of workload.writes) {
    const found = byNote.get(w.note) ?? [];
    if (w.outcome !== 'acked') {
      if (found.length > 0) unackedCommitted++;
      continue;
    }
    if (found.length !== 1) lostWrites.push(`${w.note} (${w.phase}, ${w.instance}): ${found.length} rows`);
    else if (found[0].userId !== userOf(w).userId || !new Decimal(found[0].amount.toString()).eq(w.amount) || found[0].type !== w.type) {
      lostWrites.push(`${w.note}: stored as ${found[0].type} ${found[0].amount} for another user or amount`);
    }
  }

  const staleAfterRun: string[] = [];
  for (const user of cluster.users) {
    const stored = await prisma.transfer.findMany({ where: { userId: user.userId }, select: { note: true, amount: true, type: true } });
    const sum = (type: string) => stored.filter((t) => t.type === type).reduce((acc, t) => acc.plus(t.amount.toString()), new Decimal(0));
    const expected = { deposits: usd(sum('DEPOSIT')), withdrawals: usd(sum('WITHDRAWAL')) };
    for (const instance of ['A', 'B'] as const) {
      await checkInstance(workload, instance, user, stored.map((t) => t.note ?? ''), expected, staleAfterRun);
    }
  }
  return { lostWrites, unackedCommitted, staleAfterRun, settled };
}

async function checkInstance(workload: Workload, instance: 'A' | 'B', user: ChaosUser, notes: string[], expected: { deposits: string; withdrawals: string }, stale: string[]) {
  const list = await workload.request(instance, 'verify', '/transfers', { user });
  if (list?.status !== 200) {
    stale.push(`${instance} /transfers for user ${user.index}: ${list?.status ?? 'no answer'}`);
  } else {
    const missing = notes.filter((n) => !list.body.includes(n));
    if (missing.length > 0) stale.push(`${instance} /transfers of user ${user.index} lacks ${missing.length} of ${notes.length} transfers (e.g. "${missing[0]}")`);
    const heading = new RegExp(`>${notes.length}<!-- --> <!-- -->transfers?<`).test(list.body) || list.body.includes(`>${notes.length} transfer`);
    if (!heading) stale.push(`${instance} /transfers of user ${user.index}: count heading is not ${notes.length}`);
  }
  const dashboard = await workload.request(instance, 'verify', '/dashboard', { user });
  if (dashboard?.status !== 200) {
    stale.push(`${instance} /dashboard for user ${user.index}: ${dashboard?.status ?? 'no answer'}`);
    return;
  }
  for (const [id, want] of [['total-deposits', expected.deposits], ['total-withdrawals', expected.withdrawals]] as const) {
    const shown = testIdText(dashboard.body, id);
    if (shown !== want) stale.push(`${instance} /dashboard of user ${user.index}: ${id} ${shown}, database says ${want}`);
  }
}
