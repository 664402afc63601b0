import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, noncePolicy, staticPolicy } from '@/lib/security/csp';
import { databaseDown, UNAVAILABLE_PATH } from '@/lib/db/availability';
import { outageResponse } from '@/lib/db/outage-page';

// Signed-in areas. Without a session cookie the visitor is sent to sign in
// and back; the real check (is the session valid?) happens in the pages and
// actions themselves, next to the data.
export const PROTECTED = ['/dashboard', '/sites', '/assets', '/transfers', '/sessions', '/goals', '/stakes', '/settings', '/admin', '/achievements'];
// Rendered per request anyway, so they can carry a nonce.
// Each of these pages must itself render per request (searchParams, params or `await connection()`):
// a prerendered page carries the nonce of the build and all of its scripts would be blocked.
const PER_REQUEST = [...PROTECTED, '/sign-in', '/register', '/forgot-password', '/reset-password'];

const under = (pathname: string, prefixes: string[]) => prefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));

/** A state-changing request whose Origin is another site (CSRF): refused before any action runs. */
function foreignOrigin(request: NextRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  const origin = request.headers.get('origin');
  if (!origin) return false; // same-origin form posts from old browsers; Next checks actions again
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

// Same as serverActions.bodySizeLimit in next.config.ts. Next itself answers
// an oversized action body with a 500; refusing it here gives a clean 413.
// (A chunked body without Content-Length still reaches Next's own check.)
const MAX_BODY_BYTES = 2 * 1024 * 1024;

function tooLarge(request: NextRequest): boolean {
  return Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (tooLarge(request)) {
    return new NextResponse('Request too large: the limit is 2 MB.', { status: 413, headers: { 'content-type': 'text/plain' } });
  }
  if (foreignOrigin(request)) {
    return new NextResponse('Cross-origin request refused.', { status: 403, headers: { 'content-type': 'text/plain' } });
  }
  // While this process knows the database is unreachable, answer at once instead of letting every
  // render fail (see lib/db/availability.ts). Health and metrics stay up for the monitors.
  if (databaseDown() && !under(pathname, ['/api/health', '/api/metrics', '/_next'])) {
    return outageResponse(request.method);
  }
  if (pathname === UNAVAILABLE_PATH) {
    // Reached after an outage ended: nothing to show any more.
    return NextResponse.redirect(new URL('/', request.url));
  }
  if (under(pathname, PROTECTED) && !request.cookies.has('se_session')) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  if (under(pathname, PER_REQUEST)) {
    const nonce = newNonce();
    const policy = noncePolicy(nonce);
    // Next reads the nonce from the request's CSP header and puts it on its scripts.
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', policy);
    const response = NextResponse.next({ request: { headers } });
    response.headers.set('content-security-policy', policy);
    return response;
  }
  const response = NextResponse.next();
  response.headers.set('content-security-policy', staticPolicy());
  return response;
}

export const config = {
  // Everything but build assets and images.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
