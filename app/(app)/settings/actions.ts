'use server';

import { redirect } from 'next/navigation';
import { retryMessage } from '@/lib/auth/service';
import { hashPassword } from '@/lib/auth/password';
import { hit } from '@/lib/auth/rate-limit';
import { endOtherSessions, endSession, requireUser } from '@/lib/auth/session';
import { checkCurrentPassword } from '@/lib/account/credentials';
import { deleteAccount, importAccountData, updateDisplayCurrency, updatePasswordHash } from '@/lib/account/writes';
import { detectFormat, parseImport } from '@/lib/account/import-parse';
import { accountLimits, MAX_IMPORT_BYTES } from '@/lib/account/limits';
import { formatMegabytes, importSummaryMessage } from '@/lib/account/messages';
import { changePasswordSchema, deleteAccountSchema, displayCurrencySchema } from '@/lib/account/schemas';
import { applyInvalidation } from '@/lib/data-cache/apply';
import { db } from '@/lib/db/client';
import { failure, invalid, type FormState } from '@/lib/forms';

const WRONG_PASSWORD = 'That is not your current password.';

export async function updateDisplayCurrencyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = displayCurrencySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  applyInvalidation(await updateDisplayCurrency(await db(), user.id, parsed.data.currency));
  return { ok: true, message: `Amounts are now shown in ${parsed.data.currency}.`, values: { currency: parsed.data.currency } };
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = changePasswordSchema(user.email).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const check = await checkCurrentPassword(user.id, parsed.data.currentPassword);
  if (check.kind === 'rate-limited') return failure(retryMessage(check.retryAfterSeconds), formData);
  if (check.kind === 'wrong') return failure('Your password was not changed.', formData, { currentPassword: [WRONG_PASSWORD] });

  const changed = await updatePasswordHash(await db(), user.id, await hashPassword(parsed.data.newPassword));
  // Whoever else knew the old password is signed out everywhere; this browser stays in.
  await endOtherSessions(user.id);
  applyInvalidation(changed);
  return { ok: true, message: 'Your password was changed. Every other device has been signed out.' };
}

export async function importDataAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) {
    return { message: 'Nothing was imported.', errors: { file: ['Choose a StakeEasy export file (.json or .csv).'] } };
  }
  if (file.size > MAX_IMPORT_BYTES) {
    return { message: 'Nothing was imported.', errors: { file: [`The file is ${formatMegabytes(file.size)}; the limit is ${formatMegabytes(MAX_IMPORT_BYTES)}.`] } };
  }
  const limit = await hit(accountLimits.importFile(), user.id);
  if (!limit.allowed) return { message: retryMessage(limit.retryAfterSeconds) };

  const text = await file.text();
  const parsed = parseImport(text, detectFormat(file.name, text), new Date());
  if (!parsed.ok) {
    return { message: 'Nothing was imported: fix these problems in the file and try again.', errors: { file: parsed.errors } };
  }
  const outcome = await importAccountData(await db(), user.id, parsed.plan);
  if (!outcome.ok) return { message: 'Nothing was imported.', errors: { file: outcome.errors } };
  applyInvalidation(outcome.invalidation);
  return { ok: true, message: importSummaryMessage(outcome.summary) };
}

export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = deleteAccountSchema(user.email).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const check = await checkCurrentPassword(user.id, parsed.data.password);
  if (check.kind === 'rate-limited') return failure(retryMessage(check.retryAfterSeconds), formData);
  if (check.kind === 'wrong') return failure('Your account was not deleted.', formData, { password: [WRONG_PASSWORD] });

  const changed = await deleteAccount(await db(), user.id);
  await endSession(); // the session rows went with the user; this clears the cookie
  applyInvalidation(changed);
  redirect('/?deleted=1');
}
