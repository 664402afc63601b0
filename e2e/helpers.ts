// The one place the e2e specs create users and sign in (through the real /register and
// /sign-in forms), and reach the run's database directly.
import { expect, type Page } from '@playwright/test';
import pg from 'pg';

/** The password of every user a spec registers (unless it passes its own). */
export const PASSWORD = 'Correct-Horse-42';
export const DEMO = { email: 'demo@stakeeasy.test', password: 'DemoPoker!2024' };
export const ADMIN = { email: 'admin@stakeeasy.test', password: 'AdminPoker!2024' };

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/* ------------------------------------------------------------------------ registration -- */

/** Fills and submits the form on /register (opened first); the outcome is the caller's to check. */
export async function submitRegistration(page: Page, email: string, password: string, confirmPassword = password) {
  await page.goto('/register');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(confirmPassword);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Registers through /register and waits for the "registered" sign-in page. */
export async function register(page: Page, email: string, password = PASSWORD) {
  await submitRegistration(page, email, password);
  await expect(page).toHaveURL(/\/sign-in\?registered=1/);
}

/* ----------------------------------------------------------------------------- sign-in -- */

/** Fills and submits the sign-in form of the page as it is (e.g. /sign-in?next=...); no check. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in through /sign-in and waits for the dashboard. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard/);
}

/** Presses the header's Sign out button; on a phone it sits in the menu, which is opened first. */
export async function signOut(page: Page) {
  const menu = page.locator('details.nav-menu');
  if ((await page.locator('summary.nav-toggle').isVisible()) && (await menu.getAttribute('open')) === null) {
    await page.locator('summary.nav-toggle').click();
  }
  await page.locator('.site-header').getByRole('button', { name: 'Sign out' }).click();
}

/** Submits the sign-in form on /sign-in; returns whether it reached the dashboard. */
export async function trySignIn(page: Page, email: string, password: string): Promise<boolean> {
  await page.goto('/sign-in');
  await submitSignIn(page, email, password);
  const outcome = await Promise.race([
    page.waitForURL(/\/dashboard/).then(() => true),
    page
      .locator('.form-message')
      .filter({ hasText: /incorrect|Too many/ })
      .waitFor()
      .then(() => false),
  ]);
  return outcome;
}

/** A new user (e-mail from `tag`), registered and signed in on `page`; returns the e-mail. */
export async function signUpAndIn(page: Page, tag: string, password = PASSWORD): Promise<string> {
  const email = uniqueEmail(tag);
  await register(page, email, password);
  await signIn(page, email, password);
  return email;
}

/* ---------------------------------------------------------------------------- database -- */

/**
 * One statement on the run's database (created by playwright.config.ts); returns its rows.
 * `withoutTriggers`: also bypass the triggers that bump the user's data version, i.e. change
 * data the way nothing in the app can (the invalidation control).
 */
export async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = [], { withoutTriggers = false } = {}): Promise<T[]> {
  const base = process.env.E2E_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
  const client = new pg.Client({ connectionString: `${base}/${process.env.E2E_DB_NAME}` });
  await client.connect();
  try {
    if (withoutTriggers) await client.query(`SET session_replication_role = replica`);
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
