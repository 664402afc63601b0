'use client';

import { useEffect, useId, useRef } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

interface Props {
  /** The nav landmark's name. */
  label: string;
  /** `compact`: inline from 40rem (few links); `wide`: inline from 64rem. */
  breakpoint: 'compact' | 'wide';
  /** [href, text] of each section; the current one is marked for assistive technology. */
  links: readonly (readonly [string, string])[];
  /** Shown after the links, at the far end on wide screens (account, sign-out). */
  children?: React.ReactNode;
}

const within = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

// Must match the min-width media queries of .nav-compact / .nav-wide in globals.css.
const INLINE_FROM = { compact: '(min-width: 40rem)', wide: '(min-width: 64rem)' } as const;

/**
 * The header navigation. Below the breakpoint it sits behind a "Menu" disclosure: a native
 * <details>, so it opens and closes with the keyboard and without JavaScript. From the breakpoint
 * up the links are inline and the button is hidden. The script closes the menu after a navigation
 * (the layout, and so an open <details>, survives it) and on Escape.
 */
export function NavMenu({ label, breakpoint, links, children }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  const id = useId();
  const pathname = usePathname();

  // Before this runs, CSS alone shows the links inline on wide screens (::details-content). Once it
  // runs the <details> is really open there, so assistive technology and axe see the links too.
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const wide = window.matchMedia(INLINE_FROM[breakpoint]);
    const inline = () => wide.matches && CSS.supports('selector(::details-content)');
    const sync = () => {
      details.open = inline();
    };
    sync();
    wide.addEventListener('change', sync);
    return () => wide.removeEventListener('change', sync);
  }, [breakpoint, pathname]);

  function closeOnEscape(event: React.KeyboardEvent) {
    const details = ref.current;
    const summary = details?.querySelector('summary');
    if (event.key !== 'Escape' || !details?.open || !summary || getComputedStyle(summary).display === 'none') return;
    details.open = false;
    summary.focus();
  }

  return (
    <details ref={ref} className={`nav-menu nav-${breakpoint}`} onKeyDown={closeOnEscape}>
      <summary className="btn btn-small nav-toggle" aria-controls={id}>
        <span className="nav-toggle-icon" aria-hidden="true">
          ☰
        </span>
        Menu
      </summary>
      <nav id={id} aria-label={label} className="nav-links">
        {links.map(([href, text]) => (
          <Link key={href} href={href} aria-current={within(pathname, href) ? 'page' : undefined}>
            {text}
          </Link>
        ))}
        <span className="spacer" />
        {children}
      </nav>
    </details>
  );
}
