// @ts-check
/**
 * One app instance of the cross-instance freshness test (section 4): a handler of its own in
 * its own process, driven over IPC by bench/sections/freshness.ts.
 *   argv[2] = JSON { kind: 'ours' | 'peer' | 'trieb', entry: 'data' | 'page', redisUrl, keyPrefix, timeoutMs }
 *   entry "data": an unstable_cache entry (kind FETCH); "page": an ISR page (APP_PAGE)
 * Messages in:
 *   { op: 'set', key, tag, marker }   write an entry; answers { ok }
 *   { op: 'update', key, tag }        writer A: revalidateTag([tag]) with no durations (what
 *                                     updateTag sends), then write marker 'new' like the re-render
 *                                     after a server action; answers { t0, t1, t2 } (hrtime ns as strings:
 *                                     before revalidateTag, after it resolved, after the new set)
 *   { op: 'watch', key, tag }         reader B: read until the entry shows 'old' (so B holds it,
 *                                     in its L1 for ours), answer { warm }, then keep reading
 *   { op: 'stop' }                    reader B: stop; answers { samples: [[startNs, endNs, marker]] }
 * process.hrtime is CLOCK_MONOTONIC, the same clock in every process of the machine.
 */
import { createHandler, fetchEntry, markerOf, pageEntry, pageGetCtx, pageSetCtx } from '../lib/handlers.mjs';

const cfg = JSON.parse(process.argv[2]);
const h = await createHandler(cfg.kind, cfg);
const now = () => process.hrtime.bigint();
const page = cfg.entry === 'page';
/** @type {(tag: string) => any} */
const ctxFor = page ? pageGetCtx : (tag) => ({ kind: 'FETCH', revalidate: 300, tags: [tag], softTags: ['_N_T_/layout', '_N_T_/dashboard'] });
/** @type {(tag: string) => any} */
const setCtxFor = page ? pageSetCtx : (tag) => ({ fetchCache: true, tags: [tag], fetchIdx: 1, fetchUrl: 'unstable_cache fresh', revalidate: 300 });
/** @type {(tag: string, marker: string) => any} */
const entryFor = page ? pageEntry : (_tag, marker) => fetchEntry(0, 256, marker);

/** @type {{ stop: boolean, samples: Array<[string, string, string | null]> } | null} */
let watching = null;

/**
 * @param {string} key
 * @param {string} tag
 */
async function watch(key, tag) {
  const w = { stop: false, samples: /** @type {Array<[string, string, string | null]>} */ ([]) };
  watching = w;
  for (;;) {
    const res = markerOf(await h.get(key, ctxFor(tag)));
    if (res === 'old') break;
    await new Promise((r) => setTimeout(r, 1));
  }
  process.send?.({ warm: true });
  while (!w.stop) {
    const t0 = now();
    const marker = markerOf(await h.get(key, ctxFor(tag)));
    w.samples.push([String(t0), String(now()), marker]);
    // yield to the IPC channel between reads
    await new Promise((r) => setImmediate(r));
  }
}

process.on('message', async (/** @type {any} */ msg) => {
  if (msg.op === 'set') {
    await h.set(msg.key, entryFor(msg.tag, msg.marker), setCtxFor(msg.tag));
    process.send?.({ ok: true });
  } else if (msg.op === 'update') {
    const t0 = now();
    await h.revalidateTag([msg.tag]);
    const t1 = now();
    await h.set(msg.key, entryFor(msg.tag, 'new'), setCtxFor(msg.tag));
    process.send?.({ t0: String(t0), t1: String(t1), t2: String(now()) });
  } else if (msg.op === 'watch') {
    void watch(msg.key, msg.tag);
  } else if (msg.op === 'stop') {
    const w = watching;
    if (w) w.stop = true;
    // let the read in flight finish
    await new Promise((r) => setTimeout(r, 5));
    process.send?.({ samples: w ? w.samples : [] });
    watching = null;
  } else if (msg.op === 'exit') {
    await h.close();
    process.exit(0);
  }
});
process.send?.({ ready: true });
