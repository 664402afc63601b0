/**
 * Shared pieces of the fault tests: what an error answer may show, and (re-exported from the
 * chaos helper) a user with recognisable data and timed page requests.
 */
export { createMarkedUser, getPage, type MarkedUser, type PageAnswer } from '../helpers/chaos-app';

/** Things only a leaked error would put in a page: stack frames, source paths, error names. */
const LEAKS: Array<[string, RegExp]> = [
  ['a stack frame', /\bat [\w$.<>]+ \(|\n\s+at /],
  ['a source path', /\.(ts|tsx|mjs|js):\d+/],
  ['an error name', /\b\w*Error:/],
  ['a Prisma error', /prisma|P10\d\d|P2010/i],
  ['a connection detail', /ECONNREFUSED|ECONNRESET|Connection terminated|127\.0\.0\.1:\d+|postgres(ql)?:\/\//i],
];

/** What a stack-free, friendly outage answer must not contain; [] when it is clean. */
export function leaksIn(html: string): string[] {
  // Scripts are Next's own runtime chunks (names like "…-abc123.js" with no line numbers);
  // only the document and the inline RSC payload are what the server said about this request.
  const withoutChunkUrls = html.replace(/\/_next\/static\/[^"' )]+/g, '');
  return LEAKS.filter(([, re]) => re.test(withoutChunkUrls)).map(([what, re]) => `${what}: ${re.exec(withoutChunkUrls)?.[0]}`);
}

/** The friendly text of the 503 page (proxy) or of app/error.tsx (the first failing render). */
export const FRIENDLY = /temporarily unavailable/i;
export const DATA_SAFE = /data is safe/i;

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
