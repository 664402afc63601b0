// @ts-check
// Tags the handler gives a meaning of its own. Standalone (no Redis imports) so that app code
// which declares reads can use them without pulling the handler into its bundle.

/**
 * An entry tagged with this never changes under its key (the key carries a data version): an
 * in-process copy is served with no Redis round trip and no tag check.
 */
export const IMMUTABLE_TAG = '_immutable';

/**
 * Entries sharing one `_slot:<id>` tag supersede each other (successive versions of one read):
 * setting one drops the previous, so memory per slot stays one entry however many versions pass.
 */
export const SLOT_TAG_PREFIX = '_slot:';
