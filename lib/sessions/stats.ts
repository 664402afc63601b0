import Decimal from 'decimal.js';
import { convertExact, type Rates } from '@/lib/domain/currency';
import { roundMoney } from '@/lib/domain/money';
import { downsample } from '@/lib/bankroll/chart-series';
import { chartTables, type SessionChartPoint } from '@/lib/sessions/chart-axis';
import { GAME_LABELS, minutesPlayed, sessionResult, stakesLabel, totalBuyIn, venueKey, type SessionDto } from '@/lib/sessions/rules';

// Session statistics: pure, so every formula is unit-tested. Money is Decimal throughout (the
// square root of the standard deviation included); ratios are returned as decimal strings.
// Each session's result is converted to the display currency at the rates of the day it was
// played, so an old session's profit does not move with today's exchange rates.

export interface Totals {
  sessions: number;
  minutes: number;
  /** Display currency, 2 decimals. */
  profit: string;
  /** Profit per hour; null without time played. */
  hourly: string | null;
  winning: number;
}

export interface BreakdownRow extends Totals {
  key: string;
  label: string;
}

export interface SessionStats {
  currency: string;
  overall: Totals & {
    /** Percent of sessions with a result > 0. */
    winningPercent: string | null;
    /** Standard deviation of a one-hour result (display currency); null below two timed sessions. */
    stdDevPerHour: string | null;
    biggestWin: { id: string; day: string; amount: string } | null;
    biggestLoss: { id: string; day: string; amount: string } | null;
  };
  cash: Totals & { hands: number; bbPer100: string | null; bbPerHour: string | null };
  tournaments: Totals & { entries: number; cost: string; roi: string | null; itmPercent: string | null };
  breakdowns: Record<'stakes' | 'game' | 'venue' | 'month' | 'weekday', BreakdownRow[]>;
  /** Cumulative profit by day (bankroll = profit here), downsampled for drawing, and its table rows. */
  /** Downsampled points to draw; the table alternative's rows for each x axis, from every day. */
  chart: { points: SessionChartPoint[]; table: { date: SessionChartPoint[]; hours: SessionChartPoint[] } };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HOUR = new Decimal(60);

/** A ratio in percent with one decimal, null when the denominator is zero. */
export function percent(part: Decimal.Value, whole: Decimal.Value): string | null {
  const w = new Decimal(whole);
  return w.isZero() ? null : new Decimal(part).div(w).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN).toFixed(1);
}

/** Profit per hour (2 decimals), null for zero minutes. */
export function perHour(profit: Decimal, minutes: number): string | null {
  return minutes > 0 ? roundMoney(profit.times(HOUR).div(minutes)).toFixed(2) : null;
}

/**
 * Standard deviation of the result of one hour. A session of h hours has variance h·σ² if
 * hours are independent, so each session gives (r − μh)²/h as an estimate of σ², with μ the
 * overall hourly rate; averaged over N − 1 (sample). Sessions without time are left out.
 */
export function stdDevPerHour(samples: readonly { result: Decimal; minutes: number }[]): Decimal | null {
  const timed = samples.filter((s) => s.minutes > 0);
  if (timed.length < 2) return null;
  const hours = timed.map((s) => new Decimal(s.minutes).div(HOUR));
  const totalHours = Decimal.sum(...hours);
  const mu = Decimal.sum(...timed.map((s) => s.result)).div(totalHours);
  const sumSq = Decimal.sum(...timed.map((s, i) => s.result.minus(mu.times(hours[i])).pow(2).div(hours[i])));
  return sumSq.div(timed.length - 1).sqrt();
}

/** bb won per 100 hands, over the sessions whose hands are known. */
export function bbPer100(samples: readonly { bbWon: Decimal; hands: number | null }[]): Decimal | null {
  const known = samples.filter((s) => s.hands !== null && s.hands > 0);
  const hands = known.reduce((n, s) => n + (s.hands ?? 0), 0);
  return hands > 0 ? Decimal.sum(...known.map((s) => s.bbWon)).div(hands).times(100) : null;
}

interface Sample {
  s: SessionDto;
  day: string;
  minutes: number;
  /** Display currency, unrounded. */
  result: Decimal;
  cost: Decimal;
}

class Acc {
  sessions = 0;
  minutes = 0;
  profit = new Decimal(0);
  winning = 0;
  add(x: Sample) {
    this.sessions++;
    this.minutes += x.minutes;
    this.profit = this.profit.plus(x.result);
    if (x.result.greaterThan(0)) this.winning++;
  }
  totals(): Totals {
    const profit = roundMoney(this.profit);
    return { sessions: this.sessions, minutes: this.minutes, profit: profit.toFixed(2), hourly: perHour(this.profit, this.minutes), winning: this.winning };
  }
}

function breakdown(samples: readonly Sample[], keyOf: (x: Sample) => { key: string; label: string } | null, order?: (a: BreakdownRow, b: BreakdownRow) => number): BreakdownRow[] {
  const groups = new Map<string, { label: string; acc: Acc }>();
  for (const x of samples) {
    const k = keyOf(x);
    if (!k) continue;
    let g = groups.get(k.key);
    if (!g) groups.set(k.key, (g = { label: k.label, acc: new Acc() }));
    g.acc.add(x);
  }
  const rows = [...groups].map(([key, g]) => ({ key, label: g.label, ...g.acc.totals() }));
  return rows.sort(order ?? ((a, b) => new Decimal(b.profit).comparedTo(a.profit) || a.label.localeCompare(b.label)));
}

/**
 * Statistics of the ended sessions among `sessions` (running ones have no result yet).
 * `ratesOn(day)` gives the rates in force on a UTC day; days are asked in ascending order.
 */
export function computeStats(sessions: readonly SessionDto[], currency: string, ratesOn: (day: string) => Rates): SessionStats {
  const ended = sessions.filter((s) => s.cashOut !== null && s.endedAt !== null).sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  const samples: Sample[] = ended.map((s) => {
    const day = s.startedAt.slice(0, 10);
    const rates = ratesOn(day);
    const toDisplay = (v: Decimal) => convertExact(v, s.currency, currency, rates);
    return { s, day, minutes: minutesPlayed(s), result: toDisplay(sessionResult(s)!), cost: toDisplay(totalBuyIn(s).plus(s.expenses)) };
  });

  const all = new Acc();
  const cash = new Acc();
  const tour = new Acc();
  let biggestWin: Sample | null = null;
  let biggestLoss: Sample | null = null;
  for (const x of samples) {
    all.add(x);
    (x.s.kind === 'CASH' ? cash : tour).add(x);
    if (x.result.greaterThan(0) && (!biggestWin || x.result.greaterThan(biggestWin.result))) biggestWin = x;
    if (x.result.lessThan(0) && (!biggestLoss || x.result.lessThan(biggestLoss.result))) biggestLoss = x;
  }
  const money = (x: Sample | null) => (x ? { id: x.s.id, day: x.day, amount: roundMoney(x.result).toFixed(2) } : null);
  const sd = stdDevPerHour(samples);

  // Big blinds are the session's own unit: no conversion.
  const cashSamples = samples.filter((x) => x.s.kind === 'CASH' && x.s.bigBlind !== null && new Decimal(x.s.bigBlind).greaterThan(0));
  const bb = cashSamples.map((x) => ({ bbWon: sessionResult(x.s)!.div(x.s.bigBlind!), hands: x.s.hands, minutes: x.minutes }));
  const b100 = bbPer100(bb);
  const bbMinutes = bb.reduce((n, x) => n + x.minutes, 0);
  const bbHour = bbMinutes > 0 ? Decimal.sum(...bb.map((x) => x.bbWon)).times(HOUR).div(bbMinutes) : null;

  const tourSamples = samples.filter((x) => x.s.kind === 'TOURNAMENT');
  const tourCost = Decimal.sum(0, ...tourSamples.map((x) => x.cost));
  const cashed = tourSamples.filter((x) => new Decimal(x.s.cashOut!).greaterThan(0)).length;

  let running = new Decimal(0);
  let minutes = 0;
  const byDay = new Map<string, { profit: string; minutes: number }>();
  for (const x of samples) {
    running = running.plus(x.result);
    minutes += x.minutes;
    byDay.set(x.day, { profit: roundMoney(running).toFixed(2), minutes });
  }
  const points: SessionChartPoint[] = [...byDay].map(([day, v]) => ({ day, bankroll: v.profit, profit: v.profit, minutes: v.minutes }));

  const totals = all.totals();
  return {
    currency,
    overall: {
      ...totals,
      winningPercent: percent(totals.winning, totals.sessions),
      stdDevPerHour: sd ? roundMoney(sd).toFixed(2) : null,
      biggestWin: money(biggestWin),
      biggestLoss: money(biggestLoss),
    },
    cash: {
      ...cash.totals(),
      hands: bb.reduce((n, x) => n + (x.hands ?? 0), 0),
      bbPer100: b100 ? b100.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2) : null,
      bbPerHour: bbHour ? bbHour.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2) : null,
    },
    tournaments: {
      ...tour.totals(),
      entries: tourSamples.reduce((n, x) => n + 1 + x.s.reEntries, 0),
      cost: roundMoney(tourCost).toFixed(2),
      roi: percent(Decimal.sum(0, ...tourSamples.map((x) => x.result)), tourCost),
      itmPercent: percent(cashed, tourSamples.length),
    },
    breakdowns: {
      stakes: breakdown(samples, (x) => {
        const label = stakesLabel(x.s);
        return label ? { key: label, label } : null;
      }),
      game: breakdown(samples, (x) => ({ key: x.s.game, label: GAME_LABELS[x.s.game] })),
      // Labels are the keys: names come from the sites and venues reads, so a rename needs no recount.
      venue: breakdown(samples, (x) => ({ key: venueKey(x.s), label: venueKey(x.s) })),
      month: breakdown(
        samples,
        (x) => ({ key: x.day.slice(0, 7), label: `${MONTHS[Number(x.day.slice(5, 7)) - 1]} ${x.day.slice(0, 4)}` }),
        (a, b) => a.key.localeCompare(b.key),
      ),
      weekday: breakdown(
        samples,
        (x) => {
          const d = new Date(`${x.day}T00:00:00Z`).getUTCDay();
          return { key: String((d + 6) % 7), label: WEEKDAYS[d] };
        },
        (a, b) => a.key.localeCompare(b.key),
      ),
    },
    chart: { points: downsample(points), table: chartTables(points) },
  };
}
