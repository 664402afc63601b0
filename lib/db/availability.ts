/**
 * Is the database reachable? One answer per process, shared by code that Next bundles separately
 * (proxy.ts, instrumentation.ts, pages): module state is per bundle, so the state lives on
 * globalThis under a registered symbol.
 *
 * Flow: a request fails with a connection error -> instrumentation's onRequestError calls
 * `reportDatabaseError` -> the database is marked down and a probe loop starts (SELECT 1 every
 * second) -> while down, proxy.ts answers pages with a friendly 503 instead of letting each render
 * fail -> the first successful probe marks it up and the loop stops.
 *
 * No imports on purpose: the proxy bundle must not pull in Prisma. The probe is passed in.
 */

export interface DatabaseAvailability {
  down: boolean;
  /** When the current state began (epoch ms); null before the first outage. */
  since: number | null;
  /** The kind of the error that marked it down ('ECONNREFUSED', 'DatabaseNotReachable', ...). */
  reason: string | null;
  /** Outages noticed since the process started. */
  outages: number;
}

interface Internal extends DatabaseAvailability {
  probing: boolean;
}

const KEY = Symbol.for('stakeeasy.db-availability');
/** Where a render that discovers an outage redirects; proxy.ts answers it with the 503 page. */
export const UNAVAILABLE_PATH = '/unavailable';

export const PROBE_INTERVAL_MS = 1000;
export const PROBE_TIMEOUT_MS = 1000;

function state(): Internal {
  const g = globalThis as unknown as Record<symbol, Internal | undefined>;
  return (g[KEY] ??= { down: false, since: null, reason: null, outages: 0, probing: false });
}

export function databaseAvailability(): DatabaseAvailability {
  const { down, since, reason, outages } = state();
  return { down, since, reason, outages };
}

export const databaseDown = (): boolean => state().down;

export function markDatabaseDown(reason: string): void {
  const s = state();
  if (s.down) return;
  Object.assign(s, { down: true, since: Date.now(), reason, outages: s.outages + 1 });
}

export function markDatabaseUp(): void {
  const s = state();
  if (!s.down) return;
  Object.assign(s, { down: false, since: Date.now(), reason: null });
}

// ───────────────────────────────────── connection errors ─────────────────────────────────────

/** Node socket codes meaning "the server cannot be reached / the connection died". */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
/**
 * PostgreSQL SQLSTATEs of a server going away: admin/crash shutdown, "the database system is
 * starting up / shutting down", and the connection-exception class.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
/** Prisma: can't reach server, timed out reaching it, server closed the connection. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017']);
/** Driver adapter error kinds (@prisma/adapter-pg maps socket errors to these). */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
/**
 * Messages without a code: `pg` when an open connection's socket closes ("Connection terminated
 * unexpectedly") or a connect times out; Prisma's text for DatabaseNotReachable inside a P2010
 * ("Raw query failed ... Can't reach database server").
 */
const MESSAGES = /Connection terminated|Can't reach database server|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * The reason `err` is a lost/refused database connection, or null when it is anything else
 * (a bug, a constraint violation...). Looks through `cause`, AggregateError's `errors` and
 * Prisma's `meta.driverAdapterError`, which is where the real socket error ends up:
 * - refused / unknown host: PrismaClientKnownRequestError P1001 (model queries, transactions) or
 *   P2010 (raw queries), with meta.driverAdapterError.cause.kind = 'DatabaseNotReachable';
 * - an open connection cut: a plain Error "Connection terminated unexpectedly";
 * - the server shutting down / terminating the backend: SQLSTATE 57P01..57P03 (as `code` on pg's
 *   error, as `originalCode` on the adapter's).
 */
export function connectionErrorReason(err: unknown): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0 && seen.size < 20) {
    const e = queue.shift();
    if (e === null || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const o = e as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; errors?: unknown; meta?: { driverAdapterError?: unknown } };
    for (const code of [o.code, o.originalCode]) {
      if (typeof code === 'string' && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATES.has(code))) return code;
    }
    if (typeof o.kind === 'string' && ADAPTER_KINDS.has(o.kind)) return o.kind;
    if (typeof o.message === 'string') {
      const m = MESSAGES.exec(o.message);
      if (m) return m[0];
    }
    queue.push(o.cause, o.meta?.driverAdapterError);
    if (Array.isArray(o.errors)) queue.push(...o.errors);
  }
  return null;
}

export const isConnectionError = (err: unknown): boolean => connectionErrorReason(err) !== null;

// ──────────────────────────────────────────── probe ──────────────────────────────────────────

/** `attempt`'s outcome, or 'pending' if it has not settled within `ms`. */
async function within(attempt: Promise<boolean>, ms: number): Promise<boolean | 'pending'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'pending'>((resolve) => {
    timer = setTimeout(() => resolve('pending'), ms);
  });
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ProbeOptions {
  intervalMs?: number;
  timeoutMs?: number;
}

/**
 * Checks the database with `probe` now and then every `intervalMs` until it answers, then marks it
 * up. One loop per process however many requests fail meanwhile. The first check runs at once, so
 * a single dropped connection (database fine) only makes pages 503 for one round trip. A probe
 * that hangs (a host that drops packets) is not stacked with new ones: the loop keeps waiting on
 * it, in `timeoutMs` slices, so at most one probe holds a pool connection.
 */
export function startProbing(probe: () => Promise<unknown>, { intervalMs = PROBE_INTERVAL_MS, timeoutMs = PROBE_TIMEOUT_MS }: ProbeOptions = {}): void {
  const s = state();
  if (s.probing) return;
  s.probing = true;
  const loop = async () => {
    let attempt: Promise<boolean> | null = null;
    try {
      while (s.down) {
        const started = Date.now();
        attempt ??= Promise.resolve()
          .then(probe)
          .then(
            () => true,
            () => false,
          );
        const outcome = await within(attempt, timeoutMs);
        if (outcome === true) {
          markDatabaseUp();
          break;
        }
        if (outcome === false) attempt = null;
        await new Promise((r) => setTimeout(r, Math.max(0, intervalMs - (Date.now() - started))));
      }
    } finally {
      s.probing = false;
    }
  };
  void loop();
}

/**
 * Called with any error a request ended with. A connection error marks the database down and
 * starts probing; anything else is ignored. Returns whether it was a connection error.
 */
export function reportDatabaseError(err: unknown, probe: () => Promise<unknown>, options?: ProbeOptions): boolean {
  const reason = connectionErrorReason(err);
  if (!reason) return false;
  markDatabaseDown(reason);
  startProbing(probe, options);
  return true;
}
