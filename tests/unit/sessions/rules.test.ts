import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { FALLBACK_RATES } from '@/lib/domain/currency';
import { formatDuration, matchesFilter, minutesPlayed, parseTags, sessionResult, stakesLabel, totalBuyIn, venueLabel, type SessionDto } from '@/lib/sessions/rules';
import { bbPer100, computeStats, percent, perHour, stdDevPerHour } from '@/lib/sessions/stats';

let n = 0;
function session(over: Partial<SessionDto> = {}): SessionDto {
  n++;
  return {
    id: `s${String(n).padStart(4, '0')}`,
    kind: 'CASH',
    game: 'NLHE',
    siteId: 'site1',
    venueId: null,
    currency: 'USD',
    smallBlind: '1',
    bigBlind: '2',
    buyIn: '200',
    fee: '0',
    reEntries: 0,
    rebuys: '0',
    cashOut: '300',
    expenses: '0',
    place: null,
    fieldSize: null,
    hands: null,
    startedAt: '2026-03-02T18:00:00.000Z',
    endedAt: '2026-03-02T20:00:00.000Z',
    breakMinutes: 0,
    notes: null,
    tags: [],
    snapshotId: null,
    snapshotHoldingId: null,
    ...over,
  };
}
const fixed = () => FALLBACK_RATES;

describe('session result', () => {
  it('is cash-out − total buy-in − expenses, exactly', () => {
    expect(sessionResult(session({ buyIn: '200', rebuys: '100.10', cashOut: '450.35', expenses: '12.20' }))!.toFixed(2)).toBe('138.05');
    // Floats would give 0.30000000000000004-style drift; decimals do not.
    expect(sessionResult(session({ buyIn: '0.10', rebuys: '0.20', cashOut: '0.30' }))!.toString()).toBe('0');
  });

  it('counts a tournament entry as buy-in + fee, once per entry', () => {
    const t = { kind: 'TOURNAMENT' as const, buyIn: '100', fee: '9', reEntries: 2, rebuys: '50' };
    expect(totalBuyIn(t).toFixed(2)).toBe('377.00');
    expect(sessionResult(session({ ...t, cashOut: '0' }))!.toFixed(2)).toBe('-377.00');
  });

  it('has no result while running', () => {
    expect(sessionResult(session({ cashOut: null, endedAt: null }))).toBeNull();
  });
});

describe('time played', () => {
  it('subtracts breaks and never goes negative', () => {
    expect(minutesPlayed(session({ breakMinutes: 15 }))).toBe(105);
    expect(minutesPlayed(session({ breakMinutes: 500 }))).toBe(0);
    expect(minutesPlayed(session({ endedAt: null }), new Date('2026-03-02T18:30:00Z'))).toBe(30);
    expect(formatDuration(125)).toBe('2h 05m');
  });
});

describe('labels, tags and filters', () => {
  it('labels cash stakes and nothing else', () => {
    expect(stakesLabel(session({ smallBlind: '0.50', bigBlind: '1.00' }))).toBe('0.5/1 USD');
    expect(stakesLabel(session({ kind: 'TOURNAMENT' }))).toBeNull();
  });

  it('parses tags once each, ignoring case and blanks', () => {
    expect(parseTags(' home game, Deep ,, home  game, deep ')).toEqual(['home game', 'Deep']);
  });

  it('filters by day, kind, game, stakes, venue and tag', () => {
    const s = session({ tags: ['Home'] });
    expect(matchesFilter(s, {})).toBe(true);
    expect(matchesFilter(s, { from: '2026-03-02', to: '2026-03-02' })).toBe(true);
    expect(matchesFilter(s, { from: '2026-03-03' })).toBe(false);
    expect(matchesFilter(s, { kind: 'TOURNAMENT' })).toBe(false);
    expect(matchesFilter(s, { game: 'PLO' })).toBe(false);
    expect(matchesFilter(s, { stakes: '1/2 USD', venue: 'site:site1', tag: 'home' })).toBe(true);
    expect(matchesFilter(s, { venue: 'venue:site1' })).toBe(false);
  });

  it('names places from the sites and venues, or says the site is gone', () => {
    const places = { sites: [{ id: 'a', name: 'Stars' }], venues: [{ id: 'b', name: 'Bellagio' }] };
    expect([venueLabel('site:a', places), venueLabel('venue:b', places), venueLabel('site:zz', places), venueLabel('none', places)]).toEqual(['Stars', 'Bellagio', 'Deleted site', 'Deleted site']);
  });
});

describe('statistics formulas', () => {
  it('percent and per hour handle zero denominators', () => {
    expect(percent(1, 3)).toBe('33.3');
    expect(percent(1, 0)).toBeNull();
    expect(perHour(new Decimal(100), 0)).toBeNull();
    expect(perHour(new Decimal(100), 90)).toBe('66.67');
  });

  it('bb/100 counts only sessions with known hands', () => {
    expect(bbPer100([{ bbWon: new Decimal(50), hands: 500 }, { bbWon: new Decimal(-10), hands: null }])!.toString()).toBe('10');
    expect(bbPer100([{ bbWon: new Decimal(50), hands: null }])).toBeNull();
    expect(bbPer100([{ bbWon: new Decimal(50), hands: 0 }])).toBeNull();
  });

  it('standard deviation per hour: zero for identical hourly results, null below two timed sessions', () => {
    expect(stdDevPerHour([{ result: new Decimal(100), minutes: 60 }])).toBeNull();
    expect(stdDevPerHour([{ result: new Decimal(100), minutes: 60 }, { result: new Decimal(5), minutes: 0 }])).toBeNull();
    expect(stdDevPerHour([{ result: new Decimal(100), minutes: 60 }, { result: new Decimal(200), minutes: 120 }])!.toString()).toBe('0');
    // Hourly rate μ = 0 over 2 h; each one-hour session contributes r²: sqrt((100² + 100²) / 1) = 141.42…
    expect(stdDevPerHour([{ result: new Decimal(100), minutes: 60 }, { result: new Decimal(-100), minutes: 60 }])!.toFixed(2)).toBe('141.42');
  });
});

describe('computeStats', () => {
  it('is empty but well-formed without sessions', () => {
    const s = computeStats([], 'USD', fixed);
    expect(s.overall).toMatchObject({ sessions: 0, minutes: 0, profit: '0.00', hourly: null, winningPercent: null, stdDevPerHour: null, biggestWin: null, biggestLoss: null });
    expect(s.cash.bbPer100).toBeNull();
    expect(s.tournaments.roi).toBeNull();
    expect(s.chart.points).toEqual([]);
  });

  it('adds cash games and tournaments, their win rates, ROI and ITM', () => {
    const sessions = [
      session({ cashOut: '300', hands: 150 }), // +100, 2h, 50 bb
      session({ startedAt: '2026-03-03T18:00:00.000Z', endedAt: '2026-03-03T19:00:00.000Z', cashOut: '150', hands: 50 }), // -50, 1h, -25 bb
      session({ kind: 'TOURNAMENT', smallBlind: null, bigBlind: null, buyIn: '100', fee: '10', reEntries: 1, cashOut: '0', startedAt: '2026-03-04T18:00:00.000Z', endedAt: '2026-03-04T21:00:00.000Z' }), // -220
      session({ kind: 'TOURNAMENT', smallBlind: null, bigBlind: null, buyIn: '100', fee: '10', cashOut: '550', startedAt: '2026-03-05T18:00:00.000Z', endedAt: '2026-03-05T21:00:00.000Z' }), // +440
      session({ cashOut: null, endedAt: null }), // running: left out
    ];
    const s = computeStats(sessions, 'USD', fixed);
    expect(s.overall).toMatchObject({ sessions: 4, minutes: 540, profit: '270.00', hourly: '30.00', winning: 2, winningPercent: '50.0' });
    expect(s.overall.biggestWin?.amount).toBe('440.00');
    expect(s.overall.biggestLoss?.amount).toBe('-220.00');
    expect(s.cash).toMatchObject({ sessions: 2, profit: '50.00', hands: 200, bbPer100: '12.50', bbPerHour: '8.33' });
    expect(s.tournaments).toMatchObject({ sessions: 2, entries: 3, cost: '330.00', profit: '220.00', roi: '66.7', itmPercent: '50.0' });
    expect(s.breakdowns.game.map((r) => r.key)).toEqual(['NLHE']);
    expect(s.breakdowns.stakes).toEqual([expect.objectContaining({ key: '1/2 USD', sessions: 2, profit: '50.00' })]);
    expect(s.breakdowns.weekday.map((r) => r.label)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday']);
    expect(s.breakdowns.month).toEqual([expect.objectContaining({ key: '2026-03', label: 'Mar 2026', sessions: 4 })]);
    expect(s.chart.points.map((p) => p.profit)).toEqual(['100.00', '50.00', '-170.00', '270.00']);
    // Cumulative minutes played by the end of each day: the hours axis of the chart.
    expect(s.chart.points.map((p) => p.minutes)).toEqual([120, 180, 360, 540]);
    expect(s.chart.table.hours.map((p) => p.day)).toEqual(expect.arrayContaining(['2026-03-02', '2026-03-05']));
  });

  it('zero hours: profit counts, hourly rates are null', () => {
    const s = computeStats([session({ endedAt: '2026-03-02T18:00:00.000Z' })], 'USD', fixed);
    expect(s.overall).toMatchObject({ profit: '100.00', minutes: 0, hourly: null });
    expect(s.cash.bbPerHour).toBeNull();
    expect(s.cash.bbPer100).toBeNull(); // no hands
  });

  it("converts each session at the rates of its own day", () => {
    const eur = { currency: 'EUR', smallBlind: '1', bigBlind: '2' };
    const sessions = [session({ ...eur, cashOut: '300' }), session({ ...eur, cashOut: '300', startedAt: '2026-04-02T18:00:00.000Z', endedAt: '2026-04-02T20:00:00.000Z' })];
    const ratesOn = (day: string) => ({ ...FALLBACK_RATES, EUR: new Decimal(day < '2026-04-01' ? '0.8' : '0.5') });
    const s = computeStats(sessions, 'USD', ratesOn);
    // 100 EUR at 0.8 = 125 USD, then 100 EUR at 0.5 = 200 USD.
    expect(s.overall.profit).toBe('325.00');
    expect(s.chart.points.map((p) => p.profit)).toEqual(['125.00', '325.00']);
    // Big blinds are not converted.
    expect(s.cash.bbPerHour).toBe('25.00');
  });
});
