import type { Metadata, Viewport } from 'next';
import { ThemeScript } from './ui/theme-script';
import { BRAND_GREEN } from './ui/app-icon';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(process.env.PUBLIC_URL ?? 'http://localhost:3000'),
  title: { default: 'StakeEasy: poker bankroll tracker', template: '%s · StakeEasy' },
  description: 'Track your poker bankroll across sites and currencies, and learn bankroll management.',
  applicationName: 'StakeEasy',
  appleWebApp: { capable: true, title: 'StakeEasy', statusBarStyle: 'default' },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: BRAND_GREEN },
    { media: '(prefers-color-scheme: dark)', color: '#101513' },
  ],
  width: 'device-width',
  initialScale: 1,
};

// The theme script sets data-theme on <html> before React hydrates it: suppressHydrationWarning
// keeps React from "correcting" that attribute.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
