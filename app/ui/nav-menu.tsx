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

/**
 * The header navigation. Below the breakpoint it sits behind a "Menu" disclosure: a native
 * <details>, so it opens and closes with the keyboard and without JavaScript. Above it the CSS
 * shows the links inline and hides the button. The script only closes the menu after a
 * navigation (the layout, and so the open <details>, survives it) and on Escape.
 */
export function NavMenu({ label, breakpoint, links, children }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  const id = useId();
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  function closeOnEscape(event: React.KeyboardEvent) {
    const details = ref.current;
    if (event.key !== 'Escape' || !details?.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
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
