import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { absoluteUrl } from '@/lib/articles/format';
import { ORGANIZATION_NAME, buildWebSiteJsonLd, serializeJsonLd } from '@/lib/articles/json-ld';
import { ARTICLES_PATH, feedAlternates, searchUrlTemplate } from '@/lib/articles/urls';
import { DeletedNotice } from './deleted-notice';

// Rendered per request (a few static elements, no data, never the session): prerendered at build
// time, its canonical, og:url and JSON-LD would freeze the build's PUBLIC_URL, while every other
// public page reads it when served. The share image is ./opengraph-image.tsx.
export const dynamic = 'force-dynamic';
const TITLE = 'StakeEasy: poker bankroll tracker';
const DESCRIPTION = 'Track your poker bankroll across sites and currencies, see your real profit, and learn bankroll management.';

export const metadata: Metadata = {
  title: { absolute: TITLE },
  description: DESCRIPTION,
  alternates: { canonical: '/', types: feedAlternates() },
  openGraph: { type: 'website', url: '/', title: TITLE, description: DESCRIPTION, siteName: ORGANIZATION_NAME },
  twitter: { card: 'summary_large_image', title: TITLE, description: DESCRIPTION },
};

export default function HomePage() {
  const jsonLd = buildWebSiteJsonLd({ url: absoluteUrl('/'), searchUrlTemplate: searchUrlTemplate(absoluteUrl('/')) });
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <Suspense fallback={null}>
        <DeletedNotice />
      </Suspense>
      <section className="hero">
        <h1>Know your bankroll. Play the right stakes.</h1>
        <p className="lead">
          StakeEasy keeps every poker site and asset in one place, converts it all to the currency you choose, and tells
          you your real profit after deposits and withdrawals.
        </p>
        <p className="actions">
          <Link href="/register" className="btn btn-primary">
            Start tracking, free
          </Link>
          <Link href={ARTICLES_PATH} className="btn">
            Read the strategy articles
          </Link>
        </p>
      </section>
      <section className="features" aria-label="What you get">
        <div className="card">
          <h2>Every site, every currency</h2>
          <p>Record balances at each room and wallet. Totals use the latest exchange rates; history uses the rate of the day.</p>
        </div>
        <div className="card">
          <h2>Profit you can trust</h2>
          <p>Profit is your bankroll minus what you deposited plus what you withdrew, to the cent.</p>
        </div>
        <div className="card">
          <h2>Stakes that fit</h2>
          <p>Answer four questions about your game and get a buy-in rule, the stake it allows, and when to move up or down.</p>
        </div>
      </section>
    </>
  );
}
