import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CASH_ANSWERS,
  DEFAULT_CASH_MULTIPLE,
  DEFAULT_TOURNAMENT_ANSWERS,
  DEFAULT_TOURNAMENT_MULTIPLE,
  cashBuyInRange,
  recommendCashStake,
  tournamentBuyInRange,
} from '@/lib/domain/recommendations';
import { CASH_QUESTIONS, TOURNAMENT_QUESTIONS, answerParams, cashAnswersFrom, tournamentAnswersFrom } from '@/lib/bankroll/stakes';

describe('stake answers from the URL', () => {
  it('defaults to the original multiples 72 (cash) and 134.5 (tournaments)', () => {
    expect(cashAnswersFrom({})).toEqual(DEFAULT_CASH_ANSWERS);
    expect(tournamentAnswersFrom({})).toEqual(DEFAULT_TOURNAMENT_ANSWERS);
    expect(cashBuyInRange(cashAnswersFrom({}))!.multiple).toBe(DEFAULT_CASH_MULTIPLE);
    expect(tournamentBuyInRange(tournamentAnswersFrom({}))!.multiple).toBe(DEFAULT_TOURNAMENT_MULTIPLE);
  });

  it('reads every answer, including "not applicable"', () => {
    expect(cashAnswersFrom({ cashGame: 'PLO', cashField: 'SOFT', cashRisk: 'AGGRESSIVE', cashWhere: 'NA' })).toEqual({
      gameType: 'PLO',
      skill: 'SOFT',
      risk: 'AGGRESSIVE',
      environment: 'NA',
    });
    expect(tournamentAnswersFrom({ mttGame: 'NA', mttField: 'NA', mttRisk: 'NA', mttWhere: 'NA' })).toEqual({
      gameType: 'NA',
      competition: 'NA',
      risk: 'NA',
      environment: 'NA',
    });
  });

  it('falls back per question for a bad value, keeping the other answers', () => {
    expect(cashAnswersFrom({ cashGame: 'POKER', cashRisk: 'AGGRESSIVE', cashField: ['SOFT', 'TOUGH'] })).toEqual({
      ...DEFAULT_CASH_ANSWERS,
      risk: 'AGGRESSIVE',
      skill: 'SOFT',
    });
  });

  it('keeps the cash and tournament answers apart', () => {
    const params = { cashGame: 'PLO', mttGame: 'LHE' };
    expect(cashAnswersFrom(params).gameType).toBe('PLO');
    expect(tournamentAnswersFrom(params).gameType).toBe('LHE');
  });

  it('round-trips answers through their URL parameters', () => {
    const answers = { gameType: 'LHE', skill: 'SOFT', risk: 'NA', environment: 'LIVE' } as const;
    const params = Object.fromEntries(answerParams(CASH_QUESTIONS, answers));
    expect(cashAnswersFrom(params)).toEqual(answers);
    const names = [...CASH_QUESTIONS, ...TOURNAMENT_QUESTIONS].map((q) => q.param);
    expect(new Set(names).size).toBe(names.length);
  });

  it('offers "Not applicable" in every question', () => {
    for (const q of [...CASH_QUESTIONS, ...TOURNAMENT_QUESTIONS]) {
      expect(q.options.map((o) => o.label)).toContain('Not applicable');
    }
  });

  it('gives a stake for a bankroll with the default multiple (e.g. $15,000 -> 1/2)', () => {
    const rec = recommendCashStake(new Decimal(15_000), DEFAULT_CASH_MULTIPLE);
    expect(rec.stake).not.toBe('below smallest stakes');
    if (typeof rec.stake !== 'string') expect(rec.stake.blinds).toBe('1/2');
  });
});
