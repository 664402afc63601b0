// @ts-check
/**
 * Redis access for the cache handler: ioredis client (standalone or Cluster), Lua scripts, the
 * invalidation subscriber.
 *
 * Key design (P = CACHE_KEY_PREFIX, B = build id; "{", "}" and "%" in names are %-escaped so a
 * Next key or tag can never become a cluster hash tag):
 *   P e:B:<cache key>   hash { t: written-at µs (Redis time), g: JSON array of the entry's tags,
 *                        v: binary envelope }            TTL = entry TTL (<= CACHE_MAX_TTL_SECONDS)
 *   P t:<tag>           hash { s, x, p, pa } (see tags.mjs)  TTL = max entry TTL + 60 s, renewed
 *                        by every change: no build id, so a rolling deploy shares invalidations
 *   P clock             standalone only: last time handed out, makes Redis times strictly increasing
 *   P inv               pub/sub channel, one message per revalidateTag call: {i: instance, r: records}
 *
 * Round trips:
 *   standalone get   ONE EVALSHA: the script reads the entry's written-at and tags, the records of
 *                    those tags and of the request's tags/soft tags, and the payload unless the
 *                    caller's L1 copy has the same written-at.
 *   cluster get      the entry and the tag records live on different slots, so a script cannot
 *                    read them together (CROSSSLOT). Instead one EVALSHA on the entry key plus one
 *                    HMGET per tag are issued in the same tick; ioredis auto-pipelining sends them
 *                    as one pipeline per node, in parallel: one logical round trip. The entry's
 *                    own tags are known in advance from the L1 / a key->tags memo; only the first
 *                    read of a key whose tags are not known yet needs a second round trip.
 *   set / revalidate one EVALSHA (cluster: one per tag key, in parallel; each publishes).
 */
import { createRedisClient, createNodeClient } from '../redis-config.mjs';
import { parseRecord } from './tags.mjs';

/** @typedef {import('./tags.mjs').TagRecord} TagRecord */
/** @typedef {import('./tags.mjs').TagOp} TagOp */
/** @typedef {import('./config.mjs').CacheConfig} CacheConfig */

/**
 * @typedef {Object} ReadResult
 * @property {number} now Redis time (µs) when the entry was read
 * @property {null | { written: number, tags: string[], payload: Buffer | null }} entry
 *           payload null = identical to the caller's L1 copy
 * @property {Map<string, TagRecord>} records records of entry tags and requested tags
 * @property {number} roundTrips
 */

const LUA_COMMON = `
local function nowus()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000000 + tonumber(t[2])
end
local function fmt(n) return string.format('%.0f', n) end
`;

// KEYS[1] entry key, KEYS[2] clock key (optional)
// ARGV[1] payload, ARGV[2] tags JSON, ARGV[3] ttl ms
const LUA_SET = `${LUA_COMMON}
local now = nowus()
if KEYS[2] then
  local last = tonumber(redis.call('GET', KEYS[2]) or '0')
  if now <= last then now = last + 1 end
  redis.call('SET', KEYS[2], fmt(now))
end
redis.call('HSET', KEYS[1], 't', fmt(now), 'g', ARGV[2], 'v', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return fmt(now)
`;

// KEYS[1] entry key, KEYS[2..] keys of the requested tags
// ARGV[1] written-at of the caller's L1 copy or '', ARGV[2] tag key prefix ('' = do not read the
// entry's stored tags: cluster mode), ARGV[3..] requested tag names (parallel to KEYS[2..])
// Reply: {now} when absent, else {now, written, tagsJSON, payload or '' if same as L1,
//         name, s, x, p, pa, name, s, x, p, pa, ...}
const LUA_GET = `${LUA_COMMON}
local now = fmt(nowus())
local e = redis.call('HMGET', KEYS[1], 't', 'g')
if not e[1] then return {now} end
local out = {now, e[1], e[2] or '[]', ''}
if ARGV[1] ~= e[1] then out[4] = redis.call('HGET', KEYS[1], 'v') or '' end
local seen = {}
local function rec(name, key)
  if seen[name] then return end
  seen[name] = true
  local r = redis.call('HMGET', key, 's', 'x', 'p', 'pa')
  local n = #out
  out[n + 1] = name
  out[n + 2] = r[1] or '0'
  out[n + 3] = r[2] or '0'
  out[n + 4] = r[3] or '0'
  out[n + 5] = r[4] or '0'
end
for i = 3, #ARGV do rec(ARGV[i], KEYS[i - 1]) end
if ARGV[2] ~= '' then
  local ok, tags = pcall(cjson.decode, e[2] or '[]')
  if ok and type(tags) == 'table' then
    for _, name in ipairs(tags) do
      if type(name) == 'string' then
        rec(name, ARGV[2] .. (string.gsub(name, '[%%{}]', {['%'] = '%25', ['{'] = '%7B', ['}'] = '%7D'})))
      end
    end
  end
end
return out
`;

// KEYS: [clock key if ARGV[6] == '1'], tag keys...
// ARGV[1] 'x' (expire now) | 's' (stale now), ARGV[2] expire seconds or '', ARGV[3] record ttl ms,
// ARGV[4] channel, ARGV[5] instance id (JSON string), ARGV[6] '1' = KEYS[1] is the clock key,
// ARGV[7..] tag names as JSON strings (parallel to the tag keys)
// Reply: {now, s, x, p, pa, s, x, p, pa, ...}
const LUA_INVALIDATE = `${LUA_COMMON}
local now = nowus()
local first = 1
if ARGV[6] == '1' then
  local last = tonumber(redis.call('GET', KEYS[1]) or '0')
  if now <= last then now = last + 1 end
  redis.call('SET', KEYS[1], fmt(now))
  first = 2
end
local exp = tonumber(ARGV[2])
local parts = {}
local out = {fmt(now)}
for i = first, #KEYS do
  local r = redis.call('HMGET', KEYS[i], 's', 'x', 'p', 'pa')
  local s, x, p, pa = tonumber(r[1] or '0'), tonumber(r[2] or '0'), tonumber(r[3] or '0'), tonumber(r[4] or '0')
  if pa > 0 and pa <= now then
    if p > x then x = p end
    p = 0
    pa = 0
  end
  if ARGV[1] == 'x' then
    if now > x then x = now end
  else
    if now > s then s = now end
    if exp then
      local act = now + math.max(0, exp) * 1000000
      if act <= now then
        if now > x then x = now end
      elseif pa > 0 then
        if now > p then p = now end
        if act < pa then pa = act end
      else
        p = now
        pa = act
      end
    end
  end
  redis.call('HSET', KEYS[i], 's', fmt(s), 'x', fmt(x), 'p', fmt(p), 'pa', fmt(pa))
  redis.call('PEXPIRE', KEYS[i], ARGV[3])
  parts[#parts + 1] = '[' .. ARGV[i - first + 7] .. ',' .. fmt(s) .. ',' .. fmt(x) .. ',' .. fmt(p) .. ',' .. fmt(pa) .. ']'
  local n = #out
  out[n + 1] = fmt(s)
  out[n + 2] = fmt(x)
  out[n + 3] = fmt(p)
  out[n + 4] = fmt(pa)
end
redis.call('PUBLISH', ARGV[4], '{"i":' .. ARGV[5] .. ',"r":[' .. table.concat(parts, ',') .. ']}')
return out
`;

/**
 * ioredis's own commandTimeout. The handler enforces the budget (CACHE_REDIS_TIMEOUT_MS) with its
 * own deadline, which lets I/O that is already pending run before it declares a timeout; ioredis's
 * timer cannot, so when a render blocks the event loop past the budget it would reject a reply
 * that is sitting in the socket. It is therefore only a backstop for replies that never come, set
 * well above the budget (at least 2x + 100 ms, and 1 s) so that it never fires first.
 * @param {number} timeoutMs the handler's budget
 */
export function clientCommandTimeout(timeoutMs) {
  return Math.max(1000, 2 * timeoutMs + 100);
}

/** @param {string} s */
export function escapeKeyPart(s) {
  return s.replace(/[%{}]/g, (c) => (c === '%' ? '%25' : c === '{' ? '%7B' : '%7D'));
}

/** @param {unknown} v */
const str = (v) => (v === null || v === undefined ? '' : Buffer.isBuffer(v) ? v.toString('utf8') : String(v));

export class RedisStore {
  /**
   * @param {{
   *   cfg: CacheConfig,
   *   buildId: string,
   *   instanceId: string,
   *   onMessage: (records: Array<[string, TagRecord]>) => void,
   *   onSubscriber: (up: boolean) => void,
   *   onReady?: () => void,
   * }} opts
   */
  constructor(opts) {
    this.cfg = opts.cfg;
    this.instanceId = opts.instanceId;
    this.onMessage = opts.onMessage;
    this.onSubscriber = opts.onSubscriber;
    this.cluster = opts.cfg.mode === 'cluster';
    const P = opts.cfg.keyPrefix;
    this.entryPrefix = `${P}e:${escapeKeyPart(opts.buildId)}:`;
    this.tagPrefix = `${P}t:`;
    this.clockKey = `${P}clock`;
    this.channel = `${P}inv`;
    this.recordTtlMs = (opts.cfg.maxTtlSeconds + 60) * 1000;
    this.everReady = false;
    this.closed = false;
    this.subscribed = false;

    // Variable key counts for standalone; fixed single-key variants for cluster mode, where
    // ioredis auto-pipelining routes a command by its first argument (which must be the key).
    const scripts = {
      secSet: { lua: LUA_SET },
      secGet: { lua: LUA_GET },
      secInvalidate: { lua: LUA_INVALIDATE },
      secSet1: { lua: LUA_SET, numberOfKeys: 1 },
      secGet1: { lua: LUA_GET, numberOfKeys: 1 },
      secInvalidate1: { lua: LUA_INVALIDATE, numberOfKeys: 1 },
    };
    /** @param {number} times */
    const retryStrategy = (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000) + Math.floor(Math.random() * 100);
    const base = {
      enableOfflineQueue: false,
      commandTimeout: clientCommandTimeout(opts.cfg.timeoutMs),
      maxRetriesPerRequest: 1,
      autoResendUnfulfilledCommands: false,
      connectTimeout: Math.max(1000, opts.cfg.timeoutMs * 10),
      keepAlive: 10_000,
      connectionName: 'stakeeasy-cache',
      scripts,
    };
    this.client = this.cluster
      ? createRedisClient(opts.cfg, {
          // per-node connections (scripts and the offline queue are configured cluster-wide)
          redisOptions: {
            commandTimeout: base.commandTimeout,
            maxRetriesPerRequest: base.maxRetriesPerRequest,
            autoResendUnfulfilledCommands: false,
            connectTimeout: base.connectTimeout,
            keepAlive: base.keepAlive,
            connectionName: base.connectionName,
          },
          clusterOptions: {
            enableOfflineQueue: false,
            enableAutoPipelining: true,
            scripts,
            clusterRetryStrategy: retryStrategy,
            slotsRefreshTimeout: Math.max(1000, opts.cfg.timeoutMs * 5),
          },
        })
      : createRedisClient(opts.cfg, { redisOptions: { ...base, retryStrategy } });
    // Errors surface on each command; without a listener the 'error' event would crash.
    this.client.on('error', () => {});
    /** @type {() => void} */
    let markReady = () => {};
    /** resolves on the first 'ready' (shared by every waiter: no listener per request) */
    this.firstReady = new Promise((resolve) => {
      markReady = () => resolve(undefined);
    });
    this.client.on('ready', () => {
      this.everReady = true;
      markReady();
      opts.onReady?.();
    });
    this.subNodeIndex = 0;
    /** @type {import('ioredis').Redis | undefined} */
    this.sub = undefined;
    this.startSubscriber();
  }

  /**
   * A plain connection in subscriber mode. In cluster mode PUBLISH is broadcast to every node, so
   * subscribing on any one node receives everything; if that node stays down we rotate.
   */
  startSubscriber() {
    if (this.closed) return;
    const cfg = this.cfg;
    /** @param {number} times */
    const retryStrategy = (times) => {
      if (this.cluster && times > 3) return null; // give up on this node: 'end' rotates
      return Math.min(50 * 2 ** Math.min(times, 6), 2000) + Math.floor(Math.random() * 100);
    };
    const common = {
      autoResubscribe: false, // we resubscribe ourselves, to know when a gap may have happened
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      connectTimeout: Math.max(1000, cfg.timeoutMs * 10),
      keepAlive: 10_000,
      connectionName: 'stakeeasy-cache-sub',
      retryStrategy,
    };
    const sub = this.cluster
      ? createNodeClient(cfg, cfg.clusterNodes[this.subNodeIndex % cfg.clusterNodes.length], common)
      : /** @type {import('ioredis').Redis} */ (createRedisClient(cfg, { redisOptions: common }));
    this.sub = sub;
    sub.on('error', () => {});
    sub.on('ready', () => {
      sub.subscribe(this.channel).then(
        () => {
          if (this.sub !== sub) return;
          this.subscribed = true;
          this.onSubscriber(true);
        },
        () => {},
      );
    });
    sub.on('close', () => {
      if (this.sub !== sub) return;
      if (this.subscribed) {
        this.subscribed = false;
        this.onSubscriber(false);
      }
    });
    sub.on('end', () => {
      if (this.sub !== sub || this.closed) return;
      this.subNodeIndex++;
      const t = setTimeout(() => this.startSubscriber(), 200);
      t.unref?.();
    });
    sub.on('message', (channel, message) => {
      if (channel !== this.channel) return;
      try {
        const msg = JSON.parse(message);
        if (!msg || msg.i === this.instanceId || !Array.isArray(msg.r)) return;
        /** @type {Array<[string, TagRecord]>} */
        const records = msg.r.map((/** @type {any[]} */ r) => [String(r[0]), parseRecord(r, 1)]);
        this.onMessage(records);
      } catch {
        // ignore malformed messages
      }
    });
  }

  /** @param {string} key */
  entryKey(key) {
    return this.entryPrefix + escapeKeyPart(key);
  }

  /** @param {string} tag */
  tagKey(tag) {
    return this.tagPrefix + escapeKeyPart(tag);
  }

  get status() {
    return this.client.status;
  }

  isReady() {
    return this.client.status === 'ready';
  }

  /**
   * Wait for the first connection (bounded). Resolves true when ready.
   * @param {number} ms
   */
  async waitReady(ms) {
    if (this.isReady()) return true;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    await Promise.race([this.firstReady, new Promise((r) => (timer = setTimeout(r, Math.max(0, ms))))]);
    clearTimeout(timer);
    return this.isReady();
  }

  /** @returns {any} */
  get c() {
    return this.client;
  }

  /**
   * @param {string} key
   * @param {string[]} extraTags request tags and soft tags
   * @param {number|null} l1Written written-at of the caller's L1 copy
   * @param {string[]} hintTags tags the entry is believed to have (cluster mode)
   * @returns {Promise<ReadResult>}
   */
  async read(key, extraTags, l1Written, hintTags) {
    const l1 = l1Written === null ? '' : String(l1Written);
    if (!this.cluster) {
      const reply = await this.c.secGetBuffer(
        1 + extraTags.length,
        this.entryKey(key),
        ...extraTags.map((t) => this.tagKey(t)),
        l1,
        this.tagPrefix,
        ...extraTags,
      );
      return { ...this.parseGet(reply), roundTrips: 1 };
    }
    const known = Array.from(new Set([...extraTags, ...hintTags]));
    const [reply, ...recs] = await Promise.all([
      this.c.secGet1Buffer(this.entryKey(key), l1, ''),
      ...known.map((t) => this.c.hmget(this.tagKey(t), 's', 'x', 'p', 'pa')),
    ]);
    const res = this.parseGet(reply);
    known.forEach((t, i) => res.records.set(t, parseRecord(recs[i])));
    let roundTrips = 1;
    if (res.entry) {
      const missing = res.entry.tags.filter((t) => !res.records.has(t));
      if (missing.length > 0) {
        roundTrips = 2;
        const more = await Promise.all(missing.map((t) => this.c.hmget(this.tagKey(t), 's', 'x', 'p', 'pa')));
        missing.forEach((t, i) => res.records.set(t, parseRecord(more[i])));
      }
    }
    return { ...res, roundTrips };
  }

  /**
   * @param {any[]} reply
   * @returns {Omit<ReadResult, 'roundTrips'>}
   */
  parseGet(reply) {
    const now = Number(str(reply[0]));
    /** @type {Map<string, TagRecord>} */
    const records = new Map();
    if (reply.length < 4) return { now, entry: null, records };
    const written = Number(str(reply[1]));
    /** @type {string[]} */
    let tags = [];
    try {
      const parsed = JSON.parse(str(reply[2]) || '[]');
      if (Array.isArray(parsed)) tags = parsed.filter((t) => typeof t === 'string');
    } catch {
      tags = [];
    }
    const raw = reply[3];
    const payload = Buffer.isBuffer(raw) && raw.length > 0 ? raw : null;
    for (let i = 4; i + 4 < reply.length; i += 5) {
      records.set(str(reply[i]), parseRecord([str(reply[i + 1]), str(reply[i + 2]), str(reply[i + 3]), str(reply[i + 4])]));
    }
    return { now, entry: { written, tags, payload }, records };
  }

  /**
   * @param {string} key
   * @param {Buffer} payload
   * @param {string[]} tags
   * @param {number} ttlMs
   * @returns {Promise<number>} written-at (µs)
   */
  async write(key, payload, tags, ttlMs) {
    const args = [payload, JSON.stringify(tags), String(Math.max(1, Math.round(ttlMs)))];
    const res = this.cluster
      ? await this.c.secSet1(this.entryKey(key), ...args)
      : await this.c.secSet(2, this.entryKey(key), this.clockKey, ...args);
    return Number(res);
  }

  /** @param {string} key */
  async del(key) {
    await this.client.del(this.entryKey(key));
  }

  /**
   * Apply a tag operation in Redis (and publish it).
   * @param {string[]} tags
   * @param {TagOp} op
   * @returns {Promise<{ now: number, records: Array<[string, TagRecord]> }>}
   */
  async invalidate(tags, op) {
    const mode = op.kind === 'expire' ? 'x' : 's';
    const exp = op.kind === 'stale' && op.expire !== undefined ? String(op.expire) : '';
    const id = JSON.stringify(this.instanceId);
    if (!this.cluster) {
      const reply = await this.c.secInvalidate(
        1 + tags.length,
        this.clockKey,
        ...tags.map((t) => this.tagKey(t)),
        mode,
        exp,
        String(this.recordTtlMs),
        this.channel,
        id,
        '1',
        ...tags.map((t) => JSON.stringify(t)),
      );
      return { now: Number(reply[0]), records: tags.map((t, i) => [t, parseRecord(reply, 1 + i * 4)]) };
    }
    const replies = await Promise.all(
      tags.map((t) =>
        this.c.secInvalidate1(this.tagKey(t), mode, exp, String(this.recordTtlMs), this.channel, id, '0', JSON.stringify(t)),
      ),
    );
    return {
      now: Math.max(...replies.map((r) => Number(r[0]))),
      records: tags.map((t, i) => [t, parseRecord(replies[i], 1)]),
    };
  }

  /** @returns {Promise<number>} server time (µs) */
  async ping() {
    const t = await this.client.time();
    return Number(t[0]) * 1e6 + Number(t[1]);
  }

  async close() {
    this.closed = true;
    const subs = this.sub;
    this.sub = undefined;
    subs?.disconnect();
    if (this.client.status === 'ready') {
      await Promise.race([this.client.quit().catch(() => {}), new Promise((r) => setTimeout(r, this.cfg.timeoutMs))]);
    }
    this.client.disconnect();
  }
}
