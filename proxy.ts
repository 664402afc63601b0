import { NextResponse, type NextRequest } from 'next/server';

// Optimistic gate: no session cookie means no access, so send the visitor to
// sign in and back. The real check (is the session valid?) happens in the
// pages and actions themselves, next to the data.
export const PROTECTED = ['/dashboard', '/sites', '/assets', '/transfers', '/goals', '/stakes', '/settings', '/admin', '/achievements'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!request.cookies.has('se_session')) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

// Must be a literal for Next to read at build time; keep in step with PROTECTED.
export const config = {
  matcher: [
    '/dashboard/:path*',
    '/sites/:path*',
    '/assets/:path*',
    '/transfers/:path*',
    '/goals/:path*',
    '/stakes/:path*',
    '/settings/:path*',
    '/admin/:path*',
    '/achievements/:path*',
  ],
};
