/**
 * Fetches today's exchange rates from RATES_URL and stores them (ExchangeRate, one row per
 * currency and UTC day, source "http"). Runs inside the app (lib/rates/scheduler.ts) and from
 * the CLI (scripts/rates-refresh.ts), so it does not touch Next's cache: the caller
 * invalidates the rates tag.
 *
 * A failed refresh writes nothing, so the last good rates stay in force (and with no rates
 * at all, the seeded/fallback table). It logs one line saying why, never the URL (it may
 * carry an API key).
 */
import type Decimal from 'decimal.js';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { SUPPORTED_CURRENCIES } from '@/lib/domain/currency';
import { dayKeyToDate, toDayKey, type DayKey } from '@/lib/domain/days';
import { parseRatesResponse } from './parse';

export const RATE_SOURCE_HTTP = 'http';
export const FETCH_TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 1_000_000;

type Db = Pick<PrismaClient, '$transaction' | 'exchangeRate'>;

export type RefreshResult =
  | { status: 'updated'; reason: string; day: DayKey; rates: Record<string, string> }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

export interface RefreshOptions {
  now?: Date;
  /** Default: process.env.RATES_URL. */
  url?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  prisma?: Db;
  /** One line per outcome; default console. */
  log?: (level: 'info' | 'warn', line: string) => void;
}

const defaultLog = (level: 'info' | 'warn', line: string) => (level === 'warn' ? console.warn(line) : console.log(line));

/** Why a request failed, without the URL. */
function describeFetchError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string }; code?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no complete answer within ${timeoutMs / 1000} s`;
  const code = e?.cause?.code ?? e?.code;
  return code ? `request failed (${code})` : 'request failed';
}

async function download(url: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<{ ok: true; body: string } | { ok: false; reason: string }> {
  try {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      return { ok: false, reason: `the rate source answered HTTP ${res.status}` };
    }
    if (Number(res.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return { ok: false, reason: 'the response is too large' };
    const body = await res.text();
    if (body.length > MAX_BODY_BYTES) return { ok: false, reason: 'the response is too large' };
    return { ok: true, body };
  } catch (error) {
    return { ok: false, reason: describeFetchError(error, timeoutMs) };
  }
}

async function store(prisma: Db, rates: Record<string, Decimal>, day: DayKey, now: Date): Promise<void> {
  const effectiveOn = dayKeyToDate(day);
  await prisma.$transaction(async (tx) => {
    // The rows reference the currency table; on a never-seeded database create the codes.
    await tx.currency.createMany({ data: SUPPORTED_CURRENCIES.map(({ code, name, symbol, minorDigits }) => ({ code, name, symbol, minorDigits })), skipDuplicates: true });
    for (const [currencyCode, rate] of Object.entries(rates)) {
      const value = rate.toFixed();
      await tx.exchangeRate.upsert({
        where: { currencyCode_effectiveOn: { currencyCode, effectiveOn } },
        create: { currencyCode, effectiveOn, rate: value, source: RATE_SOURCE_HTTP, fetchedAt: now },
        update: { rate: value, source: RATE_SOURCE_HTTP, fetchedAt: now },
      });
    }
  });
}

export async function refreshRates(options: RefreshOptions = {}): Promise<RefreshResult> {
  const now = options.now ?? new Date();
  const url = options.url ?? process.env.RATES_URL;
  const log = options.log ?? defaultLog;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  if (!url) return { status: 'skipped', reason: 'RATES_URL is not set' };

  const failed = (reason: string): RefreshResult => {
    log('warn', `[rates] refresh failed: ${reason}; keeping the last good rates`);
    return { status: 'failed', reason };
  };
  const fetched = await download(url, options.fetchImpl ?? fetch, timeoutMs);
  if (!fetched.ok) return failed(fetched.reason);
  const parsed = parseRatesResponse(fetched.body);
  if (!parsed.ok) return failed(parsed.reason);

  const day = toDayKey(now);
  try {
    await store(options.prisma ?? (await db()), parsed.rates, day, now);
  } catch (error) {
    return failed(`could not save the rates (${(error as { code?: string }).code ?? (error as Error).name})`);
  }
  const count = Object.keys(parsed.rates).length;
  const reason = `${count} rates for ${day}${parsed.missing.length ? ` (not in the response: ${parsed.missing.join(', ')})` : ''}`;
  log('info', `[rates] updated ${reason}`);
  return { status: 'updated', reason, day, rates: Object.fromEntries(Object.entries(parsed.rates).map(([c, r]) => [c, r.toFixed()])) };
}
