import { z } from 'zod';

export const emailSchema = z
  .string({ error: 'Enter your e-mail address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That e-mail address is too long.')
  .pipe(z.email({ error: 'Enter a valid e-mail address, like name@example.com.' }));

/** The rule below, in words, shown next to every new-password field. */
export const NEW_PASSWORD_HINT = 'At least 10 characters, mixing letters with a digit or symbol.';

// Length matters more than character classes; the classes only stop the
// worst choices ("aaaaaaaaaaaa").
export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Use at most 200 characters.')
  .refine((p) => /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p), {
    message: 'Mix letters with at least one digit or symbol.',
  })
  .refine((p) => new Set(p).size >= 5, { message: 'Use at least 5 different characters.' });

/**
 * Whether the password contains the e-mail's name ("alice" of alice@example.com). Names
 * shorter than 3 characters are not checked: for "e@example.com" every password with an "e"
 * would be refused, which protects nothing.
 */
export const EMAIL_NAME_MIN = 3;
export function containsEmailName(password: string, email: string): boolean {
  const name = (email.split('@')[0] ?? '').toLowerCase();
  return name.length >= EMAIL_NAME_MIN && password.toLowerCase().includes(name);
}

export const EMAIL_NAME_MESSAGE = 'Do not use your e-mail name in your password.';

export const registerSchema = z
  .object({
    email: emailSchema,
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match.',
  })
  .refine((v) => !containsEmailName(v.password, v.email), { path: ['password'], message: EMAIL_NAME_MESSAGE });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(200, 'Enter your password.'),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

/** The new password of a reset; whether it contains the e-mail name is checked once the token's user is known. */
export const resetPasswordSchema = z
  .object({
    token: z.string().max(100),
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match.',
  });
