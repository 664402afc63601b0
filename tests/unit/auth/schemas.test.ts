import { describe, expect, it } from 'vitest';
import { registerSchema, signInSchema } from '@/lib/auth/schemas';
import { safeNextPath } from '@/lib/request';

const reg = (email: string, password: string, confirmPassword = password) => registerSchema.safeParse({ email, password, confirmPassword });
const messages = (r: ReturnType<typeof reg>) => (r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));

describe('registration rules', () => {
  it('accepts a long mixed password and normalises the e-mail', () => {
    const r = reg('  Player@Example.COM ', 'river-tilt-2024');
    expect(r.success).toBe(true);
    expect(r.success && r.data.email).toBe('player@example.com');
  });

  it.each([
    ['short1!', 'password: Use at least 10 characters.'],
    ['onlyletterslong', 'password: Mix letters with at least one digit or symbol.'],
    ['aaaaaaaaa1', 'password: Use at least 5 different characters.'],
    ['player-2024-x', 'password: Do not use your e-mail name in your password.'],
  ])('rejects %s', (password, message) => {
    expect(messages(reg('player@example.com', password))).toContain(message);
  });

  it('rejects mismatched confirmation on the confirmation field', () => {
    expect(messages(reg('a@example.com', 'river-tilt-2024', 'river-tilt-2025'))).toEqual(['confirmPassword: The passwords do not match.']);
  });

  it.each(['', 'plainaddress', 'a@', '@b.com', `${'x'.repeat(250)}@example.com`])('rejects e-mail %j', (email) => {
    expect(messages(reg(email, 'river-tilt-2024')).some((m) => m.startsWith('email:'))).toBe(true);
  });

  it('sign-in needs both fields', () => {
    expect(signInSchema.safeParse({ email: 'a@example.com', password: '' }).success).toBe(false);
    expect(signInSchema.safeParse({ email: 'a@example.com', password: 'x' }).success).toBe(true);
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/settings', '/settings'],
    ['/dashboard?x=1', '/dashboard?x=1'],
    ['//evil.example', '/dashboard'],
    ['/\\evil.example', '/dashboard'],
    ['https://evil.example', '/dashboard'],
    ['/\t/evil.example', '/dashboard'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['/settings#currency', '/settings#currency'],
    [null, '/dashboard'],
  ])('%j -> %j', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
