// A non-secret "this browser has a session" flag beside the httpOnly session cookie. Public pages
// are cached and shared, so they never read the session; their header reads this flag in the
// browser instead, to offer "Dashboard" rather than "Sign in". It grants nothing: every signed-in
// page still checks the real session.
export const SIGNED_IN_COOKIE = 'se_signed_in';
