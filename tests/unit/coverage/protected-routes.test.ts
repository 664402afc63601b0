// Every signed-in section is in the proxy's PROTECTED list, which decides three things at once:
// the sign-in redirect before any render, the per-request nonce CSP, and the robots.txt Disallow.
// A new section under app/(app)/ that is missing from it fails here.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTECTED } from '@/proxy';
import { REPO_DIR } from '@/e2e/tables/routes';

const sections = readdirSync(path.join(REPO_DIR, 'app', '(app)'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => `/${d.name}`);

describe('signed-in sections', () => {
  it('app/(app) has its sections', () => {
    expect(sections).toContain('/dashboard');
    expect(sections).toContain('/sessions');
  });

  it.each(sections)('%s is protected by the proxy', (section) => {
    expect(PROTECTED).toContain(section);
  });
});
