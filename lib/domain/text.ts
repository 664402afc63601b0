/**
 * Rules for free text a user types (names, notes, titles). Pure, shared by the form schemas
 * and the import parser so both accept and refuse the same text.
 */

/**
 * PostgreSQL text cannot hold U+0000 (the insert fails with 22021, which would surface as a
 * 500), and a lone UTF-16 surrogate is silently stored as U+FFFD. Neither can be stored as
 * typed, so both are refused up front. (With the `u` flag a surrogate range only matches a
 * surrogate that is not part of a pair.)
 */
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

/** Control characters (C0, DEL, C1): invisible in lists yet they make two names differ. */
const CONTROL = /\p{Cc}/u;

/**
 * Something a reader can see: not a space, a format character (zero-width space/joiner,
 * direction marks) or a combining mark on its own. Zero-width characters inside a visible
 * name stay allowed (emoji ZWJ sequences, Persian ZWNJ).
 */
const VISIBLE = /[^\p{Z}\p{Cf}\p{M}\p{Cc}\s]/u;

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

export const hasControlChars = (text: string): boolean => CONTROL.test(text);

export const hasVisibleChar = (text: string): boolean => VISIBLE.test(text);
