import Link from 'next/link';
import { NavMenu } from '@/app/ui/nav-menu';
import { AccountLinks } from './account-links';

const NAV = [['/articles', 'Articles']] as const;

// Public pages never read the session, so they can be cached whole and shared
// between visitors without carrying anybody's data.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="header-bar">
          <Link href="/" className="brand">
            StakeEasy
          </Link>
          <NavMenu label="Main" breakpoint="compact" links={NAV}>
            <AccountLinks />
          </NavMenu>
        </div>
      </header>
      <main id="main" className="container">
        {children}
      </main>
      <footer className="site-footer container">
        <p>StakeEasy · a bankroll tracker for poker players. Play within your means.</p>
      </footer>
    </>
  );
}
