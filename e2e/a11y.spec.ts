import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ALL_STEPS } from './pages';

// Zero serious or critical axe-core violations on every page, forms with their errors shown,
// at a phone and a desktop width, in light and dark mode. One browser context per combination
// walks the whole app (signed out, as the demo user with data, as the admin).

const WIDTHS = [375, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

for (const width of WIDTHS) {
  for (const colorScheme of SCHEMES) {
    test(`no serious or critical axe violations at ${width}px, ${colorScheme}`, async ({ browser }) => {
      test.setTimeout(240_000);
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const step of ALL_STEPS) {
        await step.go(page);
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          found.push(`${step.name} [${page.url()}]: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
        }
      }
      await context.close();
      expect(found, found.join('\n')).toEqual([]);
    });
  }
}
