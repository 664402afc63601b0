import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';

describe('password hashing', () => {
  it('uses argon2id with a per-hash salt and verifies only the right password', async () => {
    const a = await hashPassword('river-tilt-2024');
    const b = await hashPassword('river-tilt-2024');
    expect(a.startsWith('$argon2id$')).toBe(true);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'river-tilt-2024')).toBe(true);
    expect(await verifyPassword(a, 'river-tilt-2025')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
