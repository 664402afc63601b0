import { z } from 'zod';

export const emailSchema = z
  .string({ error: 'Enter your e-mail address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That e-mail address is too long.')
  .pipe(z.email({ error: 'Enter a valid e-mail address, like name@example.com.' }));

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
  .refine((v) => !v.password.toLowerCase().includes(v.email.split('@')[0] ?? '\u0000'), {
    path: ['password'],
    message: 'Do not use your e-mail name in your password.',
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(200, 'Enter your password.'),
});
