/**
 * The Lua scripts, on our own redis-server:
 * - every key a script touches is declared in KEYS (checked from MONITOR, which shows the
 *   commands a script runs), so servers that refuse undeclared keys accept them;
 * - property tests: the Lua tag algebra and its JS twin (applyOp / evaluate in tags.mjs) agree,
 *   both through a driver with chosen times and through the production invalidate script.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { LUA_ALGEBRA } from '../src/scripts.mjs';
import { applyOp, evaluate, emptyRecord, type TagOp, type TagRecord } from '../src/tags.mjs';
import { getCtx, ownRedis, fetchValue, appPageValue, uniquePrefix, PAGE_CC } from './fixtures';

const redis = ownRedis({ timeoutMs: 1000 });
const core = (prefix = uniquePrefix('scripts')) => redis.core(prefix);

/** Commands that name no key (their arguments are not keys). */
const KEYLESS = new Set(['time', 'publish']);

describe('declared keys', () => {
  it('every command run inside a script touches only keys the script was given in KEYS', async () => {
    const A = core();
    const B = core(A.cfg.keyPrefix);
    await Promise.all([A.ready(), B.ready()]);
    const conn = new Redis(redis.srv.url);
    const mon = await conn.monitor();
    const lines: Array<{ lua: boolean; args: string[] }> = [];
    mon.on('monitor', (_t: string, args: string[], source: string) => lines.push({ lua: /lua/i.test(source), args }));
    await new Promise((r) => setTimeout(r, 50));
    try {
      // every script path: set (with and without a slot), get (known / unknown tags, L1 copy,
      // absent, malformed), invalidate (one / several tags, stale / expire, malformed record)
      await A.set('f', fetchValue('f', ['t1', 't2']), { fetchCache: true, tags: ['t1', 't2'] });
      await A.set('pg', appPageValue('_N_T_/a,t3'), { cacheControl: PAGE_CC });
      await A.set('u:v1', fetchValue('v1', ['_immutable', '_slot:u']), { fetchCache: true, tags: ['_immutable', '_slot:u'] });
      await A.set('u:v2', fetchValue('v2', ['_immutable', '_slot:u']), { fetchCache: true, tags: ['_immutable', '_slot:u'] });
      await B.get('f', getCtx('FETCH', { tags: ['t1'], softTags: ['_N_T_/x'] }));
      await B.get('f', getCtx('FETCH', { tags: ['t1'], softTags: ['_N_T_/x'] }));
      await B.get('pg', getCtx('APP_PAGE'));
      await B.get('absent', getCtx('FETCH'));
      await redis.raw.lpush(A.store!.entryKey('bad', 'FETCH'), 'x');
      await redis.raw.set(A.store!.tagKey('t2'), 'x');
      await B.get('bad', getCtx('FETCH'));
      B.l1.clear();
      await B.get('f', getCtx('FETCH', { tags: ['t1', 't2'] }));
      await A.revalidateTag(['t1', 't2', 't3'], { expire: 60 });
      await A.revalidateTag('t1');
    } finally {
      await new Promise((r) => setTimeout(r, 100));
      mon.disconnect();
      conn.disconnect();
    }
    let scripts = 0;
    let inside = 0;
    let declared = new Set<string>();
    for (const { lua, args } of lines) {
      const cmd = args[0].toLowerCase();
      if (!lua) {
        if (cmd === 'evalsha' || cmd === 'eval') {
          scripts++;
          const n = Number(args[2]);
          declared = new Set(args.slice(3, 3 + n));
        } else {
          declared = new Set();
        }
        continue;
      }
      inside++;
      if (KEYLESS.has(cmd)) continue;
      expect(declared.has(args[1]), `${args.join(' ')} inside a script declaring ${[...declared].join(', ')}`).toBe(true);
    }
    expect(scripts).toBeGreaterThanOrEqual(10);
    expect(inside).toBeGreaterThan(scripts);
  });
});

// ─── the algebra ────────────────────────────────────────────────────────────────────────────

// Driver around the production algebra: ARGV = s, x, p, pa, then (mode, expire or '', now)...
// Reply: the record after each operation.
const DRIVER = `${LUA_ALGEBRA}
local s, x, p, pa = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local out = {}
for i = 5, #ARGV, 3 do
  s, x, p, pa = apply_op(s, x, p, pa, ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2]))
  for _, v in ipairs({s, x, p, pa}) do out[#out + 1] = string.format('%.0f', v) end
end
return out
`;

const opArb: fc.Arbitrary<TagOp> = fc.oneof(
  fc.constant<TagOp>({ kind: 'expire' }),
  fc.constant<TagOp>({ kind: 'stale' }),
  fc.record({ kind: fc.constant<'stale'>('stale'), expire: fc.oneof(fc.constantFrom(0, 1, 60, 31536000), fc.double({ min: 0, max: 0.01, noNaN: true }), fc.integer({ min: -5, max: 5 })) }),
);
const T0 = 1_760_000_000_000_000; // µs, a realistic Redis time

const toArgs = (op: TagOp) => [op.kind === 'expire' ? 'x' : 's', op.kind === 'stale' && op.expire !== undefined ? String(op.expire) : ''];
const recOf = (parts: string[], i: number): TagRecord => ({ s: Number(parts[i]), x: Number(parts[i + 1]), p: Number(parts[i + 2]), pa: Number(parts[i + 3]) });

describe('Lua tag algebra = JS twin (property tests on a real redis-server)', () => {
  it('any sequence of operations at any increasing times yields the same records and the same verdicts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(opArb, fc.integer({ min: 0, max: 5_000_000 })), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: -1_000_000, max: 70_000_000 }), { minLength: 1, maxLength: 6 }),
        async (steps, probes) => {
          let now = T0;
          const argv: string[] = ['0', '0', '0', '0'];
          const js: TagRecord[] = [];
          let rec = emptyRecord();
          for (const [op, dt] of steps) {
            now += dt;
            argv.push(...toArgs(op), String(now));
            rec = applyOp(rec, op, now);
            js.push(rec);
          }
          const reply = (await redis.raw.eval(DRIVER, 0, ...argv)) as string[];
          js.forEach((r, i) => expect(recOf(reply, i * 4), `after op ${i}`).toEqual(r));
          const last = recOf(reply, (js.length - 1) * 4);
          for (const d of probes) {
            const written = T0 + d;
            for (const at of [now, now + 2_000_000, now + 60_000_000]) expect(evaluate(written, [last], at)).toBe(evaluate(written, [rec], at));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the production invalidate script (real Redis TIME) agrees with applyOp, also from a malformed record', async () => {
    const A = core();
    await A.ready();
    const store = A.store!;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), fc.boolean(), async (ops, poisoned) => {
        const tag = `prop-${run++}`;
        if (poisoned) await redis.raw.set(store.tagKey(tag), 'not a hash');
        let rec: TagRecord | null = poisoned ? null : emptyRecord();
        for (const op of ops) {
          const res = await store.invalidate([tag], op);
          // what the script must have started from when the record was malformed
          const base: TagRecord = rec ?? { s: 0, x: res.now, p: 0, pa: 0 };
          rec = applyOp(base, op, res.now);
          expect(res.records[0][1]).toEqual(rec);
          const stored = await redis.raw.hgetall(store.tagKey(tag));
          expect({ s: Number(stored.s), x: Number(stored.x), p: Number(stored.p), pa: Number(stored.pa) }).toEqual(rec);
        }
      }),
      { numRuns: 100 },
    );
  });
});
