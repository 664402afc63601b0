import type { LimitRule } from '@/lib/auth/rate-limit';

// Per-user attempt limits of the settings actions. A stolen session must not be able to
// guess the password (which the password change and the account deletion both check), and
// imports are the heaviest write a user can trigger.
export const accountLimits = {
  passwordCheck: (): LimitRule => ({ name: 'account-password', max: 5, windowSeconds: 15 * 60 }),
  importFile: (): LimitRule => ({ name: 'account-import', max: 20, windowSeconds: 60 * 60 }),
};

/**
 * Largest import file. Kept under the 2 MiB server-action body limit (next.config.ts) with
 * room for the multipart envelope, so an oversized file gets this clear message, not Next's
 * generic one.
 */
export const MAX_IMPORT_BYTES = 2_000_000;
