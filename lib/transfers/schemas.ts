import { z } from 'zod';
import { isDayKey, type DayKey } from '@/lib/domain/days';
import { currencyField, firstParam, noteField, pastDayField, positiveAmountField, type SearchParams } from '@/lib/fields/form-fields';

export const TRANSFER_TYPES = ['DEPOSIT', 'WITHDRAWAL'] as const;
export type TransferKind = (typeof TRANSFER_TYPES)[number];

export const TRANSFER_TYPE_LABELS: Readonly<Record<TransferKind, string>> = {
  DEPOSIT: 'Deposit',
  WITHDRAWAL: 'Withdrawal',
};

/** The add/edit form. `today` is passed in so the "not in the future" rule is testable. */
export function transferInputSchema(today: DayKey) {
  return z.object({
    type: z.enum(TRANSFER_TYPES, { error: 'Choose deposit or withdrawal' }),
    date: pastDayField(today),
    amount: positiveAmountField,
    currency: currencyField,
    note: noteField,
  });
}

export type TransferInput = z.output<ReturnType<typeof transferInputSchema>>;

export interface TransferFilter {
  type?: TransferKind;
  from?: DayKey;
  to?: DayKey;
}

/**
 * The list filter from the URL. A bad value is dropped (and reported) rather than failing the
 * page: the URL is user-editable and a typo should still show the list.
 */
export function parseTransferFilter(params: SearchParams): { filter: TransferFilter; problems: string[] } {
  const filter: TransferFilter = {};
  const problems: string[] = [];
  const type = firstParam(params.type);
  if (type) {
    if ((TRANSFER_TYPES as readonly string[]).includes(type)) filter.type = type as TransferKind;
    else problems.push('Unknown type filter ignored.');
  }
  for (const key of ['from', 'to'] as const) {
    const day = firstParam(params[key])?.trim();
    if (!day) continue;
    if (isDayKey(day)) filter[key] = day;
    else problems.push(`The "${key}" date must be YYYY-MM-DD; ignored.`);
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    problems.push('The "from" date is after the "to" date, so nothing can match.');
  }
  return { filter, problems };
}

export function isFiltered(filter: TransferFilter): boolean {
  return Boolean(filter.type || filter.from || filter.to);
}
