import { z } from 'zod';
import { containsEmailName, EMAIL_NAME_MESSAGE, newPasswordSchema } from '@/lib/auth/schemas';
import { isSupportedCurrency } from '@/lib/domain/currency';

export const displayCurrencySchema = z.object({
  currency: z.string({ error: 'Choose a currency.' }).refine(isSupportedCurrency, 'Choose one of the listed currencies.'),
});

const currentPassword = z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(200, 'Enter your current password.');

export function changePasswordSchema(email: string) {
  return z
    .object({ currentPassword, newPassword: newPasswordSchema, confirmPassword: z.string({ error: 'Repeat the new password.' }) })
    .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match.' })
    .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'Choose a password different from your current one.' })
    .refine((v) => !containsEmailName(v.newPassword, email), { path: ['newPassword'], message: EMAIL_NAME_MESSAGE });
}

/** Deleting needs the e-mail typed out (no accidental clicks) and the password (no borrowed sessions). */
export function deleteAccountSchema(email: string) {
  return z.object({
    confirmEmail: z
      .string({ error: 'Type your e-mail address to confirm.' })
      .trim()
      .toLowerCase()
      .refine((v) => v === email.toLowerCase(), 'Type your e-mail address exactly as shown to confirm.'),
    password: currentPassword,
  });
}
