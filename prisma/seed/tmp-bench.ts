import { db, disconnectDb } from '@/lib/db/client';
import { generateRateHistory } from './rates';
import { randomUUID } from 'node:crypto';
const p = await db();
await p.$executeRawUnsafe('delete from "ExchangeRate"');
const rows = generateRateHistory('2026-11-22');
let t = performance.now();
for (let s = 0; s < rows.length; s += 2000) await p.exchangeRate.createMany({ data: rows.slice(s, s + 2000), skipDuplicates: true });
console.log('createMany', Math.round(performance.now() - t));
await p.$executeRawUnsafe('delete from "ExchangeRate"');
t = performance.now();
const n = await p.$executeRawUnsafe(`INSERT INTO "ExchangeRate" ("id","currencyCode","rate","effectiveOn","source") SELECT * FROM unnest($1::text[], $2::varchar[], $3::numeric[], $4::date[], $5::varchar[]) ON CONFLICT ("currencyCode","effectiveOn") DO NOTHING`,
  rows.map(() => randomUUID()), rows.map(r => r.currencyCode), rows.map(r => r.rate), rows.map(r => r.effectiveOn.toISOString().slice(0,10)), rows.map(r => r.source));
console.log('unnest', n, Math.round(performance.now() - t));
t = performance.now();
const c = await p.exchangeRate.count({ where: { effectiveOn: { gte: rows[0].effectiveOn } } });
console.log('count', c, Math.round(performance.now() - t));
await disconnectDb();
