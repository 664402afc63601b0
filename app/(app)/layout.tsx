import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { signOutAction } from '../(public)/auth-actions';
import { RunningBanner } from './_sessions/running-banner';

const NAV = [
  ['/dashboard', 'Dashboard'],
  ['/sites', 'Poker sites'],
  ['/assets', 'Assets'],
  ['/transfers', 'Deposits & withdrawals'],
  ['/sessions', 'Sessions'],
  ['/goals', 'Goals'],
  ['/stakes', 'Stakes'],
  ['/achievements', 'Achievements'],
  ['/settings', 'Settings'],
] as const;

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <header className="site-header">
        <nav className="nav" aria-label="Main">
          <Link href="/dashboard" className="brand">
            StakeEasy
          </Link>
          {NAV.map(([href, label]) => (
            <Link key={href} href={href}>
              {label}
            </Link>
          ))}
          <Link href="/articles">Articles</Link>
          {user.role === 'ADMIN' && <Link href="/admin/articles">Admin</Link>}
          <span className="spacer" />
          <span className="muted user-email">{user.email}</span>
          <form action={signOutAction}>
            <button type="submit" className="btn btn-small">
              Sign out
            </button>
          </form>
        </nav>
      </header>
      <RunningBanner />
      <main id="main" className="container">
        {children}
      </main>
    </>
  );
}
