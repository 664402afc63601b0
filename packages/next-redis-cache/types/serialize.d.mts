/**
 * Encode a value plus metadata into one Buffer.
 * @param {unknown} value
 * @param {Record<string, unknown>} [meta]
 * @returns {Buffer}
 */
export function encode(value: unknown, meta?: Record<string, unknown>): Buffer;
/**
 * @param {Buffer} buf
 * @returns {Envelope}
 */
export function decode(buf: Buffer): Envelope;
export type Envelope = {
    v: unknown;
    m: Record<string, unknown>;
};
