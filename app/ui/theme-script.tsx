'use client';

import { useContext } from 'react';
// The context next/script reads its nonce from: during server rendering it carries the nonce Next
// took from this request's CSP header (per-request pages), and nothing on prerendered pages, whose
// static policy allows inline scripts.
import { HeadManagerContext } from 'next/dist/shared/lib/head-manager-context.shared-runtime';
import { THEME_SCRIPT } from '@/lib/ui/theme';

/** The no-flash theme script, in <head>. It runs once, during parsing; React leaves it alone after. */
export function ThemeScript() {
  const { nonce } = useContext(HeadManagerContext);
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
