import Decimal from 'decimal.js';
import { describe, it, expect } from 'vitest';
import {
  BELOW_SMALLEST_BUY_IN,
  BELOW_SMALLEST_STAKES,
  CASH_STAKES,
  COMPETITION_ANSWERS,
  DEFAULT_CASH_ANSWERS,
  DEFAULT_CASH_MULTIPLE,
  DEFAULT_TOURNAMENT_ANSWERS,
  DEFAULT_TOURNAMENT_MULTIPLE,
  ENVIRONMENT_ANSWERS,
  GAME_TYPE_ANSWERS,
  RISK_ANSWERS,
  TOURNAMENT_BUY_INS,
  cashAnswersSchema,
  cashBuyInRange,
  recommendCashStake,
  recommendTournamentBuyIn,
  tournamentAnswersSchema,
  tournamentBuyInRange,
  type CashAnswers,
  type TournamentAnswers,
  type CashStakeRecommendation,
} from '../../../lib/domain/recommendations';

const d = (value: string | number) => new Decimal(value);

function allTournamentAnswers(): TournamentAnswers[] {
  return allCashAnswers().map(({ gameType, skill, risk, environment }) => ({ gameType, competition: skill, risk, environment }));
}

function allCashAnswers(): CashAnswers[] {
  return GAME_TYPE_ANSWERS.flatMap((gameType) =>
    COMPETITION_ANSWERS.flatMap((skill) =>
      RISK_ANSWERS.flatMap((risk) => ENVIRONMENT_ANSWERS.map((environment) => ({ gameType, skill, risk, environment }))),
    ),
  );
}

describe("the original app's defaults", () => {
  it('cash 72 = game NA, TOUGH, CONSERVATIVE, ONLINE: low round(390/8 = 48.75) = 49, high 760/8 = 95', () => {
    expect(cashBuyInRange(DEFAULT_CASH_ANSWERS)).toEqual({ low: 49, high: 95, multiple: 72 });
    expect(DEFAULT_CASH_MULTIPLE).toBe(72);
  });

  it('tournament 134.5 = NLHE, TOUGH, CONSERVATIVE, environment NA: low round(820/9) = 91, high round(1600/9) = 178', () => {
    expect(tournamentBuyInRange(DEFAULT_TOURNAMENT_ANSWERS)).toEqual({ low: 91, high: 178, multiple: 134.5 });
    expect(DEFAULT_TOURNAMENT_MULTIPLE).toBe(134.5);
  });

  it('no other cash combination gives 72 (brute force over all 108)', () => {
    const combos = allCashAnswers();
    expect(combos).toHaveLength(108);
    const giving72 = combos.filter((answers) => cashBuyInRange(answers)?.multiple === 72);
    expect(giving72).toEqual([DEFAULT_CASH_ANSWERS]);
    // The nearest with every question answered is 72.5: PLO/TOUGH/CONSERVATIVE/ONLINE.
    expect(cashBuyInRange({ gameType: 'PLO', skill: 'TOUGH', risk: 'CONSERVATIVE', environment: 'ONLINE' })).toEqual({
      low: 49, high: 96, multiple: 72.5,
    });
  });

  it('no other tournament combination gives 134.5', () => {
    const giving = allTournamentAnswers().filter((answers) => tournamentBuyInRange(answers)?.multiple === 134.5);
    expect(giving).toEqual([DEFAULT_TOURNAMENT_ANSWERS]);
  });
});

describe('cashBuyInRange', () => {
  it('weights the answers 2/3/4/1: NLHE, SOFT, AGGRESSIVE, LIVE', () => {
    // low (30*2 + 20*3 + 20*4 + 20*1) / 10 = 22; high (50*2 + 30*3 + 30*4 + 30*1) / 10 = 34
    expect(cashBuyInRange({ gameType: 'NLHE', skill: 'SOFT', risk: 'AGGRESSIVE', environment: 'LIVE' })).toEqual({
      low: 22, high: 34, multiple: 28,
    });
  });

  it('LHE, TOUGH, CONSERVATIVE, ONLINE', () => {
    // low (40 + 150 + 200 + 40) / 10 = 43; high (60 + 300 + 400 + 60) / 10 = 82
    expect(cashBuyInRange({ gameType: 'LHE', skill: 'TOUGH', risk: 'CONSERVATIVE', environment: 'ONLINE' })).toEqual({
      low: 43, high: 82, multiple: 62.5,
    });
  });

  it('uses a single answered question on its own', () => {
    expect(cashBuyInRange({ gameType: 'PLO', skill: 'NA', risk: 'NA', environment: 'NA' })).toEqual({ low: 50, high: 100, multiple: 75 });
    expect(cashBuyInRange({ gameType: 'NA', skill: 'NA', risk: 'NA', environment: 'LIVE' })).toEqual({ low: 20, high: 30, multiple: 25 });
  });

  it('rounds an exact half to even, like the original (Python round)', () => {
    // low (20*3 + 20*4 + 40*1) / 8 = 22.5 -> 22; high (30*3 + 30*4 + 60*1) / 8 = 33.75 -> 34
    expect(cashBuyInRange({ gameType: 'NA', skill: 'SOFT', risk: 'AGGRESSIVE', environment: 'ONLINE' })).toEqual({
      low: 22, high: 34, multiple: 28,
    });
    // low (50*3 + 20) / 4 = 42.5 -> 42; high (100*3 + 30) / 4 = 82.5 -> 82
    expect(cashBuyInRange({ gameType: 'NA', skill: 'TOUGH', risk: 'NA', environment: 'LIVE' })).toEqual({
      low: 42, high: 82, multiple: 62,
    });
    // low (20*3 + 50*4 + 40) / 8 = 37.5 -> 38 (8 is even)
    expect(cashBuyInRange({ gameType: 'NA', skill: 'SOFT', risk: 'CONSERVATIVE', environment: 'ONLINE' })?.low).toBe(38);
  });

  it('has no advice when every answer is "not applicable"', () => {
    expect(cashBuyInRange({ gameType: 'NA', skill: 'NA', risk: 'NA', environment: 'NA' })).toBeNull();
  });

  it('keeps every multiple between the smallest and largest answer ranges', () => {
    for (const answers of allCashAnswers()) {
      const range = cashBuyInRange(answers);
      if (!range) continue;
      expect(range.low).toBeGreaterThanOrEqual(20);
      expect(range.high).toBeLessThanOrEqual(100);
      expect(range.low).toBeLessThan(range.high);
    }
  });
});

describe('tournamentBuyInRange', () => {
  it('maps the game type ranges 40-60 / 60-100 / 100-200 to LHE / NLHE / PLO', () => {
    const only = (gameType: 'LHE' | 'NLHE' | 'PLO') =>
      tournamentBuyInRange({ gameType, competition: 'NA', risk: 'NA', environment: 'NA' });
    expect(only('LHE')).toEqual({ low: 40, high: 60, multiple: 50 });
    expect(only('NLHE')).toEqual({ low: 60, high: 100, multiple: 80 });
    expect(only('PLO')).toEqual({ low: 100, high: 200, multiple: 150 });
  });

  it('maps competition SOFT 40-60 and TOUGH 100-200', () => {
    expect(tournamentBuyInRange({ gameType: 'NA', competition: 'SOFT', risk: 'NA', environment: 'NA' })).toEqual({ low: 40, high: 60, multiple: 50 });
    expect(tournamentBuyInRange({ gameType: 'NA', competition: 'TOUGH', risk: 'NA', environment: 'NA' })).toEqual({ low: 100, high: 200, multiple: 150 });
  });

  it('weights all four answers: PLO, SOFT, AGGRESSIVE, ONLINE', () => {
    // low (100*2 + 40*3 + 40*4 + 80) / 10 = 56; high (200*2 + 60*3 + 60*4 + 120) / 10 = 94
    expect(tournamentBuyInRange({ gameType: 'PLO', competition: 'SOFT', risk: 'AGGRESSIVE', environment: 'ONLINE' })).toEqual({
      low: 56, high: 94, multiple: 75,
    });
  });

  it('rounds halves to even: NA, TOUGH, CONSERVATIVE, LIVE', () => {
    // low (300 + 400 + 40) / 8 = 92.5 -> 92; high (600 + 800 + 60) / 8 = 182.5 -> 182
    expect(tournamentBuyInRange({ gameType: 'NA', competition: 'TOUGH', risk: 'CONSERVATIVE', environment: 'LIVE' })).toEqual({
      low: 92, high: 182, multiple: 137,
    });
  });

  it('has no advice when every answer is "not applicable"', () => {
    expect(tournamentBuyInRange({ gameType: 'NA', competition: 'NA', risk: 'NA', environment: 'NA' })).toBeNull();
  });
});

describe('answer schemas', () => {
  it('accept valid answers and reject others', () => {
    expect(cashAnswersSchema.parse(DEFAULT_CASH_ANSWERS)).toEqual(DEFAULT_CASH_ANSWERS);
    expect(tournamentAnswersSchema.safeParse(DEFAULT_TOURNAMENT_ANSWERS).success).toBe(true);
    expect(cashAnswersSchema.safeParse({ ...DEFAULT_CASH_ANSWERS, risk: 'YOLO' }).success).toBe(false);
    expect(tournamentAnswersSchema.safeParse({ ...DEFAULT_TOURNAMENT_ANSWERS, competition: undefined }).success).toBe(false);
  });
});

function stakeOf(recommendation: CashStakeRecommendation): string {
  return recommendation.stake === BELOW_SMALLEST_STAKES ? recommendation.stake : recommendation.stake.blinds;
}

describe('recommendCashStake', () => {
  it('has the 14 stakes of domain.md, smallest first', () => {
    expect(CASH_STAKES.map((s) => s.blinds)).toEqual([
      '0.01/0.02', '0.02/0.05', '0.05/0.10', '0.10/0.25', '0.25/0.50', '0.50/1', '1/2', '2/5', '5/10', '10/20',
      '25/50', '50/100', '100/200', '200/400',
    ]);
    expect(CASH_STAKES[0].minBuyIn.toString()).toBe('0.8');
    expect(CASH_STAKES.at(-1)!.maxBuyIn.toString()).toBe('40000');
  });

  it('$1,000 at 72: 72 x 10 = 720 <= 1000 < 72 x 25 = 1800 -> 0.05/0.10', () => {
    const rec = recommendCashStake(d(1000), 72);
    expect(stakeOf(rec)).toBe('0.05/0.10');
    expect(rec.moveUpAt?.toString()).toBe('1800');
    expect(rec.moveDownBelow?.toString()).toBe('288'); // 72 x 4
  });

  it('qualifies exactly at multiple x max buy-in, not a cent below', () => {
    expect(stakeOf(recommendCashStake(d(720), 72))).toBe('0.05/0.10');
    const below = recommendCashStake(d('719.99'), 72);
    expect(stakeOf(below)).toBe('0.02/0.05');
    expect(below.moveUpAt?.toString()).toBe('720');
    expect(below.moveDownBelow?.toString()).toBe('144'); // 72 x 2
  });

  it('$10,000 at 134.5: 134.5 x 50 = 6725 <= 10000 < 134.5 x 100 = 13450 -> 0.25/0.50', () => {
    const rec = recommendCashStake(d(10000), 134.5);
    expect(stakeOf(rec)).toBe('0.25/0.50');
    expect(rec.moveUpAt?.toString()).toBe('13450');
    expect(rec.moveDownBelow?.toString()).toBe('2690'); // 134.5 x 20
  });

  it('handles the smallest stake with a half multiple: 72.5 x 2 = 145', () => {
    const rec = recommendCashStake(d(145), 72.5);
    expect(stakeOf(rec)).toBe('0.01/0.02');
    expect(rec.moveUpAt?.toString()).toBe('362.5'); // 72.5 x 5
    expect(rec.moveDownBelow?.toString()).toBe('58'); // 72.5 x 0.80
  });

  it('says "below smallest stakes" under multiple x 2', () => {
    const rec = recommendCashStake(d(100), 72);
    expect(rec.stake).toBe(BELOW_SMALLEST_STAKES);
    expect(rec.stake).toBe('below smallest stakes');
    expect(rec.moveUpAt?.toString()).toBe('144');
    expect(rec.moveDownBelow).toBeNull();
    expect(recommendCashStake(d(0), 72).stake).toBe(BELOW_SMALLEST_STAKES);
    expect(recommendCashStake(d(-50), 72).stake).toBe(BELOW_SMALLEST_STAKES);
  });

  it('has nowhere to move up at the top stake', () => {
    const rec = recommendCashStake(d(2_880_000), 72); // 72 x 40000
    expect(stakeOf(rec)).toBe('200/400');
    expect(rec.moveUpAt).toBeNull();
    expect(rec.moveDownBelow?.toString()).toBe('1152000'); // 72 x 16000
    expect(stakeOf(recommendCashStake(d('999999999999.99'), 72))).toBe('200/400');
  });

  it('rounds thresholds up to the cent so reaching the shown amount qualifies', () => {
    // multiple 1.001: 1.001 x 5 = 5.005 <= 10 < 1.001 x 10 = 10.01 -> 0.02/0.05
    const rec = recommendCashStake(d(10), 1.001);
    expect(stakeOf(rec)).toBe('0.02/0.05');
    expect(rec.moveUpAt?.toString()).toBe('10.01');
    expect(rec.moveDownBelow?.toString()).toBe('2.01'); // 1.001 x 2 = 2.002 -> 2.01
  });

  it('rejects a multiple that is not a positive number', () => {
    expect(() => recommendCashStake(d(1000), 0)).toThrow(RangeError);
    expect(() => recommendCashStake(d(1000), -72)).toThrow(RangeError);
    expect(() => recommendCashStake(d(1000), Number.NaN)).toThrow(/positive number/);
    expect(() => recommendCashStake(d(1000), Infinity)).toThrow(RangeError);
  });
});

describe('recommendTournamentBuyIn', () => {
  it('uses the documented list of standard buy-ins', () => {
    expect(TOURNAMENT_BUY_INS.map((b) => b.toFixed(2))).toEqual([
      '0.25', '0.50', '1.00', '2.00', '3.30', '5.50', '11.00', '16.50', '22.00', '33.00', '55.00', '82.00',
      '109.00', '215.00', '320.00', '530.00', '1050.00', '2100.00', '5300.00', '10300.00', '25500.00',
    ]);
  });

  it('$1,000 at 134.5: ideal 7.4349... -> 7.43, largest standard at or below is 5.50', () => {
    const rec = recommendTournamentBuyIn(d(1000), 134.5);
    expect(rec.idealBuyIn.toString()).toBe('7.43');
    expect(rec.buyIn.toString()).toBe('5.5');
  });

  it('$50,000 at 134.5: ideal 371.747... -> 371.74 (rounded down), buy-in 320', () => {
    const rec = recommendTournamentBuyIn(d(50000), 134.5);
    expect(rec.idealBuyIn.toString()).toBe('371.74');
    expect(rec.buyIn.toString()).toBe('320');
  });

  it('$100 at 134.5: ideal 0.74 -> 0.50', () => {
    const rec = recommendTournamentBuyIn(d(100), 134.5);
    expect(rec.idealBuyIn.toString()).toBe('0.74');
    expect(rec.buyIn.toString()).toBe('0.5');
  });

  it('recommends a buy-in exactly equal to the ideal', () => {
    expect(recommendTournamentBuyIn(d('1479.5'), 134.5).buyIn.toString()).toBe('11'); // 134.5 x 11
    expect(recommendTournamentBuyIn(d('1479.49'), 134.5).buyIn.toString()).toBe('5.5');
  });

  it('caps at the largest standard buy-in', () => {
    expect(recommendTournamentBuyIn(d(100_000_000), 134.5).buyIn.toString()).toBe('25500');
  });

  it('says "below smallest buy-in" under multiple x 0.25', () => {
    const rec = recommendTournamentBuyIn(d(10), 134.5);
    expect(rec.buyIn).toBe(BELOW_SMALLEST_BUY_IN);
    expect(rec.idealBuyIn.toString()).toBe('0.07');
    expect(recommendTournamentBuyIn(d(0), 134.5)).toEqual({ idealBuyIn: d(0), buyIn: BELOW_SMALLEST_BUY_IN });
    expect(recommendTournamentBuyIn(d(-500), 134.5).idealBuyIn.toString()).toBe('0');
  });

  it('works with the cash default too: $1,000 / 72 = 13.88 -> 11', () => {
    const rec = recommendTournamentBuyIn(d(1000), 72);
    expect(rec.idealBuyIn.toString()).toBe('13.88');
    expect(rec.buyIn.toString()).toBe('11');
  });

  it('rejects a multiple that is not a positive number', () => {
    expect(() => recommendTournamentBuyIn(d(1000), 0)).toThrow(RangeError);
  });
});
