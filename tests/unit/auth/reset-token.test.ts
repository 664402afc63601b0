import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { hashResetToken, newResetToken, resetLink, resetLinkOrigin, resetTokenUsable, RESET_TOKEN_MINUTES, wellFormedResetToken } from '@/lib/auth/reset-token';

describe('reset tokens', () => {
  it('are 256-bit random, URL-safe, and stored only as their SHA-256', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const a = newResetToken(now);
    const b = newResetToken(now);
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.id).toBe(createHash('sha256').update(a.token).digest('hex'));
    expect(a.id).toBe(hashResetToken(a.token));
    expect(a.id).not.toContain(a.token);
  });

  it(`expire ${RESET_TOKEN_MINUTES} minutes after the request, exclusive`, () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const { expiresAt } = newResetToken(now);
    expect(RESET_TOKEN_MINUTES).toBe(30);
    expect(expiresAt.getTime() - now.getTime()).toBe(30 * 60_000);
    expect(resetTokenUsable({ expiresAt }, new Date(expiresAt.getTime() - 1))).toBe(true);
    expect(resetTokenUsable({ expiresAt }, expiresAt)).toBe(false);
    expect(resetTokenUsable({ expiresAt }, new Date(expiresAt.getTime() + 1))).toBe(false);
    expect(resetTokenUsable(null, now)).toBe(false);
  });

  it.each([
    ['', false],
    ['short', false],
    ['A'.repeat(42), false],
    ['A'.repeat(44), false],
    [`${'A'.repeat(42)}=`, false],
    [`${'A'.repeat(42)}/`, false],
    ['../'.repeat(15).slice(0, 43), false],
    [123, false],
    [undefined, false],
    [newResetToken().token, true],
  ])('shape check %j -> %s', (token, ok) => {
    expect(wellFormedResetToken(token)).toBe(ok);
  });
});

describe('reset link origin', () => {
  it.each([
    { publicUrl: 'https://stakeeasy.example', host: 'evil.example', want: 'https://stakeeasy.example', why: 'PUBLIC_URL wins over any Host' },
    { publicUrl: 'https://stakeeasy.example/some/path', host: null, want: 'https://stakeeasy.example', why: 'origin only' },
    { publicUrl: undefined, host: '127.0.0.1:3312', want: 'http://127.0.0.1:3312', why: 'local run: loopback host' },
    { publicUrl: undefined, host: 'localhost:3000', want: 'http://localhost:3000', why: 'local run: localhost' },
    { publicUrl: undefined, host: '[::1]:3000', want: 'http://[::1]:3000', why: 'local run: IPv6 loopback' },
    { publicUrl: undefined, host: 'evil.example', want: null, why: 'a foreign Host never builds a link' },
    { publicUrl: undefined, host: '127.0.0.1.evil.example', want: null, why: 'loopback-looking prefix' },
    { publicUrl: undefined, host: 'localhost@evil.example', want: null, why: 'userinfo trick' },
    { publicUrl: undefined, host: null, want: null, why: 'no host' },
    { publicUrl: 'not a url', host: '127.0.0.1', want: null, why: 'broken PUBLIC_URL' },
  ])('$why', ({ publicUrl, host, want }) => {
    expect(resetLinkOrigin(publicUrl, host)).toBe(want);
  });

  it('puts the token in the path of that origin', () => {
    expect(resetLink('https://stakeeasy.example', 'abc_-1')).toBe('https://stakeeasy.example/reset-password/abc_-1');
  });
});
