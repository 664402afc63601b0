// @ts-check
/**
 * Binary envelope for cache values.
 *
 * Layout:   "SEC1" | u32 BE header length | header (UTF-8 JSON) | segment 0 | segment 1 | ...
 * Header:   { v: packed value, m: metadata, l: [byte length of each segment] }
 *
 * Binary data (Buffer / Uint8Array / ArrayBuffer) and long strings (HTML, JSON bodies) are
 * moved out of the JSON into raw segments and replaced by placeholders, so bytes are stored
 * as bytes (no base64, no JSON escaping of HTML). Maps, undefined, non-finite numbers, Dates
 * and Sets are tagged so that every value Next stores (FETCH, APP_PAGE with rscData Buffer and
 * segmentData Map<string, Buffer>, APP_ROUTE, PAGES, IMAGE, REDIRECT) round-trips exactly.
 *
 * Placeholders are objects with the key "\u0000" (NUL), which no Next value uses; a user object
 * that does have that key is wrapped, so the codec is total for JSON-like data.
 */

const MAGIC = Buffer.from('SEC1', 'latin1');
const TAG = '\u0000';
/** Strings at least this long go to a raw UTF-8 segment instead of the JSON header. */
const STRING_SEGMENT_MIN = 256;

/**
 * @typedef {{ v: unknown, m: Record<string, unknown> }} Envelope
 */

/**
 * @param {unknown} value
 * @param {Buffer[]} segs
 * @returns {unknown}
 */
function pack(value, segs) {
  if (value === null) return null;
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      return { [TAG]: 'n', v: Object.is(value, -0) ? '-0' : String(value) };
    case 'string':
      if (value.length >= STRING_SEGMENT_MIN && value.isWellFormed()) {
        segs.push(Buffer.from(value, 'utf8'));
        return { [TAG]: 's', i: segs.length - 1 };
      }
      return value;
    case 'undefined':
      return { [TAG]: 'u' };
    case 'object':
      break;
    default:
      throw new TypeError(`cache codec: cannot serialize a ${typeof value}`);
  }
  if (Buffer.isBuffer(value)) {
    segs.push(value);
    return { [TAG]: 'b', i: segs.length - 1 };
  }
  if (value instanceof Uint8Array) {
    segs.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    return { [TAG]: 'U', i: segs.length - 1 };
  }
  if (value instanceof ArrayBuffer) {
    segs.push(Buffer.from(value));
    return { [TAG]: 'A', i: segs.length - 1 };
  }
  if (Array.isArray(value)) return value.map((v) => pack(v, segs));
  if (value instanceof Map) {
    return { [TAG]: 'm', e: Array.from(value, ([k, v]) => [pack(k, segs), pack(v, segs)]) };
  }
  if (value instanceof Set) return { [TAG]: 'S', e: Array.from(value, (v) => pack(v, segs)) };
  if (value instanceof Date) return { [TAG]: 'd', v: value.getTime() };
  if (ArrayBuffer.isView(value)) throw new TypeError('cache codec: unsupported typed array');
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const k of Object.keys(value)) out[k] = pack(/** @type {any} */ (value)[k], segs);
  if (Object.prototype.hasOwnProperty.call(value, TAG)) return { [TAG]: 'o', v: out };
  return out;
}

/**
 * @param {unknown} node
 * @param {(i: number) => Buffer} seg
 * @returns {unknown}
 */
function unpack(node, seg) {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((v) => unpack(v, seg));
  const obj = /** @type {Record<string, any>} */ (node);
  const tag = obj[TAG];
  if (tag !== undefined) {
    switch (tag) {
      case 'u':
        return undefined;
      case 'n':
        return obj.v === '-0' ? -0 : Number(obj.v);
      case 's':
        return seg(obj.i).toString('utf8');
      case 'b':
        return Buffer.from(seg(obj.i)); // copy: callers may keep it, L1 bytes stay immutable
      case 'U':
        return new Uint8Array(seg(obj.i));
      case 'A': {
        const b = seg(obj.i);
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
      }
      case 'm':
        return new Map(obj.e.map((/** @type {[unknown, unknown]} */ [k, v]) => [unpack(k, seg), unpack(v, seg)]));
      case 'S':
        return new Set(obj.e.map((/** @type {unknown} */ v) => unpack(v, seg)));
      case 'd':
        return new Date(obj.v);
      case 'o': {
        /** @type {Record<string, unknown>} */
        const out = {};
        for (const k of Object.keys(obj.v)) out[k] = unpack(obj.v[k], seg);
        return out;
      }
      default:
        throw new Error(`cache codec: unknown tag ${String(tag)}`);
    }
  }
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const k of Object.keys(obj)) out[k] = unpack(obj[k], seg);
  return out;
}

/**
 * Encode a value plus metadata into one Buffer.
 * @param {unknown} value
 * @param {Record<string, unknown>} [meta]
 * @returns {Buffer}
 */
export function encode(value, meta = {}) {
  /** @type {Buffer[]} */
  const segs = [];
  const packed = pack(value, segs);
  const header = Buffer.from(JSON.stringify({ v: packed, m: meta, l: segs.map((s) => s.length) }), 'utf8');
  const prefix = Buffer.allocUnsafe(8);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32BE(header.length, 4);
  return Buffer.concat([prefix, header, ...segs]);
}

/**
 * @param {Buffer} buf
 * @returns {Envelope}
 */
export function decode(buf) {
  if (buf.length < 8 || buf.compare(MAGIC, 0, 4, 0, 4) !== 0) throw new Error('cache codec: bad magic');
  const hlen = buf.readUInt32BE(4);
  if (8 + hlen > buf.length) throw new Error('cache codec: truncated header');
  const header = JSON.parse(buf.toString('utf8', 8, 8 + hlen));
  /** @type {number[]} */
  const lens = header.l;
  const offsets = new Array(lens.length);
  let off = 8 + hlen;
  for (let i = 0; i < lens.length; i++) {
    offsets[i] = off;
    off += lens[i];
  }
  if (off !== buf.length) throw new Error('cache codec: length mismatch');
  /** @param {number} i */
  const seg = (i) => {
    if (!(i >= 0 && i < lens.length)) throw new Error('cache codec: bad segment index');
    return buf.subarray(offsets[i], offsets[i] + lens[i]);
  };
  return { v: unpack(header.v, seg), m: header.m ?? {} };
}
