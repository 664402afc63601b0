import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './helpers';

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test('per-request pages carry a nonce CSP and still hydrate', async ({ page }) => {
  const violations = collectCspViolations(page);
  const response = await page.goto('/sign-in');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  // Hydrated: the client-side form validation state appears without a full reload.
  await signIn(page, DEMO.email, DEMO.password);
  const dash = await page.goto('/dashboard');
  expect(dash!.headers()['content-security-policy']).toMatch(/'nonce-/);
  expect(violations).toEqual([]);
});

test('security headers are set on every page', async ({ request }) => {
  for (const path of ['/', '/articles', '/sign-in']) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['content-security-policy']).toContain("object-src 'none'");
    expect(h['strict-transport-security']).toContain('max-age=');
    expect(h['x-powered-by']).toBeUndefined();
  }
});

test('public cached pages load without CSP violations', async ({ page }) => {
  const violations = collectCspViolations(page);
  await page.goto('/articles');
  await page.getByRole('link').filter({ hasText: /.{20,}/ }).first().click();
  await expect(page.locator('article, .article-body').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('a state-changing request from a foreign origin is refused with 403', async ({ request }) => {
  const res = await request.post('/sign-in', {
    headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    data: 'email=a%40b.c&password=x',
  });
  expect(res.status()).toBe(403);
  const same = await request.post('/sign-in', {
    headers: { origin: new URL(res.url()).origin, 'content-type': 'application/x-www-form-urlencoded' },
    data: 'email=a%40b.c&password=x',
  });
  expect(same.status()).not.toBe(403);
});
