// Content-Security-Policy. Pages rendered per request (everything behind a
// session, sign-in, register) get a per-request nonce and no 'unsafe-inline'
// scripts. Public article pages are cached whole and shared between visitors,
// which a nonce would make impossible; they carry no session, no user data and
// only sanitised article HTML, and get a static policy instead.

const COMMON = [
  "default-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  // React style attributes need inline styles; scripts are what matter.
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

const dev = process.env.NODE_ENV !== 'production';

export function noncePolicy(nonce: string): string {
  return [...COMMON, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`].join('; ');
}

export function staticPolicy(): string {
  return [...COMMON, `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`].join('; ');
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
