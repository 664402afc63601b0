import { appIcon } from '../ui/app-icon';

// Browsers and crawlers ask for /favicon.ico whatever the page links to; every browser accepts a
// PNG under that name, so it is the 32 px icon rather than a committed .ico binary.
export const dynamic = 'force-static';

export function GET() {
  return appIcon(32);
}
