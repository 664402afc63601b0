/**
 * The entry's slot tag, if any.
 * @param {string[]} tags
 * @returns {string | undefined}
 */
export function slotTagOf(tags: string[]): string | undefined;
/**
 * Tags the cache handler gives a meaning of its own (the app puts them on per-user reads,
 * lib/data-cache/read.ts). Standalone (no Redis imports) so that app code which declares reads
 * can use them without pulling the handler into its bundle.
 *
 * IMMUTABLE_TAG  The entry's cache key contains a version of the data it was computed from (the
 *                user's data version, bumped in the same transaction as every write to that
 *                user's data), so a given key can never become outdated: a newer write yields a
 *                new key. An L1 copy of such an entry is served with no Redis call and no tag
 *                check until its TTL passes. Tags still apply where they are cheap:
 *                revalidateTag(tag) without durations (updateTag) drops the L1 and Redis copies
 *                by tag as for any entry, and a read from Redis checks tag records as usual.
 * SLOT_TAG_PREFIX `_slot:<id>`: successive versions of one read share a slot, and storing one
 *                deletes the previous key of that slot from the L1 and from Redis, so the
 *                memory held for one slot stays one entry however many versions pass.
 *                One slot tag per entry (only the first is honoured).
 */
export const IMMUTABLE_TAG: "_immutable";
export const SLOT_TAG_PREFIX: "_slot:";
