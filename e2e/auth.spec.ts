import { expect, test } from '@playwright/test';
import { DEMO, PASSWORD, register, signIn, signOut, submitRegistration, submitSignIn, uniqueEmail } from './helpers';

test('a new user registers, signs in, sees the empty dashboard and signs out', async ({ page }) => {
  const email = uniqueEmail('new');
  await register(page, email);
  await expect(page.getByRole('status')).toContainText('Your account is ready');
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText("Let's set up your bankroll")).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add your first poker site' })).toBeVisible();
  await signOut(page);
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard/);
});

test('the session cookie is httpOnly, SameSite=Lax and Secure', async ({ page, context }) => {
  const email = uniqueEmail('cookie');
  await register(page, email);
  await signIn(page, email, PASSWORD);
  const cookie = (await context.cookies()).find((c) => c.name === 'se_session');
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe('Lax');
  expect(cookie!.secure).toBe(true);
  expect(cookie!.value.length).toBeGreaterThanOrEqual(40);
});

test('a wrong password and an unknown e-mail get the same clear message', async ({ page }) => {
  const email = uniqueEmail('wrong');
  await register(page, email);
  for (const [mail, password] of [
    [email, 'not-the-password-1'],
    [uniqueEmail('nobody'), 'not-the-password-1'],
  ]) {
    await page.goto('/sign-in');
    await submitSignIn(page, mail, password);
    await expect(page.locator('.form-message')).toHaveText('E-mail or password is incorrect.');
    await expect(page.getByLabel('E-mail')).toHaveValue(mail);
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

test('registering an existing e-mail looks the same as a new one and changes nothing', async ({ page }) => {
  const email = uniqueEmail('dupe');
  await register(page, email, 'First-Password-1');
  await register(page, email, 'Second-Password-2');
  await signIn(page, email, 'First-Password-1');
});

test('registration validates the fields next to them and keeps what was typed', async ({ page }) => {
  await submitRegistration(page, 'not-an-email', 'short', 'different');
  await expect(page.locator('#f-email-error')).toContainText('valid e-mail');
  await expect(page.locator('#f-password-error')).toContainText('at least 10 characters');
  await expect(page.locator('#f-confirmPassword-error')).toContainText('do not match');
  await expect(page.getByLabel('E-mail')).toHaveValue('not-an-email');
});

test('a protected page redirects to sign-in and back after signing in', async ({ page }) => {
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings/);
  const email = uniqueEmail('next');
  await register(page, email);
  await page.goto('/sign-in?next=%2Fdashboard%3Ffrom%3Dnext');
  await submitSignIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard\?from=next/);
});

test('an open redirect through ?next= is refused', async ({ page }) => {
  const email = uniqueEmail('open');
  await register(page, email);
  await page.goto('/sign-in?next=%2F%2Fevil.example%2F');
  await submitSignIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/dashboard/);
});

test('sign-in rotates the session and sign-out revokes it server-side', async ({ page, context, browser }) => {
  const email = uniqueEmail('rotate');
  await register(page, email);
  await signIn(page, email, PASSWORD);
  const first = (await context.cookies()).find((c) => c.name === 'se_session')!;
  await signIn(page, email, PASSWORD);
  const second = (await context.cookies()).find((c) => c.name === 'se_session')!;
  expect(second.value).not.toBe(first.value);

  const replay = async (value: string) => {
    const other = await browser.newContext();
    await other.addCookies([{ ...first, value }]);
    const p = await other.newPage();
    await p.goto('/dashboard');
    const url = p.url();
    await other.close();
    return url;
  };
  expect(await replay(first.value)).toMatch(/\/sign-in/);
  expect(await replay(second.value)).toMatch(/\/dashboard/);

  await signOut(page);
  await expect(page).toHaveURL(/\/$/);
  expect(await replay(second.value)).toMatch(/\/sign-in/);
});

test('sign-in is rate limited per e-mail', async ({ page }) => {
  const email = uniqueEmail('limit');
  await register(page, email);
  for (let i = 0; i < 5; i++) {
    await page.goto('/sign-in');
    await submitSignIn(page, email, `wrong-password-${i}`);
    await expect(page.locator('.form-message')).toHaveText('E-mail or password is incorrect.');
  }
  await page.goto('/sign-in');
  await submitSignIn(page, email, PASSWORD);
  await expect(page.locator('.form-message')).toContainText('Too many attempts');
});

test('the demo user signs in and sees the seeded bankroll', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page.getByTestId('total-bankroll')).toContainText('€');
  await expect(page.getByRole('cell', { name: 'PokerStars', exact: true })).toBeVisible();
  const rows = page.locator('table tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(9);
});
