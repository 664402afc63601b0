import { z } from 'zod';
import { newPasswordSchema } from '@/lib/auth/schemas';
import { isSupportedCurrency } from '@/lib/domain/currency';

export const displayCurrencySchema = z.object({
  currency: z.string({ error: 'Choose a currency.' }).refine(isSupportedCurrency, 'Choose one of the listed currencies.'),
});

const currentPassword = z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(200, 'Enter your current password.');

export function changePasswordSchema(email: string) {
  const emailName = email.split('@')[0] ?? '';
  return z
    .object({ currentPassword, newPassword: newPasswordSchema, confirmPassword: z.string({ error: 'Repeat the new password.' }) })
    .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match.' })
    .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'Choose a password different from your current one.' })
    .refine((v) => !emailName || !v.newPassword.toLowerCase().includes(emailName.toLowerCase()), {
      path: ['newPassword'],
      message: 'Do not use your e-mail name in your password.',
    });
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
