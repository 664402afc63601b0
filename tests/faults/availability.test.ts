/**
 * lib/db/availability.ts without a server: which errors count as "database unreachable" (shapes
 * measured with Prisma 7 + @prisma/adapter-pg against a cut TCP proxy, see database-outage.test.ts
 * for the real thing), and the probe loop's state changes.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import {
  connectionErrorReason,
  databaseAvailability,
  databaseDown,
  isConnectionError,
  markDatabaseUp,
  reportDatabaseError,
} from '@/lib/db/availability';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

const BASE = process.env.TEST_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('isConnectionError', () => {
  it('recognises socket codes, Prisma codes, adapter kinds and pg messages, also nested', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect', errno: -111 });
    expect(connectionErrorReason(refused)).toBe('ECONNREFUSED');
    expect(connectionErrorReason(new Error('render failed', { cause: refused }))).toBe('ECONNREFUSED');
    expect(connectionErrorReason(new AggregateError([refused], 'all addresses failed'))).toBe('ECONNREFUSED');
    expect(connectionErrorReason(Object.assign(new Error("Can't reach database server"), { code: 'P1001' }))).toBe('P1001');
    expect(connectionErrorReason({ code: 'P1017', message: 'Server has closed the connection.' })).toBe('P1017');
    // $queryRaw: P2010 whose driver adapter error says DatabaseNotReachable
    const raw = Object.assign(new Error('Raw query failed.'), {
      code: 'P2010',
      meta: { driverAdapterError: Object.assign(new Error('DatabaseNotReachable'), { cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 } }) },
    });
    expect(connectionErrorReason(raw)).toBe('DatabaseNotReachable');
    expect(connectionErrorReason({ cause: { kind: 'ConnectionClosed' } })).toBe('ConnectionClosed');
    expect(connectionErrorReason({ cause: { kind: 'SocketTimeout' } })).toBe('SocketTimeout');
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(new Error('timeout exceeded when trying to connect'))).toBe(true);
    // server shutting down / backend terminated, from pg and from the adapter
    expect(connectionErrorReason({ code: '57P01', severity: 'FATAL', message: 'terminating connection due to administrator command' })).toBe('57P01');
    expect(connectionErrorReason({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57P03' } } } })).toBe('57P03');
  });

  it('ignores everything else', () => {
    expect(isConnectionError(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isConnectionError({ code: 'P2002', message: 'Unique constraint failed' })).toBe(false);
    expect(isConnectionError({ code: '23505', severity: 'ERROR', message: 'duplicate key value violates unique constraint' })).toBe(false);
    expect(isConnectionError({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation' } } } })).toBe(false);
    expect(isConnectionError(Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/sign-in;307;' }))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
    expect(isConnectionError('a string')).toBe(false);
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(isConnectionError(loop)).toBe(false);
  });
});

describe('what Prisma 7 + adapter-pg actually throw', () => {
  let proxy: TcpProxy;
  let prisma: PrismaClient;
  afterAll(async () => {
    await prisma?.$disconnect();
    await proxy?.close();
  });

  it('every failure while the server is cut is a connection error; recovery needs no restart', async () => {
    proxy = await startTcpProxy({ port: 5432 });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: `${BASE.replace(/:\d+$/, `:${proxy.port}`)}/postgres`, max: 2 }) });
    await prisma.$queryRaw`SELECT 1`;
    const failures: unknown[] = [];
    const attempt = (work: () => Promise<unknown>) => work().then(() => failures.push('no error'), (err) => failures.push(err));

    await proxy.cut('refuse'); // pooled connection dies, new ones are refused
    await attempt(() => prisma.$queryRaw`SELECT 1`); // "Connection terminated unexpectedly"
    await attempt(() => prisma.$queryRaw`SELECT 1`); // P2010 + DatabaseNotReachable
    await attempt(() => prisma.user.findFirst()); // P1001
    await attempt(() => prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`)); // P1001
    await proxy.restore();
    await prisma.$queryRaw`SELECT 1`;
    await proxy.cut('reset'); // accepted, then closed at once
    await attempt(() => prisma.$queryRaw`SELECT 1`);
    await attempt(() => prisma.user.count());
    await proxy.restore();

    expect(failures.length).toBe(6);
    for (const f of failures) expect(connectionErrorReason(f), String(f)).not.toBeNull();
    await expect(prisma.$queryRaw`SELECT 1`).resolves.toBeTruthy();
  });
});

describe('reportDatabaseError + probe loop', () => {
  afterEach(() => markDatabaseUp());

  it('marks down on a connection error, probes until the probe succeeds, then marks up', async () => {
    let healthy = false;
    let probes = 0;
    const probe = async () => {
      probes++;
      if (!healthy) throw new Error('connect ECONNREFUSED');
    };
    expect(reportDatabaseError(new Error('Connection terminated unexpectedly'), probe, { intervalMs: 20, timeoutMs: 50 })).toBe(true);
    expect(databaseDown()).toBe(true);
    expect(databaseAvailability()).toMatchObject({ down: true, reason: 'Connection terminated' });
    // a second failing request does not start a second loop
    reportDatabaseError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), probe, { intervalMs: 20, timeoutMs: 50 });
    await sleep(120);
    expect(databaseDown()).toBe(true);
    expect(probes).toBeGreaterThanOrEqual(3);
    expect(probes).toBeLessThanOrEqual(8);
    healthy = true;
    await sleep(80);
    expect(databaseDown()).toBe(false);
    const after = probes;
    await sleep(80);
    expect(probes).toBe(after); // stopped
  });

  it('ignores other errors', () => {
    expect(reportDatabaseError(new TypeError('boom'), async () => {})).toBe(false);
    expect(databaseDown()).toBe(false);
  });

  it('never stacks probes behind one that hangs, and a late success still counts', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let release: () => void = () => {};
    const probe = () =>
      new Promise<void>((resolve) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        release = () => {
          inFlight--;
          resolve();
        };
      });
    reportDatabaseError({ code: 'ETIMEDOUT' }, probe, { intervalMs: 10, timeoutMs: 20 });
    await sleep(150);
    expect(maxInFlight).toBe(1);
    expect(databaseDown()).toBe(true);
    release();
    await sleep(60);
    expect(databaseDown()).toBe(false);
  });
});
