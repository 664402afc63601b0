import { createHash, randomBytes } from 'node:crypto';

// Rules of the e-mailed "reset your password" link. Pure, so they are unit-tested on their own.

/** How long a link works after it was requested. */
export const RESET_TOKEN_MINUTES = 30;
const TOKEN_BYTES = 32;
// base64url of 32 bytes, unpadded.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** SHA-256, hex: what the table stores (the same rule as session tokens). */
export const hashResetToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewResetToken {
  /** Goes into the e-mail only; never stored. */
  token: string;
  /** Primary key of the stored row. */
  id: string;
  expiresAt: Date;
}

export function newResetToken(now = new Date()): NewResetToken {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, id: hashResetToken(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000) };
}

/** Whether a string from a URL can be a token at all (anything else never reaches the database). */
export function wellFormedResetToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_SHAPE.test(token);
}

/** A stored token works until its expiry instant, exclusive. */
export function resetTokenUsable(row: { expiresAt: Date } | null | undefined, now = new Date()): boolean {
  return !!row && row.expiresAt.getTime() > now.getTime();
}

export function resetLink(origin: string, token: string): string {
  return new URL(`/reset-password/${token}`, origin).toString();
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

/**
 * The origin the link points at. PUBLIC_URL when set (the deployment's public origin, also used
 * for canonical URLs). Without it, the request's Host only when it is a loopback address (a local
 * demo or test run): any other Host header is chosen by whoever sends the request, and a link
 * built from it would send the victim's token to the attacker's site ("reset poisoning"). null:
 * no trustworthy origin, no mail.
 */
export function resetLinkOrigin(publicUrl: string | undefined, host: string | null): string | null {
  if (publicUrl) {
    try {
      return new URL(publicUrl).origin;
    } catch {
      return null;
    }
  }
  return host && LOOPBACK.test(host) ? `http://${host}` : null;
}
