'use client';

import { useSyncExternalStore } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { SIGNED_IN_COOKIE } from '@/lib/auth/signed-in-flag';
import { signOutAction } from './auth-actions';

const signedInFlag = () => document.cookie.split('; ').includes(`${SIGNED_IN_COOKIE}=1`);
const noSubscription = () => () => {};

/**
 * The account end of the public header. The page is cached and shared, so the server always
 * renders the signed-out links; in the browser the flag cookie (set with the session) swaps them.
 */
export function AccountLinks() {
  // Re-read on every navigation: signing in or out changes the cookie without reloading the layout.
  usePathname();
  const signedIn = useSyncExternalStore(noSubscription, signedInFlag, () => false);
  if (signedIn) {
    return (
      <>
        <Link href="/dashboard">Dashboard</Link>
        <form action={signOutAction}>
          <button type="submit" className="btn btn-small">
            Sign out
          </button>
        </form>
      </>
    );
  }
  return (
    <>
      <Link href="/sign-in">Sign in</Link>
      <Link href="/register" className="btn btn-small btn-primary">
        Create account
      </Link>
    </>
  );
}
