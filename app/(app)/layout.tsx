import { requireUser } from '@/lib/auth/session';
import { SiteHeader } from '@/app/ui/site-header';
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
  ['/articles', 'Articles'],
] as const;
const ADMIN_NAV = [...NAV, ['/admin/articles', 'Admin']] as const;

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <SiteHeader home="/dashboard" breakpoint="wide" links={user.role === 'ADMIN' ? ADMIN_NAV : NAV}>
        <span className="muted user-email">{user.email}</span>
        <form action={signOutAction}>
          <button type="submit" className="btn btn-small">
            Sign out
          </button>
        </form>
      </SiteHeader>
      <RunningBanner />
      <main id="main" className="container">
        {children}
      </main>
    </>
  );
}
