// @ts-check
/**
 * The Lua scripts of the Redis store (redis-store.mjs). Every key a script touches is passed in
 * KEYS (never built inside the script), so servers and managed services that refuse undeclared
 * keys accept them, in standalone and in cluster mode (test/scripts.test.ts checks it from
 * MONITOR). Times come from Redis TIME. A key of the wrong type never makes a script fail: an
 * entry key that is not an entry is deleted and read as absent, a tag record that is not a hash is
 * reported as malformed ('!') and overwritten by the next invalidation of its tag.
 */

export const LUA_COMMON = `
local function nowus()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000000 + tonumber(t[2])
end
local function fmt(n) return string.format('%.0f', n) end
-- Strictly increasing Redis time: a clock key that is absent or of the wrong type counts as 0.
local function tick(key, now)
  local last = redis.pcall('GET', key)
  last = type(last) == 'string' and tonumber(last) or 0
  if now <= last then now = last + 1 end
  redis.call('SET', key, fmt(now))
  return now
end
`;

// The tag algebra (twin of applyOp in tags.mjs; test/scripts.test.ts checks they agree).
export const LUA_ALGEBRA = `
local function apply_op(s, x, p, pa, mode, exp, now)
  if pa > 0 and pa <= now then
    if p > x then x = p end
    p = 0
    pa = 0
  end
  if mode == 'x' then
    if now > x then x = now end
  else
    if now > s then s = now end
    if exp then
      local act = math.floor(now + math.max(0, exp) * 1000000)
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
  return s, x, p, pa
end
`;

// Point a slot at a new key; returns the key it pointed at before ('' if none or the same).
const LUA_SWAP = `
local function swap(slot, value, ttl)
  local old = redis.pcall('GET', slot)
  redis.call('SET', slot, value, 'PX', ttl)
  if type(old) == 'string' and old ~= value then return old end
  return ''
end
`;

// KEYS[1] entry key, then (standalone) KEYS[2] clock key and optionally KEYS[3] the slot key
// ARGV[1] payload, ARGV[2] tags JSON, ARGV[3] ttl ms, ARGV[4] '1' = KEYS[2] is the clock key
// Reply: {written-at, key the slot pointed at before or ''}
export const LUA_SET = `${LUA_COMMON}${LUA_SWAP}
local now = nowus()
if ARGV[4] == '1' then now = tick(KEYS[2], now) end
-- DEL first: a key of another type (a collision, an older layout) is replaced, not an error
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 't', fmt(now), 'g', ARGV[2], 'v', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
local old = ''
if ARGV[4] == '1' and KEYS[3] then old = swap(KEYS[3], KEYS[1], ARGV[3]) end
return {fmt(now), old}
`;

// Cluster mode (the slot key lives on another hash slot than the entry): KEYS[1] slot key,
// ARGV[1] entry key, ARGV[2] ttl ms. Reply: the previous key or ''.
export const LUA_SLOT = `${LUA_SWAP}
return swap(KEYS[1], ARGV[1], ARGV[2])
`;

// KEYS[1] entry key, KEYS[2..] keys of the tag records to read with it (standalone: the tags
// the caller knows of; cluster: none, they are on other slots)
// ARGV[1] written-at of the caller's L1 copy or '', ARGV[2..] tag names (parallel to KEYS[2..])
// Reply: {now} absent; {now, '!'} the key was not a well-formed entry (it is deleted);
//        {now, written, tagsJSON, payload or '' if same as L1, name, s, x, p, pa, ...}
//        where a record that is not a hash reads as '!' in all four fields.
export const LUA_GET = `${LUA_COMMON}
local now = fmt(nowus())
local e = redis.pcall('HMGET', KEYS[1], 't', 'g')
if e.err or (e[1] and not tonumber(e[1])) then
  redis.call('DEL', KEYS[1])
  return {now, '!'}
end
if not e[1] then return {now} end
local out = {now, e[1], e[2] or '[]', ''}
if ARGV[1] ~= e[1] then out[4] = redis.call('HGET', KEYS[1], 'v') or '' end
for i = 2, #KEYS do
  local r = redis.pcall('HMGET', KEYS[i], 's', 'x', 'p', 'pa')
  local n = #out
  out[n + 1] = ARGV[i]
  if r.err then
    out[n + 2], out[n + 3], out[n + 4], out[n + 5] = '!', '!', '!', '!'
  else
    out[n + 2] = r[1] or '0'
    out[n + 3] = r[2] or '0'
    out[n + 4] = r[3] or '0'
    out[n + 5] = r[4] or '0'
  end
end
return out
`;

// KEYS: [clock key if ARGV[6] == '1'], tag keys...
// ARGV[1] 'x' (expire now) | 's' (stale now), ARGV[2] expire seconds or '', ARGV[3] record ttl ms,
// ARGV[4] channel, ARGV[5] instance id (JSON string), ARGV[6] '1' = KEYS[1] is the clock key,
// ARGV[7..] tag names as JSON strings (parallel to the tag keys)
// A record that is not a well-formed hash (another type, non-numeric fields) is overwritten, from
// a base that expires everything written before now: what it held is unknown, so nothing older
// than this invalidation can be proven fresh (never skipped, never weaker than the lost record).
// Reply: {now, s, x, p, pa, s, x, p, pa, ...}
export const LUA_INVALIDATE = `${LUA_COMMON}${LUA_ALGEBRA}
local now = nowus()
local first = 1
if ARGV[6] == '1' then
  now = tick(KEYS[1], now)
  first = 2
end
local exp = tonumber(ARGV[2])
local parts = {}
local out = {fmt(now)}
for i = first, #KEYS do
  local r = redis.pcall('HMGET', KEYS[i], 's', 'x', 'p', 'pa')
  local s, x, p, pa
  if not r.err then
    s, x, p, pa = tonumber(r[1] or '0'), tonumber(r[2] or '0'), tonumber(r[3] or '0'), tonumber(r[4] or '0')
  end
  if not (s and x and p and pa) then
    redis.call('DEL', KEYS[i])
    s, x, p, pa = 0, now, 0, 0
  end
  s, x, p, pa = apply_op(s, x, p, pa, ARGV[1], exp, now)
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
