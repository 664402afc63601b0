// Validation of every site/asset form. Pure (no server imports) so the rules
// are unit-tested; the server actions only call these.

import { z } from 'zod';
import { isSupportedCurrency } from '@/lib/domain/currency';
import { tryParseAmount } from '@/lib/domain/money';
import { hasControlChars, hasVisibleChar } from '@/lib/domain/text';
import { ASSET_TYPE_MAX, HOLDING_NAME_MAX, HOLDING_NAME_MIN } from '@/lib/fields/limits';
import { HOLDING_KIND_VALUES, HOLDING_KINDS, type HoldingKind } from '@/lib/holdings/kinds';
import { parseSnapshotTime } from '@/lib/holdings/dates';

export const CONTROL_CHARS_MESSAGE = 'Remove the control characters.';
// Two zero-width spaces pass a length check yet show as an empty link in every list.
export const INVISIBLE_MESSAGE = 'Use at least one visible letter, digit or symbol.';

export const holdingNameSchema = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(HOLDING_NAME_MIN, `Use at least ${HOLDING_NAME_MIN} characters.`)
  .max(HOLDING_NAME_MAX, `Use at most ${HOLDING_NAME_MAX} characters.`)
  .refine((name) => !hasControlChars(name), CONTROL_CHARS_MESSAGE)
  // Only once the length is right, so a too-short name gets one message, not two.
  .refine((name) => name.length < HOLDING_NAME_MIN || hasVisibleChar(name), INVISIBLE_MESSAGE);

export const assetTypeSchema = z
  .string({ error: 'Enter the asset type.' })
  .trim()
  .min(1, 'Enter the asset type, for example Cash, Crypto or E-wallet.')
  .max(ASSET_TYPE_MAX, `Use at most ${ASSET_TYPE_MAX} characters.`)
  .refine((type) => !hasControlChars(type), CONTROL_CHARS_MESSAGE)
  .refine((type) => type === '' || hasVisibleChar(type), INVISIBLE_MESSAGE);

/** A balance: >= 0 (an empty account is a real state), at most 2 decimals, via the domain parser. */
export const balanceAmountSchema = z.string({ error: 'Enter an amount.' }).transform((text, ctx) => {
  const parsed = tryParseAmount(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `${parsed.error.message}.` });
    return z.NEVER;
  }
  return parsed.value;
});

export const currencySchema = z
  .string({ error: 'Choose a currency.' })
  .refine(isSupportedCurrency, 'Choose a currency from the list.');

function toSnapshotTime(text: string, now: Date, ctx: z.RefinementCtx): Date {
  const parsed = parseSnapshotTime(text, now);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
}

/** Empty means "now". */
function optionalSnapshotTimeSchema(now: Date) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => (text?.trim() ? toSnapshotTime(text, now, ctx) : now));
}

function requiredSnapshotTimeSchema(now: Date) {
  return z
    .string({ error: 'Enter a date and time.' })
    .trim()
    .min(1, 'Enter a date and time.')
    .transform((text, ctx) => toSnapshotTime(text, now, ctx));
}

export const kindSchema = z.enum(HOLDING_KIND_VALUES);

export function addHoldingSchema(kind: HoldingKind) {
  return z.object({
    name: holdingNameSchema,
    amount: balanceAmountSchema,
    currency: currencySchema,
    // Sites have no type: whatever a tampered form sends is dropped.
    assetType: kind === 'ASSET' ? assetTypeSchema : z.unknown().optional().transform((): string | null => null),
  });
}

export function updateBalanceSchema(now: Date) {
  return z.object({ amount: balanceAmountSchema, currency: currencySchema, recordedAt: optionalSnapshotTimeSchema(now) });
}

export function editSnapshotSchema(now: Date) {
  return z.object({
    amount: balanceAmountSchema,
    recordedAt: requiredSnapshotTimeSchema(now),
  });
}

export const renameHoldingSchema = z.object({ name: holdingNameSchema });

export const moveHoldingSchema = z.object({ direction: z.enum(['up', 'down']) });

export const deleteHoldingSchema = z.object({
  confirm: z.literal('yes', { error: 'Tick the box to confirm that you understand.' }),
});

export function nameTakenMessage(kind: HoldingKind): string {
  return `You already have ${HOLDING_KINDS[kind].indefinite} with this name. Choose another name.`;
}
