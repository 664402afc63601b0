/**
 * The per-IP sign-in limit on a directly exposed `next start`: a client that sends its own
 * X-Forwarded-For (a new address on every attempt) is still one client. Control: on a server
 * told a proxy stands in front (TRUST_PROXY_HOPS=1) the same requests count as many clients,
 * which is what makes the first case a real test of the setting and not of the limit alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { launchBrowser } from '../helpers/browser';
import { openAppStack, type AppStack, type NextServer } from '../helpers/next-server';

const PER_IP = 3;
let stack: AppStack<undefined> | undefined;
let direct: NextServer | undefined;
let behindProxy: NextServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  stack = await openAppStack('client-address');
  const env = { DATABASE_URL: stack.database.url, AUTH_RATE_PER_IP: String(PER_IP) };
  [direct, behindProxy] = await Promise.all([
    stack.startServer({ env }), // TRUST_PROXY_HOPS unset: the socket address
    stack.startServer({ env: { ...env, TRUST_PROXY_HOPS: '1' } }),
  ]);
  browser = await launchBrowser();
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

/** One failed sign-in (a fresh e-mail each time, so only the per-IP limit can bite) from a spoofed address. */
async function attempt(server: NextServer, i: number): Promise<string> {
  const context = await browser!.newContext({ baseURL: server.url, extraHTTPHeaders: { 'x-forwarded-for': `203.0.113.${i + 1}` } });
  try {
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(`spoof-${i}-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('Wrong-Password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const message = page.locator('.form-message');
    await message.filter({ hasText: /incorrect|Too many/ }).waitFor();
    return (await message.textContent()) ?? '';
  } finally {
    await context.close();
  }
}

describe('per-IP sign-in limit and X-Forwarded-For', () => {
  it('direct next start: spoofed X-Forwarded-For does not reset the count', async () => {
    const answers: string[] = [];
    for (let i = 0; i < PER_IP + 2; i++) answers.push(await attempt(direct!, i));
    expect(answers.slice(0, PER_IP).every((a) => a.includes('incorrect'))).toBe(true);
    expect(answers.slice(PER_IP).every((a) => a.includes('Too many attempts'))).toBe(true);
  }, 120_000);

  it('TRUST_PROXY_HOPS=1: the right-most entry is the client, so distinct entries are distinct clients', async () => {
    const answers: string[] = [];
    for (let i = 0; i < PER_IP + 2; i++) answers.push(await attempt(behindProxy!, i));
    expect(answers.every((a) => a.includes('incorrect'))).toBe(true);
  }, 120_000);
});
