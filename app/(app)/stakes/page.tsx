import type { Metadata } from 'next';
import Link from 'next/link';
import Decimal from 'decimal.js';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { latestRates } from '@/lib/rates/reads';
import { bankrollSummary } from '@/lib/bankroll/reads';
import { convert, type Rates } from '@/lib/domain/currency';
import { formatMoney } from '@/lib/domain/money';
import {
  BELOW_SMALLEST_BUY_IN,
  BELOW_SMALLEST_STAKES,
  cashBuyInRange,
  recommendCashStake,
  recommendTournamentBuyIn,
  tournamentBuyInRange,
  type BuyInRange,
} from '@/lib/domain/recommendations';
import type { SearchParams } from '@/lib/fields/form-fields';
import { CASH_QUESTIONS, TOURNAMENT_QUESTIONS, answerParams, cashAnswersFrom, tournamentAnswersFrom, type Question } from '@/lib/bankroll/stakes';

export const metadata: Metadata = { title: 'Stake recommendations' };

const usd = (amount: Decimal) => formatMoney(amount, 'USD');

/** "$2,000.00 (€1,709.00)": thresholds in USD (the stake tables) and the user's currency. */
function Both({ amount, currency, rates }: { amount: Decimal; currency: string; rates: Rates }) {
  if (currency === 'USD') return <>{usd(amount)}</>;
  return (
    <>
      {usd(amount)} <span className="muted">({formatMoney(convert(amount, 'USD', currency, rates), currency)})</span>
    </>
  );
}

function QuestionsForm<A extends Record<string, string>>({
  id,
  title,
  submitLabel,
  questions,
  answers,
  carry,
}: {
  id: string;
  title: string;
  submitLabel: string;
  questions: readonly Question<keyof A & string>[];
  answers: A;
  /** The other form's answers, so submitting one keeps both in the URL. */
  carry: [string, string][];
}) {
  return (
    <form method="get" action="/stakes" className="form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {carry.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {questions.map((q) => (
        <fieldset key={q.param} className="field" style={{ border: '1px solid var(--border)', borderRadius: 8, padding: '.5rem .9rem' }}>
          <legend style={{ fontWeight: 600 }}>{q.legend}</legend>
          {q.options.map((o) => (
            <label key={o.value} style={{ display: 'flex', gap: '.5rem', alignItems: 'center', fontWeight: 400 }}>
              <input type="radio" name={q.param} value={o.value} defaultChecked={answers[q.key] === o.value} />
              {o.label}
            </label>
          ))}
        </fieldset>
      ))}
      <p className="actions">
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
      </p>
    </form>
  );
}

function RangeText({ range, testId }: { range: BuyInRange; testId: string }) {
  return (
    <p>
      Keep {range.low}–{range.high} buy-ins in your bankroll: a buy-in multiple of <strong data-testid={testId}>{range.multiple}</strong>.
    </p>
  );
}

/** "$0.50/$1" from the table's "0.50/1". */
const blinds = (text: string) =>
  text
    .split('/')
    .map((b) => `$${b}`)
    .join('/');

export default async function StakesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const [params, profile, summaryUsd, rates] = await Promise.all([
    searchParams,
    getProfile(user.id),
    // The stake tables are in USD, so the bankroll is compared in USD.
    bankrollSummary(user.id, 'USD'),
    latestRates(),
  ]);
  const cur = profile.displayCurrency;
  const bankrollUsd = summaryUsd.bankroll;
  const cashAnswers = cashAnswersFrom(params);
  const tournamentAnswers = tournamentAnswersFrom(params);
  const cashRange = cashBuyInRange(cashAnswers);
  const tournamentRange = tournamentBuyInRange(tournamentAnswers);
  const cash = cashRange ? recommendCashStake(bankrollUsd, cashRange.multiple) : null;
  const tournament = tournamentRange ? recommendTournamentBuyIn(bankrollUsd, tournamentRange.multiple) : null;

  return (
    <>
      <h1>Stake recommendations</h1>
      <p className="lead">
        Which stakes your bankroll supports, from how you play. Answer the questions (or leave the defaults) and press Recommend; the answers stay in the
        address, so you can bookmark or share the result.
      </p>
      <p data-testid="stakes-bankroll">
        Your bankroll: <strong>{usd(bankrollUsd)}</strong>
        {cur !== 'USD' && <span className="muted"> ({formatMoney(convert(bankrollUsd, 'USD', cur, rates), cur)})</span>}. Stakes are priced in US dollars.
      </p>
      {summaryUsd.rows.length === 0 && (
        <p className="empty">
          You have no bankroll recorded yet. <Link href="/sites/new">Add a poker site</Link> with its balance to get a recommendation for your money.
        </p>
      )}

      <div className="grid" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))', alignItems: 'start' }}>
        <section className="card" data-testid="cash-recommendation">
          <QuestionsForm id="cash" title="Cash games" submitLabel="Recommend a cash stake" questions={CASH_QUESTIONS} answers={cashAnswers} carry={answerParams(TOURNAMENT_QUESTIONS, tournamentAnswers)} />
          <h3>Recommendation</h3>
          <div aria-live="polite">
            {!cashRange || !cash ? (
              <p>Answer at least one question (not all “Not applicable”) to get a recommendation.</p>
            ) : (
              <>
                <RangeText range={cashRange} testId="cash-multiple" />
                {cash.stake === BELOW_SMALLEST_STAKES ? (
                  <p data-testid="cash-stake">
                    Your bankroll is <strong>below the smallest stakes</strong> (0.01/0.02). You can start at 0.01/0.02 from{' '}
                    <Both amount={cash.moveUpAt} currency={cur} rates={rates} />.
                  </p>
                ) : (
                  <>
                    <p data-testid="cash-stake">
                      Play <strong>{blinds(cash.stake.blinds)}</strong> (small/big blind) with buy-ins of {usd(cash.stake.minBuyIn)}–{usd(cash.stake.maxBuyIn)}.
                    </p>
                    <ul>
                      <li>
                        Move up at: {cash.moveUpAt ? <Both amount={cash.moveUpAt} currency={cur} rates={rates} /> : 'you are at the highest stake we list'}
                      </li>
                      <li>
                        Move down below: <Both amount={cash.moveDownBelow} currency={cur} rates={rates} />
                      </li>
                    </ul>
                  </>
                )}
              </>
            )}
          </div>
        </section>

        <section className="card" data-testid="tournament-recommendation">
          <QuestionsForm id="mtt" title="Tournaments" submitLabel="Recommend a tournament buy-in" questions={TOURNAMENT_QUESTIONS} answers={tournamentAnswers} carry={answerParams(CASH_QUESTIONS, cashAnswers)} />
          <h3>Recommendation</h3>
          <div aria-live="polite">
            {!tournamentRange || !tournament ? (
              <p>Answer at least one question (not all “Not applicable”) to get a recommendation.</p>
            ) : (
              <>
                <RangeText range={tournamentRange} testId="tournament-multiple" />
                <p>
                  Ideal buy-in (bankroll ÷ {tournamentRange.multiple}): <Both amount={tournament.idealBuyIn} currency={cur} rates={rates} />
                </p>
                <p data-testid="tournament-buy-in">
                  {tournament.buyIn === BELOW_SMALLEST_BUY_IN ? (
                    <>
                      Your bankroll is <strong>below the smallest standard buy-in</strong> ($0.25).
                    </>
                  ) : (
                    <>
                      Play tournaments up to <strong>{usd(tournament.buyIn)}</strong>
                      {cur !== 'USD' && <span className="muted"> ({formatMoney(convert(tournament.buyIn, 'USD', cur, rates), cur)})</span>}.
                    </>
                  )}
                </p>
              </>
            )}
          </div>
        </section>
      </div>
    </>
  );
}
