import 'server-only';
import Decimal from 'decimal.js';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { FALLBACK_RATES, type DatedRate, type Rates } from '@/lib/domain/currency';
import { defineRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';

type RateRow = { currency: string; rate: string; effectiveOn: string };
type RateRecord = { currencyCode: string; rate: { toString(): string }; effectiveOn: Date };
type RatesClient = Pick<Prisma.TransactionClient, 'exchangeRate'>;

const RATES_TTL_SECONDS = 24 * 3600;
const rateSelect = { currencyCode: true, rate: true, effectiveOn: true } satisfies Prisma.ExchangeRateSelect;
const newestFirstPerCurrency = {
  distinct: ['currencyCode'],
  orderBy: [{ currencyCode: 'asc' }, { effectiveOn: 'desc' }],
} satisfies Prisma.ExchangeRateFindManyArgs;
const toRow = (r: RateRecord): RateRow => ({ currency: r.currencyCode, rate: r.rate.toString(), effectiveOn: r.effectiveOn.toISOString() });

/** The rates (units per 1 USD) over the built-in table: a currency without a stored rate keeps its fallback. */
export function ratesFrom(rows: readonly { currencyCode: string; rate: { toString(): string } }[]): Rates {
  const rates: Rates = { ...FALLBACK_RATES };
  for (const r of rows) rates[r.currencyCode] = new Decimal(r.rate.toString());
  return rates;
}

/** The newest stored rate of every currency, as one query: shared by the cached read and the writes' in-transaction totals. */
export function newestRateRows(client: RatesClient): Promise<RateRecord[]> {
  return client.exchangeRate.findMany({ ...newestFirstPerCurrency, select: rateSelect });
}

export const latestRateRows = defineRead({
  name: 'rates-latest',
  tags: () => [tags.rates()],
  load: async (): Promise<RateRow[]> => (await newestRateRows(await db())).map(toRow),
  revalidate: RATES_TTL_SECONDS,
});

/** The newest rate of every currency (units per 1 USD), falling back to the built-in table. */
export async function latestRates(): Promise<Rates> {
  return ratesFrom((await latestRateRows()).map((r) => ({ currencyCode: r.currency, rate: r.rate })));
}

export const rateHistoryRows = defineRead({
  name: 'rates-history',
  tags: () => [tags.rates()],
  load: async (fromDay: string): Promise<RateRow[]> => {
    const prisma = await db();
    const from = new Date(`${fromDay}T00:00:00.000Z`);
    const [recent, before] = await Promise.all([
      prisma.exchangeRate.findMany({ where: { effectiveOn: { gte: from } }, orderBy: { effectiveOn: 'asc' }, select: rateSelect }),
      prisma.exchangeRate.findMany({ where: { effectiveOn: { lt: from } }, ...newestFirstPerCurrency, select: rateSelect }),
    ]);
    return [...before, ...recent].map(toRow);
  },
  revalidate: RATES_TTL_SECONDS,
});

/** The dated history since `from` plus the last rate before it, for charts. */
export async function rateHistory(from: Date): Promise<DatedRate[]> {
  const rows = await rateHistoryRows(from.toISOString().slice(0, 10));
  return rows.map((r) => ({ currency: r.currency, rate: new Decimal(r.rate), effectiveOn: new Date(r.effectiveOn) }));
}
