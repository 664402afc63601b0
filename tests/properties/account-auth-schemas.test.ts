// Properties of the auth forms (auth-actions.ts: register, sign in) and the settings forms
// (settings/actions.ts: display currency, password change, account deletion). The import form
// is covered by import-parse.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changePasswordSchema, deleteAccountSchema, displayCurrencySchema } from '@/lib/account/schemas';
import { containsEmailName, registerSchema, signInSchema } from '@/lib/auth/schemas';
import {
  PAYLOADS,
  RUNS,
  SCRIPT_PAYLOAD,
  SQL_PAYLOAD,
  codePoints,
  currencyCode,
  expectOnlyFieldError,
  expectValid,
  nonStrings,
  padding,
  unknownCurrencies,
} from './support';

// --------------------------------------------------------------------------- generators

const label = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8})?$/);
/** Plain addresses any e-mail validator accepts, with the local part 1 to 20 characters. */
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,10}([._+-][a-z0-9]{1,9})?$/), fc.array(label, { minLength: 1, maxLength: 2 }), fc.stringMatching(/^[a-z]{2,6}$/))
  .map(([local, labels, tld]) => `${local}@${[...labels, tld].join('.')}`);
/** As typed: any case, maybe padded; stored lowercased and trimmed. */
const typedEmail = fc.tuple(email, fc.boolean(), padding, padding).map(([address, upper, before, after]) => ({
  text: before + (upper ? address.toUpperCase() : address) + after,
  expected: address,
}));

const passwordPiece = fc.oneof(
  fc.stringMatching(/^[A-Za-z]{2,12}$/),
  fc.stringMatching(/^[0-9!@#$%^&*()_+=,.;:'"<>?-]{1,6}$/),
  fc.constantFrom(' ', 'ü', 'ß', '🂡', '\u200B', 'Пароль', SQL_PAYLOAD, SCRIPT_PAYLOAD),
);
/** Strong-enough passwords (10-200 code points, letters and others, 5 distinct characters). */
const password = fc
  .array(passwordPiece, { minLength: 2, maxLength: 10 })
  .map((pieces) => pieces.join(''))
  .filter((p) => codePoints(p) >= 10 && codePoints(p) <= 200 && /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p) && new Set(p).size >= 5);

const weakPasswords = fc.oneof(
  fc.constantFrom('', 'short-1', 'abcdefghij', 'ABCDEFGHIJKLMNOP', '1234567890', '!!!!!!!!!!!!', 'aaaaaaaaa1', 'ababababab12', '🂡🂡🂡🂡🂡a1'),
  fc.integer({ min: 201, max: 10_000 }).map((n) => `Aa1!${'x'.repeat(n)}`.slice(0, n)),
  nonStrings,
);

/** The confirmation typed for a (bad) password: the same text, or empty next to a non-string. */
const sameText = (value: unknown) => (typeof value === 'string' ? value : '');

// ----------------------------------------------------------------------------- register

describe('registerSchema (registerAction)', () => {
  const form = fc.tuple(typedEmail, password).filter(([e, p]) => !containsEmailName(p, e.expected));

  it('round-trips: e-mail trimmed and lowercased, password exactly as typed', () => {
    fc.assert(
      fc.property(form, ([e, p]) => {
        const parsed = expectValid(registerSchema.safeParse({ email: e.text, password: p, confirmPassword: p }));
        expect(parsed).toEqual({ email: e.expected, password: p, confirmPassword: p });
      }),
      RUNS,
    );
  });

  it('does not refuse every password of someone whose e-mail name is one or two letters', () => {
    // Was: "e@example.com" could not use any password containing an "e".
    for (const address of ['e@example.com', 'jo@example.com']) {
      expectValid(registerSchema.safeParse({ email: address, password: 'Correct-Horse-42', confirmPassword: 'Correct-Horse-42' }));
    }
  });

  const badEmails = fc.oneof(
    fc.constantFrom('', ' ', 'x', 'a@', '@b.com', 'a b@c.com', 'a@b', 'a@@b.com', 'a@b..com', 'a\u0000@b.com', SQL_PAYLOAD, SCRIPT_PAYLOAD, `${SCRIPT_PAYLOAD}@b.com`),
    fc.integer({ min: 250, max: 10_000 }).map((n) => `${'a'.repeat(n)}@example.com`),
    nonStrings,
  );

  it.each([
    ['email', badEmails, (bad: unknown, e: string, p: string) => ({ email: bad, password: p, confirmPassword: p })],
    ['password', weakPasswords, (bad: unknown, e: string) => ({ email: e, password: bad, confirmPassword: sameText(bad) })],
    ['confirmPassword', fc.oneof(fc.string({ maxLength: 20 }), nonStrings), (bad: unknown, e: string, p: string) => ({ email: e, password: p, confirmPassword: bad })],
  ] as const)('refuses a bad %s with a message on that field only', (field, bad, build) => {
    fc.assert(
      fc.property(form, bad, ([e, p], value) => {
        fc.pre(value !== p);
        // An invalid address still has a "name" the password must not contain; keep them apart.
        fc.pre(typeof value !== 'string' || field !== 'email' || !containsEmailName(p, value.trim().toLowerCase()));
        const input = build(value, e.text, p);
        expectOnlyFieldError(registerSchema.safeParse(input), input, field);
      }),
      RUNS,
    );
  });

  it('refuses a password containing the e-mail name (3+ characters), on the password field', () => {
    fc.assert(
      fc.property(email.filter((e) => e.split('@')[0].length >= 3), password, fc.boolean(), (address, p, upper) => {
        const name = address.split('@')[0];
        const withName = `${p}${upper ? name.toUpperCase() : name}`;
        const input = { email: address, password: withName, confirmPassword: withName };
        fc.pre(codePoints(withName) <= 200);
        expectOnlyFieldError(registerSchema.safeParse(input), input, 'password');
      }),
      RUNS,
    );
  });
});

// ------------------------------------------------------------------------------ sign in

describe('signInSchema (signInAction)', () => {
  const anyPassword = fc.string({ minLength: 1, maxLength: 200 }).filter((p) => codePoints(p) <= 200);

  it('round-trips: e-mail normalised, password untouched (even payloads and padding)', () => {
    fc.assert(
      fc.property(typedEmail, fc.oneof(anyPassword, fc.constantFrom(...PAYLOADS, ' padded ')), (e, p) => {
        expect(expectValid(signInSchema.safeParse({ email: e.text, password: p }))).toEqual({ email: e.expected, password: p });
      }),
      RUNS,
    );
  });

  it('refuses a missing or absurd password on the password field', () => {
    fc.assert(
      fc.property(email, fc.oneof(fc.constantFrom(''), fc.integer({ min: 201, max: 10_000 }).map((n) => 'p'.repeat(n)), nonStrings), (address, p) => {
        const input = { email: address, password: p };
        expectOnlyFieldError(signInSchema.safeParse(input), input, 'password');
      }),
      RUNS,
    );
  });
});

// ------------------------------------------------------------------------------ settings

describe('displayCurrencySchema (updateDisplayCurrencyAction)', () => {
  it('accepts exactly the supported codes as the select sends them', () => {
    fc.assert(
      fc.property(currencyCode, (code) => {
        expect(expectValid(displayCurrencySchema.safeParse({ currency: code }))).toEqual({ currency: code });
      }),
      RUNS,
    );
  });

  it('refuses unknown, lowercase or padded codes on the currency field', () => {
    // A select only sends its own values, so anything else is tampering: not normalised.
    fc.assert(
      fc.property(fc.oneof(unknownCurrencies, currencyCode.map((c) => c.toLowerCase()), currencyCode.map((c) => `${c} `), nonStrings), (currency) => {
        expectOnlyFieldError(displayCurrencySchema.safeParse({ currency }), { currency }, 'currency');
      }),
      RUNS,
    );
  });
});

describe('changePasswordSchema (changePasswordAction)', () => {
  const current = fc.string({ minLength: 1, maxLength: 40 });
  const form = fc.tuple(email, current, password).filter(([e, c, p]) => p !== c && !containsEmailName(p, e));

  it('round-trips valid changes unchanged', () => {
    fc.assert(
      fc.property(form, ([e, c, p]) => {
        const input = { currentPassword: c, newPassword: p, confirmPassword: p };
        expect(expectValid(changePasswordSchema(e).safeParse(input))).toEqual(input);
      }),
      RUNS,
    );
  });

  it.each([
    ['currentPassword', fc.oneof(fc.constantFrom(''), fc.integer({ min: 201, max: 5_000 }).map((n) => 'c'.repeat(n)), nonStrings)],
    ['newPassword', weakPasswords],
    ['confirmPassword', fc.oneof(fc.string({ maxLength: 20 }), nonStrings)],
  ])('refuses a bad %s with a message on that field only', (field, bad) => {
    fc.assert(
      fc.property(form, bad, ([e, c, p], value) => {
        fc.pre(value !== p && value !== c);
        const input =
          field === 'newPassword' ? { currentPassword: c, newPassword: value, confirmPassword: sameText(value) } : { currentPassword: c, newPassword: p, confirmPassword: p, [field]: value };
        expectOnlyFieldError(changePasswordSchema(e).safeParse(input), input, field);
      }),
      RUNS,
    );
  });

  it('refuses reusing the current password, on the new password field', () => {
    fc.assert(
      fc.property(form, ([e, , p]) => {
        const input = { currentPassword: p, newPassword: p, confirmPassword: p };
        expectOnlyFieldError(changePasswordSchema(e).safeParse(input), input, 'newPassword');
      }),
      RUNS,
    );
  });
});

describe('deleteAccountSchema (deleteAccountAction)', () => {
  it('accepts the account e-mail typed in any case with padding', () => {
    fc.assert(
      fc.property(typedEmail, fc.string({ minLength: 1, maxLength: 50 }), (e, p) => {
        expect(expectValid(deleteAccountSchema(e.expected).safeParse({ confirmEmail: e.text, password: p }))).toEqual({ confirmEmail: e.expected, password: p });
      }),
      RUNS,
    );
  });

  it('refuses another e-mail on confirmEmail, and a missing password on password', () => {
    fc.assert(
      fc.property(email, fc.oneof(email, fc.constantFrom('', SQL_PAYLOAD, SCRIPT_PAYLOAD), nonStrings), (mine, typed) => {
        fc.pre(typed !== mine);
        const input = { confirmEmail: typed, password: 'secret' };
        expectOnlyFieldError(deleteAccountSchema(mine).safeParse(input), input, 'confirmEmail');
        const noPassword = { confirmEmail: mine, password: '' };
        expectOnlyFieldError(deleteAccountSchema(mine).safeParse(noPassword), noPassword, 'password');
      }),
      RUNS,
    );
  });
});
