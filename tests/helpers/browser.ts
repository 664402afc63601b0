/** The Chromium the app and fault tests drive (the one playwright.config.ts uses for e2e). */
import { chromium, type Browser } from '@playwright/test';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    // Debian's chromium by default; PLAYWRIGHT_CHROMIUM_PATH for a browser installed elsewhere.
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
