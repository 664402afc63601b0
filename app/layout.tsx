import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(process.env.PUBLIC_URL ?? 'http://localhost:3000'),
  title: { default: 'StakeEasy: poker bankroll tracker', template: '%s · StakeEasy' },
  description: 'Track your poker bankroll across sites and currencies, and learn bankroll management.',
  applicationName: 'StakeEasy',
};

export const viewport: Viewport = { themeColor: '#0f5132', width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
