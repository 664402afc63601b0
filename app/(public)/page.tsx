import Link from 'next/link';
import { Suspense } from 'react';
import { DeletedNotice } from './deleted-notice';

export default function HomePage() {
  return (
    <>
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
          <Link href="/articles" className="btn">
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
