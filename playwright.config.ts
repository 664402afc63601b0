import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';

// One fresh PostgreSQL database per run, created, migrated and seeded by the
// web server command, dropped by the global teardown.
const base = process.env.E2E_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
process.env.E2E_DB_NAME ??= `stakeeasy_e2e_${Date.now()}_${process.pid}`;
const databaseUrl = `${base}/${process.env.E2E_DB_NAME}`;
const port = Number(process.env.E2E_PORT ?? 3210);
// The app mails through a real SMTP server that e2e/password-reset.spec.ts runs on this port.
// Chosen once here (free at that moment) and inherited by the workers through the env, like the
// database name; nothing listens there unless that spec runs, and no other spec sends mail.
process.env.E2E_SMTP_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s = require('net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });",
]).toString();

export default defineConfig({
  testDir: './e2e',
  // Separate folders let several runs share the checkout.
  outputDir: process.env.PW_OUTPUT_DIR ?? 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      // Debian's chromium by default; PLAYWRIGHT_CHROMIUM_PATH for a browser installed elsewhere.
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `npx tsx e2e/prepare-db.ts && npx next start -p ${port}`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_URL: databaseUrl,
      E2E_DB_NAME: process.env.E2E_DB_NAME,
      // Many sign-ups come from 127.0.0.1 in one run; the per-e-mail limit stays at its default.
      AUTH_RATE_PER_IP: '1000',
      COOKIE_SECURE: 'true',
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      MAIL_FROM: 'StakeEasy e2e <no-reply@stakeeasy.test>',
      ...(process.env.E2E_REDIS_URL ? { REDIS_URL: process.env.E2E_REDIS_URL } : {}),
      CACHE_KEY_PREFIX: `e2e-${process.env.E2E_DB_NAME}:`,
    },
  },
});
