import { SiteHeader } from '@/app/ui/site-header';
import { AccountLinks } from './account-links';

const NAV = [['/articles', 'Articles']] as const;

// Public pages never read the session, so they can be cached whole and shared
// between visitors without carrying anybody's data.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader home="/" breakpoint="compact" links={NAV}>
        <AccountLinks />
      </SiteHeader>
      <main id="main" className="container">
        {children}
      </main>
      <footer className="site-footer container">
        <p>StakeEasy · a bankroll tracker for poker players. Play within your means.</p>
      </footer>
    </>
  );
}
