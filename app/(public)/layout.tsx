import Link from 'next/link';

// Public pages never read the session, so they can be cached whole and shared
// between visitors without carrying anybody's data.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="site-header">
        <nav className="nav" aria-label="Main">
          <Link href="/" className="brand">
            StakeEasy
          </Link>
          <Link href="/articles">Articles</Link>
          <span className="spacer" />
          <Link href="/dashboard">Dashboard</Link>
          <Link href="/sign-in">Sign in</Link>
          <Link href="/register" className="btn btn-small btn-primary">
            Create account
          </Link>
        </nav>
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
