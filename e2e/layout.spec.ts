import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn, signOut, signUpAndIn } from './helpers';
import { ALL_STEPS } from './pages';

// Mobile-first layout: no page wider than the viewport, the header menu, tables that scroll
// inside a focusable region, the theme setting (applied before first paint), and the public
// header following the signed-in flag.

const pageWidth = (page: Page) => page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, viewport: window.innerWidth }));

for (const width of [320, 375, 768, 1280]) {
  test(`no page is wider than a ${width}px viewport`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const tooWide: string[] = [];
    for (const step of ALL_STEPS) {
      await step.go(page);
      const { scroll, viewport } = await pageWidth(page);
      if (scroll > viewport) tooWide.push(`${step.name} [${page.url()}]: ${scroll}px`);
    }
    await context.close();
    expect(tooWide, tooWide.join('\n')).toEqual([]);
  });
}

test('a 50-character name without spaces wraps instead of widening the page', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signUpAndIn(page, 'long-name');
  await page.goto('/sites/new');
  const name = `Wide${'W'.repeat(40)}${Date.now()}`.slice(0, 50);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Current balance').fill('10');
  await page.getByRole('button', { name: /^Add / }).click();
  await expect(page).toHaveURL(/\/sites$/);
  expect((await pageWidth(page)).scroll).toBeLessThanOrEqual(375);
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  expect((await pageWidth(page)).scroll).toBeLessThanOrEqual(375);
  await page.goto('/dashboard');
  expect((await pageWidth(page)).scroll).toBeLessThanOrEqual(375);
});

test.describe('header menu on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the signed-in menu opens and closes with the keyboard, and closes after navigating', async ({ page }) => {
    await signIn(page, DEMO.email, DEMO.password);
    const toggle = page.locator('summary.nav-toggle');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(toggle).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Goals' })).toBeHidden();

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(nav.getByRole('link', { name: 'Goals' })).toBeVisible();
    await expect(page.locator('details.nav-menu')).toHaveAttribute('open', '');
    await page.keyboard.press('Enter');
    await expect(nav.getByRole('link', { name: 'Goals' })).toBeHidden();

    // Space opens it too; Escape closes it and leaves focus on the button.
    await page.keyboard.press('Space');
    await expect(nav.getByRole('link', { name: 'Goals' })).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(nav.getByRole('link', { name: 'Goals' })).toBeHidden();
    await expect(toggle).toBeFocused();

    await toggle.click();
    await nav.getByRole('link', { name: 'Goals' }).click();
    await expect(page).toHaveURL(/\/goals$/);
    await expect(nav.getByRole('link', { name: 'Stakes' })).toBeHidden();
    await expect(page.locator('details.nav-menu')).not.toHaveAttribute('open', '');
  });

  test('the header fits in one row at 320px, public and signed in', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto('/');
    expect((await page.locator('.site-header').boundingBox())!.height).toBeLessThanOrEqual(64);
    await signIn(page, DEMO.email, DEMO.password);
    expect((await page.locator('.site-header').boundingBox())!.height).toBeLessThanOrEqual(64);
  });
});

test('on a desktop the links are inline and there is no menu button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page.locator('summary.nav-toggle')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' })).toBeVisible();
  // Really open, not only shown by CSS: content of a closed <details> counts as hidden to axe.
  await expect(page.locator('details.nav-menu')).toHaveAttribute('open', '');
  await page.setViewportSize({ width: 375, height: 800 });
  await expect(page.locator('details.nav-menu')).not.toHaveAttribute('open', '');
  await expect(page.locator('summary.nav-toggle')).toBeVisible();
});

test('the dashboard breakdown scrolls inside a labelled region that the keyboard can reach', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, DEMO.email, DEMO.password);
  const region = page.getByRole('region', { name: /Values in .* at today's rates/ });
  await expect(region).toHaveAttribute('tabindex', '0');
  const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client); // wider than the phone: it scrolls inside
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect((await pageWidth(page)).scroll).toBeLessThanOrEqual(375);
});

/** Records data-theme on <html> at the moment <body> is parsed, i.e. before anything is painted. */
async function recordThemeAtFirstPaint(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { themeAtBody?: string | null };
    new MutationObserver((_, observer) => {
      if (document.body) {
        w.themeAtBody = document.documentElement.getAttribute('data-theme');
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}
const themeAtBody = (page: Page) => page.evaluate(() => (window as unknown as { themeAtBody?: string | null }).themeAtBody ?? null);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('the theme setting applies at once and on every later page, before first paint', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await recordThemeAtFirstPaint(page);
  await signIn(page, DEMO.email, DEMO.password);
  const light = await background(page);

  await page.goto('/settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).not.toBe(light);
  const dark = await background(page);

  // A per-request page (nonce CSP) and a cached public page (static CSP) both start dark.
  for (const path of ['/dashboard', '/articles', '/']) {
    await page.goto(path);
    expect(await themeAtBody(page), path).toBe('dark');
    expect(await background(page), path).toBe(dark);
  }
  await page.goto('/settings');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();

  // "Same as this device" follows prefers-color-scheme again.
  await page.getByRole('radio', { name: 'Same as this device' }).check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  expect(await themeAtBody(page)).toBeNull();
  expect(await background(page)).toBe(dark);
  await context.close();
});

test('public pages show Dashboard and Sign out to a signed-in visitor', async ({ page, context }) => {
  await page.goto('/articles');
  const header = page.locator('.site-header');
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeAttached();
  await expect(header.getByRole('link', { name: 'Dashboard' })).toHaveCount(0);

  await signIn(page, DEMO.email, DEMO.password);
  const flag = (await context.cookies()).find((c) => c.name === 'se_signed_in');
  expect(flag?.value).toBe('1');
  expect(flag?.httpOnly).toBe(false);

  await page.goto('/articles');
  await expect(header.getByRole('link', { name: 'Dashboard' })).toBeAttached();
  await expect(header.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
  await expect(header.getByRole('link', { name: 'Create account' })).toHaveCount(0);

  await signOut(page);
  await expect(page).toHaveURL(/\/$/);
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeAttached();
  expect((await context.cookies()).some((c) => c.name === 'se_signed_in')).toBe(false);
  expect((await context.cookies()).some((c) => c.name === 'se_session')).toBe(false);
});

test('the app is installable: manifest, icons and favicon', async ({ request, page }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ short_name: 'StakeEasy', start_url: '/dashboard', display: 'standalone' });
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  }
  for (const path of ['/favicon.ico', '/apple-icon']) expect((await request.get(path)).status(), path).toBe(200);
  await page.goto('/');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  await expect(page.locator('meta[name="theme-color"]').first()).toHaveAttribute('content', /^#/);
});
