/**
 * The chaos run's traffic: one loop per user, each request on instance A or B at random, a mix of
 * signed-in reads (dashboard, sites, transfers, the read-mark API), shared public pages (home,
 * article index, articles; with and without a cookie) and writes (a deposit or withdrawal through
 * the real Server Action form, posted like a browser without JavaScript). Every answer is timed
 * and scanned for other users' data; own-data pages are checked to show the viewer's own data.
 */
import type { NextServer } from '@/tests/helpers/chaos-app';
import type { ChaosUser, Cluster } from './cluster';
import { findForm, formBody } from './forms';
import type { LeakScanner } from './leaks';
import type { Sample } from './stats';

type Instance = 'A' | 'B';

export interface WriteRecord {
  user: number;
  /** Unique note: how the write is found in the database and on the pages. */
  note: string;
  type: 'DEPOSIT' | 'WITHDRAWAL';
  amount: string;
  instance: Instance;
  phase: string;
  /** When the write was started (epoch ms). */
  startedAt: number;
  /** acked: the action redirected (303) to the list; rejected: any other answer; failed: no answer. */
  outcome: 'acked' | 'rejected' | 'failed';
  detail?: string;
  /** The list the redirect leads to, on the same instance, shows it. */
  visibleHere?: boolean;
  /** The other instance's list, requested right after, shows it (informational during faults). */
  visibleThere?: boolean;
  /**
   * When it did not: ms from the acknowledgement until the other instance's list showed it
   * (polled every 250 ms for up to 15 s; null = not within that time).
   */
  convergedMs?: number | null;
}

interface Answer {
  status: number;
  body: string;
  location: string | null;
}

const REQUEST_TIMEOUT_MS = 15_000;
const CONVERGENCE_LIMIT_MS = 15_000;
const WEIGHTS: Array<[Op, number]> = [
  ['dashboard', 4],
  ['sites', 2],
  ['transfers', 2],
  ['read-api', 1],
  ['article', 4],
  ['article-anonymous', 2],
  ['articles', 1],
  ['home', 1],
  ['write', 3],
];
type Op = 'dashboard' | 'sites' | 'transfers' | 'read-api' | 'article' | 'article-anonymous' | 'articles' | 'home' | 'write';
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

function pickOp(): Op {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [op, w] of WEIGHTS) if ((r -= w) < 0) return op;
  return 'dashboard';
}

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Workload {
  readonly samples: Sample[] = [];
  readonly writes: WriteRecord[] = [];
  /** A signed-in page without the viewer's own data, or a read-mark answer for someone else. */
  readonly wrongContent: string[] = [];
  private readonly seq = new Map<number, number>();

  constructor(
    private readonly cluster: Cluster,
    private readonly scanner: LeakScanner,
    private readonly phaseNow: () => string,
  ) {}

  server(instance: Instance): NextServer {
    return instance === 'A' ? this.cluster.a : this.cluster.b;
  }

  /** One timed request; the body is scanned for leaks. Null when there was no answer. */
  async request(instance: Instance, op: string, path: string, opts: { user?: ChaosUser | null; shared?: boolean; method?: string; body?: FormData } = {}): Promise<Answer | null> {
    const server = this.server(instance);
    const phase = this.phaseNow();
    const headers: Record<string, string> = {};
    if (opts.user) headers.cookie = `se_session=${opts.user.token}`;
    if (opts.method === 'POST') headers.origin = server.url;
    const started = performance.now();
    try {
      const res = await fetch(`${server.url}${path}`, { method: opts.method ?? 'GET', headers, body: opts.body, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const body = await res.text();
      this.samples.push({ phase, instance, op, status: res.status, ms: performance.now() - started });
      this.scanner.scan(opts.user ?? null, `${instance} ${opts.method ?? 'GET'} ${path}`, body, opts.shared ?? false);
      return { status: res.status, body, location: res.headers.get('location') };
    } catch (err) {
      this.samples.push({ phase, instance, op, status: 0, ms: performance.now() - started, error: (err as Error).name });
      return null;
    }
  }

  /** Requests until `deadline` (epoch ms), with a short think time between them. */
  async userLoop(user: ChaosUser, deadline: number): Promise<void> {
    while (Date.now() < deadline) {
      const instance: Instance = Math.random() < 0.5 ? 'A' : 'B';
      await this.step(user, instance, pickOp());
      await sleep(20 + Math.random() * 60);
    }
  }

  private expectOwn(answer: Answer | null, user: ChaosUser, what: string, needle: string, where: string) {
    if (answer?.status === 200 && !answer.body.includes(needle)) this.wrongContent.push(`${where}: user ${user.index}'s ${what} without "${needle}"`);
  }

  async step(user: ChaosUser, instance: Instance, op: Op): Promise<void> {
    const slugs = this.cluster.slugs;
    switch (op) {
      case 'dashboard': {
        const answer = await this.request(instance, op, '/dashboard', { user });
        this.expectOwn(answer, user, 'dashboard', user.amountText, `${instance} /dashboard`);
        return;
      }
      case 'sites': {
        const answer = await this.request(instance, op, '/sites', { user });
        this.expectOwn(answer, user, 'site list', user.holdingName, `${instance} /sites`);
        return;
      }
      case 'transfers':
        await this.request(instance, op, '/transfers', { user });
        return;
      case 'read-api': {
        const slug = pick([user.readSlug, ...slugs]);
        const answer = await this.request(instance, op, `/api/articles/${slug}/read`, { user });
        if (answer?.status === 200) {
          const got = JSON.parse(answer.body) as { signedIn: boolean; read: boolean };
          const expected = { signedIn: true, read: slug === user.readSlug };
          if (got.signedIn !== expected.signedIn || got.read !== expected.read) {
            this.wrongContent.push(`${instance} read mark of ${slug} for user ${user.index}: ${answer.body}, expected ${JSON.stringify(expected)}`);
          }
        }
        return;
      }
      case 'article':
        await this.request(instance, op, `/articles/${pick(slugs)}`, { user, shared: true });
        return;
      case 'article-anonymous':
        await this.request(instance, op, `/articles/${pick(slugs)}`, { shared: true });
        return;
      case 'articles':
        await this.request(instance, op, '/articles', { user, shared: true });
        return;
      case 'home':
        await this.request(instance, op, '/', { user: Math.random() < 0.5 ? user : null, shared: true });
        return;
      case 'write':
        await this.write(user, instance);
        return;
    }
  }

  /** A deposit or withdrawal through the form, then the list on this instance and on the other. */
  async write(user: ChaosUser, instance: Instance): Promise<void> {
    const n = (this.seq.get(user.index) ?? 0) + 1;
    this.seq.set(user.index, n);
    const type = Math.random() < 0.7 ? 'DEPOSIT' : 'WITHDRAWAL';
    const record: WriteRecord = {
      user: user.index,
      note: `chaos ${user.tag} w${n}`,
      type,
      amount: (1 + Math.floor(Math.random() * 900) / 100).toFixed(2),
      instance,
      phase: this.phaseNow(),
      startedAt: Date.now(),
      outcome: 'failed',
    };
    this.writes.push(record);
    const path = `/transfers/new?type=${type}`;
    const page = await this.request(instance, 'write-form', path, { user });
    if (!page || page.status !== 200) {
      record.detail = `form page ${page?.status ?? 'no answer'}`;
      record.outcome = page ? 'rejected' : 'failed';
      return;
    }
    const form = findForm(page.body, 'amount');
    if (!form) {
      record.outcome = 'rejected';
      record.detail = 'no action form in the page';
      return;
    }
    const fields = { type, date: form.values.date || new Date().toISOString().slice(0, 10), amount: record.amount, currency: 'USD', note: record.note };
    const posted = await this.request(instance, 'write-post', path, { user, method: 'POST', body: formBody(form, fields) });
    if (!posted) return; // failed: unknown whether it committed (checked in the database later)
    if (posted.status !== 303 || !posted.location?.startsWith('/transfers?done=')) {
      record.outcome = 'rejected';
      record.detail = `POST answered ${posted.status} ${posted.location ?? ''}`.trim();
      return;
    }
    record.outcome = 'acked';
    const ackedAt = Date.now();
    const here = await this.request(instance, 'write-follow', posted.location, { user });
    record.visibleHere = here?.status === 200 && here.body.includes(record.note);
    const other: Instance = instance === 'A' ? 'B' : 'A';
    const there = await this.request(other, 'write-other', '/transfers', { user });
    record.visibleThere = there?.status === 200 && there.body.includes(record.note);
    if (!record.visibleThere) record.convergedMs = await this.convergence(other, user, record.note, ackedAt);
  }

  /** Polls the other instance's list until it shows `note`: how long a reader there saw the old list. */
  private async convergence(instance: Instance, user: ChaosUser, note: string, since: number): Promise<number | null> {
    while (Date.now() - since < CONVERGENCE_LIMIT_MS) {
      await sleep(250);
      const answer = await this.request(instance, 'write-other', '/transfers', { user });
      if (answer?.status === 200 && answer.body.includes(note)) return Date.now() - since;
    }
    return null;
  }
}
