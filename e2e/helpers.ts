import { expect, type Page } from '@playwright/test';

export const DEMO = { email: 'demo@stakeeasy.test', password: 'DemoPoker!2024' };
export const ADMIN = { email: 'admin@stakeeasy.test', password: 'AdminPoker!2024' };

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

export async function register(page: Page, email: string, password = 'Correct-Horse-42') {
  await page.goto('/register');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/sign-in\?registered=1/);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

export async function signUpAndIn(page: Page, tag: string, password = 'Correct-Horse-42'): Promise<string> {
  const email = uniqueEmail(tag);
  await register(page, email, password);
  await signIn(page, email, password);
  return email;
}
