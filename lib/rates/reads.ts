import 'server-only';
import Decimal from 'decimal.js';
import { db } from '@/lib/db/client';
import { FALLBACK_RATES, type DatedRate, type Rates } from '@/lib/domain/currency';
import { cachedRead } from '@/lib/data-cache/read';
import { tags } from '@/lib/data-cache/tags';

type RateRow = { currency: string; rate: string; effectiveOn: string };

/** The newest rate of every currency (units per 1 USD), falling back to the built-in table. */
export async function latestRates(): Promise<Rates> {
  const rows = await cachedRead(['rates-latest'], [tags.rates()], async (): Promise<RateRow[]> => {
    const prisma = await db();
    const latest = await prisma.exchangeRate.findMany({
      distinct: ['currencyCode'],
      orderBy: [{ currencyCode: 'asc' }, { effectiveOn: 'desc' }],
      select: { currencyCode: true, rate: true, effectiveOn: true },
    });
    return latest.map((r) => ({ currency: r.currencyCode, rate: r.rate.toString(), effectiveOn: r.effectiveOn.toISOString() }));
  }, 24 * 3600);
  const rates: Rates = { ...FALLBACK_RATES };
  for (const r of rows) rates[r.currency] = new Decimal(r.rate);
  return rates;
}

/** The dated history since `from` plus the last rate before it, for charts. */
export async function rateHistory(from: Date): Promise<DatedRate[]> {
  const rows = await cachedRead(['rates-history', from.toISOString().slice(0, 10)], [tags.rates()], async (): Promise<RateRow[]> => {
    const prisma = await db();
    const [recent, before] = await Promise.all([
      prisma.exchangeRate.findMany({
        where: { effectiveOn: { gte: from } },
        orderBy: { effectiveOn: 'asc' },
        select: { currencyCode: true, rate: true, effectiveOn: true },
      }),
      prisma.exchangeRate.findMany({
        where: { effectiveOn: { lt: from } },
        distinct: ['currencyCode'],
        orderBy: [{ currencyCode: 'asc' }, { effectiveOn: 'desc' }],
        select: { currencyCode: true, rate: true, effectiveOn: true },
      }),
    ]);
    return [...before, ...recent].map((r) => ({ currency: r.currencyCode, rate: r.rate.toString(), effectiveOn: r.effectiveOn.toISOString() }));
  }, 24 * 3600);
  return rows.map((r) => ({ currency: r.currency, rate: new Decimal(r.rate), effectiveOn: new Date(r.effectiveOn) }));
}
