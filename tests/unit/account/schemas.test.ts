import { describe, expect, it } from 'vitest';
import { changePasswordSchema, deleteAccountSchema, displayCurrencySchema } from '@/lib/account/schemas';

const fieldErrors = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('displayCurrencySchema', () => {
  it('accepts supported currencies only', () => {
    expect(displayCurrencySchema.safeParse({ currency: 'EUR' }).success).toBe(true);
    expect(fieldErrors(displayCurrencySchema.safeParse({ currency: 'XYZ' }))).toEqual({ currency: 'Choose one of the listed currencies.' });
  });
});

describe('changePasswordSchema', () => {
  const schema = changePasswordSchema('alice@example.com');
  const valid = { currentPassword: 'Old-Password-1', newPassword: 'New-Password-22', confirmPassword: 'New-Password-22' };

  it('accepts a good change', () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it('applies the registration rules to the new password', () => {
    expect(fieldErrors(schema.safeParse({ ...valid, newPassword: 'ab-12', confirmPassword: 'ab-12' }))).toMatchObject({ newPassword: 'Use at least 10 characters.' });
    expect(fieldErrors(schema.safeParse({ ...valid, newPassword: 'Alice-Password-9', confirmPassword: 'Alice-Password-9' }))).toEqual({ newPassword: 'Do not use your e-mail name in your password.' });
  });

  it('needs the confirmation to match, a different password and the current one', () => {
    expect(fieldErrors(schema.safeParse({ ...valid, confirmPassword: 'other' }))).toEqual({ confirmPassword: 'The passwords do not match.' });
    expect(fieldErrors(schema.safeParse({ ...valid, currentPassword: valid.newPassword }))).toEqual({ newPassword: 'Choose a password different from your current one.' });
    expect(fieldErrors(schema.safeParse({ ...valid, currentPassword: '' }))).toEqual({ currentPassword: 'Enter your current password.' });
  });
});

describe('deleteAccountSchema', () => {
  const schema = deleteAccountSchema('alice@example.com');

  it('needs the e-mail typed out (case and spaces do not matter) and a password', () => {
    expect(schema.safeParse({ confirmEmail: '  Alice@Example.com ', password: 'x' }).success).toBe(true);
    expect(fieldErrors(schema.safeParse({ confirmEmail: 'bob@example.com', password: '' }))).toEqual({
      confirmEmail: 'Type your e-mail address exactly as shown to confirm.',
      password: 'Enter your current password.',
    });
  });
});
