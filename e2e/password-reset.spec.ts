// "Forgot password" end to end through a real SMTP server: the app (SMTP_URL, set in
// playwright.config.ts) mails this spec's smtp-server, and the spec follows the link it receives.
import { createHash } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { PASSWORD, query, register, signIn, signUpAndIn, trySignIn, uniqueEmail } from './helpers';

const NEW_PASSWORD = 'Brand-New-Secret-77';
const inbox: ParsedMail[] = [];
let smtp: SMTPServer;

test.beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no TLS certificate to trust, no login.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          inbox.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(Number(process.env.E2E_SMTP_PORT), '127.0.0.1', () => resolve());
  });
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const recipient = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : '');
const mailsTo = (address: string) => inbox.filter((m) => recipient(m) === address);

/** Waits for the n-th mail to `address` and returns the reset link in it. */
async function resetLinkFor(address: string, n = 1): Promise<string> {
  await expect.poll(() => mailsTo(address).length, { message: `mail #${n} to ${address}` }).toBeGreaterThanOrEqual(n);
  const mail = mailsTo(address)[n - 1]!;
  expect(mail.subject).toBe('Reset your StakeEasy password');
  expect(mail.from?.text).toContain('no-reply@stakeeasy.test');
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
  expect(link, 'link in the text part').toBeTruthy();
  expect(mail.html).toContain(`href="${link}"`);
  return link!;
}

/** Submits the "forgot password" form; returns the message shown and how long the answer took. */
async function requestReset(page: Page, email: string): Promise<{ message: string; ms: number }> {
  await page.goto('/forgot-password');
  await page.getByLabel('E-mail').fill(email);
  const started = Date.now();
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/forgot-password');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await answered;
  const ms = Date.now() - started;
  const message = page.locator('.form-message');
  await expect(message).toBeVisible();
  return { message: (await message.textContent()) ?? '', ms };
}

async function signedInContext(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  await signIn(await context.newPage(), email, password);
  return context;
}

test('reset through the mailed link: new password works, old one and every old session do not, the link works once', async ({ browser, page, baseURL }) => {
  const email = uniqueEmail('reset');
  await register(page, email);
  // Two devices signed in before the reset.
  const phone = await signedInContext(browser, email, PASSWORD);
  const laptop = await signedInContext(browser, email, PASSWORD);

  // From the sign-in page, as a user would.
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const { message } = await requestReset(page, email);
  expect(message).toContain('If an account exists for that address');

  const link = await resetLinkFor(email);
  expect(link.startsWith(`${baseURL}/reset-password/`)).toBe(true);
  const token = link.split('/').pop()!;
  // Stored hashed: the table has the SHA-256 of the mailed token and never the token itself.
  const rows = await query<{ id: string; minutes: number }>(
    `SELECT t.id, EXTRACT(EPOCH FROM (t."expiresAt" - t."createdAt")) / 60 AS minutes
       FROM "PasswordResetToken" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1`,
    [email],
  );
  expect(rows.map((r) => r.id)).toEqual([createHash('sha256').update(token).digest('hex')]);
  expect(Number(rows[0]!.minutes)).toBe(30);

  // A second tab opens the same link before the first one uses it.
  const staleTab = await browser.newPage();
  await staleTab.goto(link);
  await expect(staleTab.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();

  await page.goto(link);
  await expect(page.getByText(email)).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await expect(page.getByRole('status')).toContainText('every device was signed out');

  // Every session made before the reset is revoked server-side.
  for (const device of [phone, laptop]) {
    const p = device.pages()[0]!;
    await p.goto('/dashboard');
    await expect(p).toHaveURL(/\/sign-in/);
    await device.close();
  }
  expect(await query(`SELECT 1 FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`, [email])).toHaveLength(0);
  expect(await query(`SELECT 1 FROM "PasswordResetToken" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1`, [email])).toHaveLength(0);

  // Old password refused, new one accepted.
  expect(await trySignIn(page, email, PASSWORD)).toBe(false);
  expect(await trySignIn(page, email, NEW_PASSWORD)).toBe(true);

  // The link is spent: opening it again is a clear 404 page, submitting the stale tab changes nothing.
  const again = await page.goto(link);
  expect(again?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This reset link no longer works' })).toBeVisible();
  await staleTab.getByLabel('New password', { exact: true }).fill('Another-Secret-99');
  await staleTab.getByLabel('Confirm new password').fill('Another-Secret-99');
  await staleTab.getByRole('button', { name: 'Set new password' }).click();
  await expect(staleTab.locator('.form-message')).toContainText('invalid, expired or already used');
  await expect(staleTab.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
  expect(await trySignIn(staleTab, email, 'Another-Secret-99')).toBe(false);
  await staleTab.close();
});

test('an unknown address gets the identical answer, in similar time, and no mail; requests are limited per address', async ({ page }) => {
  const known = await signUpAndIn(page, 'reset-known');
  await page.context().clearCookies();
  const unknown = uniqueEmail('nobody');
  const samples = { known: [] as number[], unknown: [] as number[] };
  const messages = new Set<string>();
  // Alternating, three of each (the per-address limit is 3 per window).
  for (let i = 0; i < 3; i++) {
    for (const [kind, address] of [['unknown', unknown], ['known', known]] as const) {
      const { message, ms } = await requestReset(page, address);
      messages.add(message);
      samples[kind].push(ms);
    }
  }
  expect([...messages]).toHaveLength(1);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  // The lookup and the mail happen after the answer, so neither can show in its timing.
  expect(Math.abs(median(samples.known) - median(samples.unknown))).toBeLessThan(250);

  await resetLinkFor(known, 3);
  // The unknown address's requests were all answered before the last known one: no mail for it.
  expect(mailsTo(unknown)).toHaveLength(0);

  // A fourth request for either address is refused, for both alike.
  for (const address of [known, unknown]) {
    const { message } = await requestReset(page, address);
    expect(message).toContain('Too many attempts');
  }
});

test('expired and malformed links answer a clear 404 page, never a form or a 500', async ({ page }) => {
  const email = uniqueEmail('reset-expired');
  await register(page, email);
  await requestReset(page, email);
  const link = await resetLinkFor(email);
  await query(`UPDATE "PasswordResetToken" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [email]);
  for (const url of [link, '/reset-password/not-a-token', `/reset-password/${'A'.repeat(43)}`, `/reset-password/${'x'.repeat(5000)}`]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { name: 'This reset link no longer works' })).toBeVisible();
    await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
    expect(res?.headers()['cache-control']).toContain('no-store');
  }
  expect(await trySignIn(page, email, PASSWORD)).toBe(true);
});
