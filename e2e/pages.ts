// Every page of the app as a list of steps, shared by the accessibility and layout specs: public
// pages signed out, the demo user's pages (with data), the admin pages, and forms showing their
// errors. Ids (a holding, an article, a tag) are discovered by following the app's own links.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, DEMO, signIn, submitSignIn } from './helpers';
import { chooseTrackerCsv } from './tables/ui';

export interface Step {
  name: string;
  /** Brings `page` to the state to check (navigates, fills, submits). */
  go: (page: Page) => Promise<void>;
}

async function open(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  // Wide screens: wait until the header's <details> is really open (after hydration); until then
  // its links are shown by CSS alone and axe would skip them as content of a closed <details>.
  // A page whose scripts never run (the prerendered /register with a stale nonce, fixed with its
  // CSP) stays closed: then the check goes on without the header links rather than hanging.
  await page
    .waitForFunction(
      () => {
        const details = document.querySelector('details.nav-menu') as HTMLDetailsElement | null;
        const summary = details?.querySelector('summary');
        return !details || !summary || getComputedStyle(summary).display !== 'none' || details.open;
      },
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => test.info().annotations.push({ type: 'not hydrated', description: path }));
}

/** `path` with the header menu opened where there is a menu button (phones). */
const withMenuOpen = (path: string, link: string): Step => ({
  name: `${path} with the menu open`,
  go: async (page) => {
    await open(page, path);
    const toggle = page.locator('summary.nav-toggle');
    if (await toggle.isVisible()) await toggle.click();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link })).toBeVisible();
  },
});

/** Opens the first link matched by `links` on `listPath`; returns its path. */
async function followFirst(page: Page, listPath: string, selector: string): Promise<string> {
  await open(page, listPath);
  const href = await page.locator(selector).first().getAttribute('href');
  if (!href) throw new Error(`no link ${selector} on ${listPath}`);
  await open(page, href);
  return href;
}

const visit = (path: string, status = 200): Step => ({ name: path, go: (page) => open(page, path, status) });

export const PUBLIC_STEPS: Step[] = [
  visit('/'),
  withMenuOpen('/', 'Create account'),
  visit('/articles'),
  { name: 'an article', go: (page) => followFirst(page, '/articles', '.article-list-title a').then(() => undefined) },
  { name: 'a tag page', go: (page) => followFirst(page, '/articles', '.article-list .tags a').then(() => undefined) },
  visit('/articles/sort/oldest'),
  visit('/search?q=bankroll'),
  visit('/sign-in'),
  visit('/register'),
  visit('/forgot-password'),
  visit('/reset-password/not-a-real-token', 404),
  visit('/no-such-page', 404),
  {
    name: '/sign-in with an error',
    go: async (page) => {
      await open(page, '/sign-in');
      await submitSignIn(page, DEMO.email, 'not-the-password');
      await expect(page.locator('.form-message.error')).toBeVisible();
    },
  },
  {
    name: '/register with errors',
    go: async (page) => {
      await open(page, '/register');
      await page.getByLabel('E-mail').fill('not-an-address');
      await page.getByLabel('Password', { exact: true }).fill('short');
      await page.getByLabel('Confirm password').fill('other');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.locator('.field-error').first()).toBeVisible();
    },
  },
];

/** Submits a form empty and waits for its field errors. */
const emptySubmit = (path: string, button: string | RegExp): Step => ({
  name: `${path} with errors`,
  go: async (page) => {
    await open(page, path);
    await page.getByRole('button', { name: button }).click();
    await expect(page.locator('.field-error').first()).toBeVisible();
  },
});

export const USER_STEPS: Step[] = [
  { name: 'sign in as the demo user', go: (page) => signIn(page, DEMO.email, DEMO.password) },
  visit('/dashboard'),
  withMenuOpen('/dashboard', 'Goals'),
  visit('/sites'),
  { name: 'a site', go: (page) => followFirst(page, '/sites', '[data-testid="holding-row"] a').then(() => undefined) },
  visit('/sites/new'),
  emptySubmit('/sites/new', /^Add /),
  visit('/assets'),
  { name: 'an asset', go: (page) => followFirst(page, '/assets', '[data-testid="holding-row"] a').then(() => undefined) },
  visit('/transfers'),
  visit('/transfers/new?type=DEPOSIT'),
  emptySubmit('/transfers/new?type=DEPOSIT', 'Save'),
  visit('/sessions'),
  { name: 'a session', go: (page) => followFirst(page, '/sessions', '[data-testid="sessions-table"] tbody a').then(() => undefined) },
  visit('/sessions/new'),
  emptySubmit('/sessions/new', 'Save session'),
  visit('/sessions/live'),
  visit('/sessions/stats'),
  visit('/sessions/import'),
  {
    // The preview table, the mapping selects and the per-line problems (nothing is written).
    name: 'the tracker import with a preview and bad rows',
    go: async (page) => {
      await open(page, '/sessions/import');
      await chooseTrackerCsv(page, 'Date,Duration,Location,Blinds,Buy-in,Cash out\n2026-01-02 19:00,120,Aria,1/2,100,abc\n2026-01-03 19:00,soon,Aria,1/2,100,150\n');
      await page.getByRole('button', { name: 'Import sessions' }).click();
      await expect(page.getByTestId('import-problems')).toContainText('line 3');
    },
  },
  visit('/goals'),
  visit('/stakes'),
  visit('/achievements'),
  visit('/settings'),
  { name: 'a public page signed in', go: (page) => open(page, '/articles') },
];

export const ADMIN_STEPS: Step[] = [
  { name: 'sign in as the admin', go: (page) => signIn(page, ADMIN.email, ADMIN.password) },
  visit('/admin/articles'),
  visit('/admin/articles/new'),
  emptySubmit('/admin/articles/new', 'Save draft'),
  { name: 'an article in the editor', go: (page) => followFirst(page, '/admin/articles', 'tbody th a').then(() => undefined) },
  visit('/admin/tags'),
  { name: 'a tag in the editor', go: (page) => followFirst(page, '/admin/tags', 'tbody th a').then(() => undefined) },
];

/** Public pages signed out, then the demo user's, then the admin's, in one browser context. */
export const ALL_STEPS: Step[] = [...PUBLIC_STEPS, ...USER_STEPS, ...ADMIN_STEPS];
