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
import { createRedisClient, createNodeClient } from './redis-config.mjs';
import { parseRecord } from './tags.mjs';
import { slotTagOf } from './reserved-tags.mjs';
import { isReadOnlyError } from './budget.mjs';
import { LUA_SET, LUA_SLOT, LUA_GET, LUA_INVALIDATE } from './scripts.mjs';

/** @typedef {import('./tags.mjs').TagRecord} TagRecord */
/** @typedef {import('./tags.mjs').TagOp} TagOp */
/** @typedef {import('./config.mjs').CacheConfig} CacheConfig */

/**
 * @typedef {Object} ReadResult
 * @property {number} now Redis time (µs) when the entry was read
 * @property {null | { written: number, tags: string[], payload: Buffer | null }} entry
 *           payload null = identical to the caller's L1 copy
 * @property {Map<string, TagRecord>} records records of entry tags and requested tags
 * @property {Set<string>} malformed tags whose record is not a well-formed hash (not in records)
 * @property {boolean} malformedEntry the key held something that is not an entry (deleted)
 * @property {number} roundTrips
 */

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

/** @param {unknown} err */
function isWrongType(err) {
  return err instanceof Error && /^WRONGTYPE/.test(err.message);
}

/**
 * Like parseRecord, but a record that is not four numbers (a '!' marker from the script, or
 * fields another writer put there) is malformed: null, never read as "no change".
 * @param {ArrayLike<unknown>} parts
 * @param {number} offset
 * @returns {TagRecord | null}
 */
export function parseRecordStrict(parts, offset) {
  for (let i = offset; i < offset + 4; i++) {
    const v = parts[i];
    if (v === null || v === undefined || v === '') continue;
    if (!/^\d+$/.test(Buffer.isBuffer(v) ? v.toString('latin1') : String(v))) return null;
  }
  return parseRecord(parts, offset);
}

/**
 * @param {{ records: Map<string, TagRecord>, malformed: Set<string> }} res
 * @param {string} tag
 * @param {TagRecord | null} rec
 */
function setRecord(res, tag, rec) {
  if (rec) res.records.set(tag, rec);
  else res.malformed.add(tag);
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
    // Pages and routes are build outputs: keyed by build. Data entries (FETCH: unstable_cache,
    // fetch) outlive a deploy unless their shape version changes (CACHE_DATA_VERSION).
    this.entryPrefix = `${P}e:${escapeKeyPart(opts.buildId)}:`;
    this.dataPrefix = `${P}d:${escapeKeyPart(opts.cfg.dataVersion)}:`;
    this.tagPrefix = `${P}t:`;
    this.slotPrefix = `${P}s:`;
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
      secSlot1: { lua: LUA_SLOT, numberOfKeys: 1 },
    };
    /** @param {number} times */
    // Capped at 500 ms: queued invalidations are replayed on reconnect, which must come within
    // about a second of Redis being back, however long it was down.
    const retryStrategy = (times) => Math.min(50 * 2 ** Math.min(times, 6), 500) + Math.floor(Math.random() * 100);
    const base = {
      enableOfflineQueue: false,
      commandTimeout: clientCommandTimeout(opts.cfg.timeoutMs),
      maxRetriesPerRequest: 1,
      autoResendUnfulfilledCommands: false,
      connectTimeout: Math.max(1000, opts.cfg.timeoutMs * 10),
      keepAlive: 10_000,
      connectionName: 'stakeeasy-cache',
      // After a failover the old primary answers writes with READONLY: reconnect, so that DNS /
      // the service address lead to the new primary (the failed command itself is not resent).
      reconnectOnError: (/** @type {Error} */ err) => isReadOnlyError(err),
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
            reconnectOnError: base.reconnectOnError,
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
      return Math.min(50 * 2 ** Math.min(times, 6), 500) + Math.floor(Math.random() * 100);
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

  /**
   * @param {string} key
   * @param {string} [kind] Next's entry kind; FETCH entries are not keyed by build
   */
  entryKey(key, kind) {
    return (kind === 'FETCH' ? this.dataPrefix : this.entryPrefix) + escapeKeyPart(key);
  }

  /** @param {string} slotTag */
  slotKey(slotTag) {
    return this.slotPrefix + escapeKeyPart(slotTag);
  }

  /**
   * A key we may delete because a slot pointed at it: one of our entry keys, nothing else
   * (the slot record could have been overwritten by anything).
   * @param {string} redisKey
   */
  isEntryKey(redisKey) {
    const P = this.cfg.keyPrefix;
    return redisKey.startsWith(`${P}e:`) || redisKey.startsWith(`${P}d:`);
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
   * Read one tag record with its own command (cluster mode; standalone: records not known in
   * advance). A key of another type is a malformed record, not a failure of the read.
   * @param {string} tag
   * @returns {Promise<TagRecord | null>} null = malformed
   */
  readRecord(tag) {
    return this.c.hmget(this.tagKey(tag), 's', 'x', 'p', 'pa').then(
      (/** @type {unknown[]} */ r) => parseRecordStrict(r, 0),
      (/** @type {unknown} */ err) => {
        if (isWrongType(err)) return null;
        throw err;
      },
    );
  }

  /**
   * One logical round trip when the entry's tags are known in advance (the L1 copy, the key->tags
   * memo, or the request's own tags cover them): the records are read in the same script
   * (standalone) or pipelined next to it (cluster). Every key a script touches is declared in
   * KEYS, so a tag the caller did not know of costs a second round trip for its record.
   * @param {string} key
   * @param {string | undefined} kind
   * @param {string[]} extraTags request tags and soft tags
   * @param {number|null} l1Written written-at of the caller's L1 copy
   * @param {string[]} hintTags tags the entry is believed to have
   * @returns {Promise<ReadResult>}
   */
  async read(key, kind, extraTags, l1Written, hintTags) {
    const l1 = l1Written === null ? '' : String(l1Written);
    const known = Array.from(new Set([...extraTags, ...hintTags]));
    /** @type {Omit<ReadResult, 'roundTrips'>} */
    let res;
    if (!this.cluster) {
      const reply = await this.c.secGetBuffer(1 + known.length, this.entryKey(key, kind), ...known.map((t) => this.tagKey(t)), l1, ...known);
      res = this.parseGet(reply);
    } else {
      const [reply, ...recs] = await Promise.all([this.c.secGet1Buffer(this.entryKey(key, kind), l1), ...known.map((t) => this.readRecord(t))]);
      res = this.parseGet(reply);
      known.forEach((t, i) => setRecord(res, t, recs[i]));
    }
    let roundTrips = 1;
    if (res.entry) {
      const missing = res.entry.tags.filter((t) => !res.records.has(t) && !res.malformed.has(t));
      if (missing.length > 0) {
        roundTrips = 2;
        const more = await Promise.all(missing.map((t) => this.readRecord(t)));
        missing.forEach((t, i) => setRecord(res, t, more[i]));
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
    /** @type {Omit<ReadResult, 'roundTrips'>} */
    const res = { now, entry: null, records: new Map(), malformed: new Set(), malformedEntry: false };
    if (reply.length === 2) res.malformedEntry = true;
    if (reply.length < 4) return res;
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
      setRecord(res, str(reply[i]), parseRecordStrict([str(reply[i + 1]), str(reply[i + 2]), str(reply[i + 3]), str(reply[i + 4])], 0));
    }
    res.entry = { written, tags, payload };
    return res;
  }

  /**
   * Write an entry. An entry with a slot tag takes the slot over: the key the slot pointed at
   * before is deleted (a second command; a script may only touch declared keys, and in cluster
   * mode the slot record lives on another hash slot). The slot is updated only after the entry
   * exists, so every written key is either the one its slot points at or deleted by whoever
   * displaced it: nothing is left behind, even with concurrent writers.
   * @param {string} key
   * @param {string | undefined} kind
   * @param {Buffer} payload
   * @param {string[]} tags
   * @param {number} ttlMs
   * @returns {Promise<{ written: number, superseded: number }>} written-at (µs), keys deleted
   */
  async write(key, kind, payload, tags, ttlMs) {
    const ttl = String(Math.max(1, Math.round(ttlMs)));
    const ek = this.entryKey(key, kind);
    const slot = slotTagOf(tags);
    const args = [payload, JSON.stringify(tags), ttl];
    let written;
    let old = '';
    if (!this.cluster) {
      const keys = slot ? [ek, this.clockKey, this.slotKey(slot)] : [ek, this.clockKey];
      const res = await this.c.secSet(keys.length, ...keys, ...args, '1');
      written = Number(str(res[0]));
      old = str(res[1]);
    } else {
      const res = await this.c.secSet1(ek, ...args, '0');
      written = Number(str(res[0]));
      if (slot) old = str(await this.c.secSlot1(this.slotKey(slot), ek, ttl));
    }
    let superseded = 0;
    if (old && old !== ek && this.isEntryKey(old)) superseded = await this.client.del(old);
    return { written, superseded };
  }

  /**
   * @param {string} key
   * @param {string | undefined} kind
   */
  async del(key, kind) {
    await this.client.del(this.entryKey(key, kind));
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
