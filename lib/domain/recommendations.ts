import Decimal from 'decimal.js';
import { z } from 'zod';

/**
 * Bankroll-management recommendations (rules restated in domain.md).
 *
 * Each answer maps to a range of buy-ins the bankroll should cover; the answers are averaged
 * with weights, and the buy-in multiple is the middle of the averaged range.
 *
 * Rounding of the averaged low/high is half-even, i.e. Python's round(), because the original
 * app was written in Python and its published defaults must come out unchanged. It matters
 * only when an average ends in exactly .5, e.g. cash NA/SOFT/AGGRESSIVE/ONLINE has
 * low = 45/2 = 22.5 -> 22 (half-up would give 23).
 */

export const NOT_APPLICABLE = 'NA';

export const GAME_TYPE_ANSWERS = ['LHE', 'NLHE', 'PLO', NOT_APPLICABLE] as const;
export const COMPETITION_ANSWERS = ['SOFT', 'TOUGH', NOT_APPLICABLE] as const;
export const RISK_ANSWERS = ['CONSERVATIVE', 'AGGRESSIVE', NOT_APPLICABLE] as const;
export const ENVIRONMENT_ANSWERS = ['LIVE', 'ONLINE', NOT_APPLICABLE] as const;

export type GameTypeAnswer = (typeof GAME_TYPE_ANSWERS)[number];
export type CompetitionAnswer = (typeof COMPETITION_ANSWERS)[number];
export type RiskAnswer = (typeof RISK_ANSWERS)[number];
export type EnvironmentAnswer = (typeof ENVIRONMENT_ANSWERS)[number];

export const cashAnswersSchema = z.object({
  gameType: z.enum(GAME_TYPE_ANSWERS),
  skill: z.enum(COMPETITION_ANSWERS),
  risk: z.enum(RISK_ANSWERS),
  environment: z.enum(ENVIRONMENT_ANSWERS),
});
export const tournamentAnswersSchema = z.object({
  gameType: z.enum(GAME_TYPE_ANSWERS),
  competition: z.enum(COMPETITION_ANSWERS),
  risk: z.enum(RISK_ANSWERS),
  environment: z.enum(ENVIRONMENT_ANSWERS),
});

export type CashAnswers = z.infer<typeof cashAnswersSchema>;
export type TournamentAnswers = z.infer<typeof tournamentAnswersSchema>;

/** Buy-ins the bankroll should hold, from the low to the high end of the advice. */
type Range = readonly [low: number, high: number];
type Ranges<A extends string> = Record<Exclude<A, typeof NOT_APPLICABLE>, Range>;

export const QUESTION_WEIGHTS = { gameType: 2, skill: 3, competition: 3, risk: 4, environment: 1 } as const;

const CASH_RANGES = {
  gameType: { LHE: [20, 30], NLHE: [30, 50], PLO: [50, 100] } satisfies Ranges<GameTypeAnswer>,
  skill: { SOFT: [20, 30], TOUGH: [50, 100] } satisfies Ranges<CompetitionAnswer>,
  risk: { CONSERVATIVE: [50, 100], AGGRESSIVE: [20, 30] } satisfies Ranges<RiskAnswer>,
  environment: { LIVE: [20, 30], ONLINE: [40, 60] } satisfies Ranges<EnvironmentAnswer>,
};

const TOURNAMENT_RANGES = {
  gameType: { LHE: [40, 60], NLHE: [60, 100], PLO: [100, 200] } satisfies Ranges<GameTypeAnswer>,
  competition: { SOFT: [40, 60], TOUGH: [100, 200] } satisfies Ranges<CompetitionAnswer>,
  risk: { CONSERVATIVE: [100, 200], AGGRESSIVE: [40, 60] } satisfies Ranges<RiskAnswer>,
  environment: { LIVE: [40, 60], ONLINE: [80, 120] } satisfies Ranges<EnvironmentAnswer>,
};

export interface BuyInRange {
  low: number;
  high: number;
  /** (low + high) / 2: how many buy-ins the bankroll should hold. */
  multiple: number;
}

interface WeightedRange {
  range: Range;
  weight: number;
}

function pick<A extends string>(ranges: Ranges<A>, answer: A, weight: number): WeightedRange | null {
  if (answer === NOT_APPLICABLE) return null;
  return { range: ranges[answer as Exclude<A, typeof NOT_APPLICABLE>], weight };
}

function roundHalfEven(value: Decimal): number {
  return value.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
}

/** Null when every answer is "not applicable": there is nothing to base advice on. */
function weightedRange(parts: readonly (WeightedRange | null)[]): BuyInRange | null {
  const answered = parts.filter((p): p is WeightedRange => p !== null);
  if (answered.length === 0) return null;

  const totalWeight = answered.reduce((sum, p) => sum + p.weight, 0);
  const weightedSum = (end: 0 | 1) => answered.reduce((sum, p) => sum + p.range[end] * p.weight, 0);
  const low = roundHalfEven(new Decimal(weightedSum(0)).div(totalWeight));
  const high = roundHalfEven(new Decimal(weightedSum(1)).div(totalWeight));
  return { low, high, multiple: (low + high) / 2 };
}

export function cashBuyInRange(answers: CashAnswers): BuyInRange | null {
  return weightedRange([
    pick(CASH_RANGES.gameType, answers.gameType, QUESTION_WEIGHTS.gameType),
    pick(CASH_RANGES.skill, answers.skill, QUESTION_WEIGHTS.skill),
    pick(CASH_RANGES.risk, answers.risk, QUESTION_WEIGHTS.risk),
    pick(CASH_RANGES.environment, answers.environment, QUESTION_WEIGHTS.environment),
  ]);
}

export function tournamentBuyInRange(answers: TournamentAnswers): BuyInRange | null {
  return weightedRange([
    pick(TOURNAMENT_RANGES.gameType, answers.gameType, QUESTION_WEIGHTS.gameType),
    pick(TOURNAMENT_RANGES.competition, answers.competition, QUESTION_WEIGHTS.competition),
    pick(TOURNAMENT_RANGES.risk, answers.risk, QUESTION_WEIGHTS.risk),
    pick(TOURNAMENT_RANGES.environment, answers.environment, QUESTION_WEIGHTS.environment),
  ]);
}

/**
 * The original app's default multiples were 72 (cash) and 134.5 (tournaments). Each comes from
 * exactly one answer set under the rules above (checked by brute force over every combination):
 * - cash: game NA, TOUGH, CONSERVATIVE, ONLINE -> low round(390/8 = 48.75) = 49,
 *   high 760/8 = 95, multiple (49 + 95) / 2 = 72. No rounding subtlety is needed; the closest
 *   set with a game type answered is PLO/TOUGH/CONSERVATIVE/ONLINE at 72.5.
 * - tournament: NLHE, TOUGH, CONSERVATIVE, environment NA -> low round(820/9) = 91,
 *   high round(1600/9) = 178, multiple 134.5.
 */
export const DEFAULT_CASH_ANSWERS: Readonly<CashAnswers> = Object.freeze({
  gameType: NOT_APPLICABLE,
  skill: 'TOUGH',
  risk: 'CONSERVATIVE',
  environment: 'ONLINE',
});
export const DEFAULT_TOURNAMENT_ANSWERS: Readonly<TournamentAnswers> = Object.freeze({
  gameType: 'NLHE',
  competition: 'TOUGH',
  risk: 'CONSERVATIVE',
  environment: NOT_APPLICABLE,
});
export const DEFAULT_CASH_MULTIPLE = 72;
export const DEFAULT_TOURNAMENT_MULTIPLE = 134.5;

export interface CashStake {
  /** e.g. "0.01/0.02" (small blind / big blind, USD) */
  blinds: string;
  smallBlind: Decimal;
  bigBlind: Decimal;
  minBuyIn: Decimal;
  maxBuyIn: Decimal;
}

function stake(smallBlind: string, bigBlind: string, minBuyIn: string, maxBuyIn: string): CashStake {
  return {
    blinds: `${smallBlind}/${bigBlind}`,
    smallBlind: new Decimal(smallBlind),
    bigBlind: new Decimal(bigBlind),
    minBuyIn: new Decimal(minBuyIn),
    maxBuyIn: new Decimal(maxBuyIn),
  };
}

/** Smallest to largest, USD. */
export const CASH_STAKES: readonly CashStake[] = [
  stake('0.01', '0.02', '0.80', '2'),
  stake('0.02', '0.05', '2', '5'),
  stake('0.05', '0.10', '4', '10'),
  stake('0.10', '0.25', '10', '25'),
  stake('0.25', '0.50', '20', '50'),
  stake('0.50', '1', '40', '100'),
  stake('1', '2', '80', '200'),
  stake('2', '5', '200', '500'),
  stake('5', '10', '400', '1000'),
  stake('10', '20', '800', '2000'),
  stake('25', '50', '2000', '5000'),
  stake('50', '100', '4000', '10000'),
  stake('100', '200', '8000', '20000'),
  stake('200', '400', '16000', '40000'),
];

/**
 * Common online tournament buy-ins (USD, fee included), smallest to largest; the usual
 * price points of major online rooms, so the advice names a buy-in that actually exists.
 */
export const TOURNAMENT_BUY_INS: readonly Decimal[] = [
  '0.25', '0.50', '1', '2', '3.30', '5.50', '11', '16.50', '22', '33', '55', '82', '109', '215',
  '320', '530', '1050', '2100', '5300', '10300', '25500',
].map((amount) => new Decimal(amount));

export const BELOW_SMALLEST_STAKES = 'below smallest stakes';
export const BELOW_SMALLEST_BUY_IN = 'below smallest buy-in';

export type CashStakeRecommendation =
  | {
      stake: CashStake;
      /** Bankroll needed for the next stake up; null at the top stake. */
      moveUpAt: Decimal | null;
      /** Below this bankroll, drop to the stake below. */
      moveDownBelow: Decimal;
    }
  | { stake: typeof BELOW_SMALLEST_STAKES; moveUpAt: Decimal; moveDownBelow: null };

export interface TournamentRecommendation {
  /**
   * bankroll / multiple, rounded down to the cent so it never overstates what is affordable;
   * 0 for a bankroll at or below zero.
   */
  idealBuyIn: Decimal;
  buyIn: Decimal | typeof BELOW_SMALLEST_BUY_IN;
}

function multipleAsDecimal(multiple: number): Decimal {
  if (!Number.isFinite(multiple) || multiple <= 0) {
    throw new RangeError(`The buy-in multiple must be a positive number, got ${multiple}`);
  }
  return new Decimal(multiple);
}

/** Thresholds are rounded up: a bankroll that reaches the shown amount must qualify. */
function threshold(multiple: Decimal, buyIn: Decimal): Decimal {
  return multiple.times(buyIn).toDecimalPlaces(2, Decimal.ROUND_UP);
}

/** The highest stake whose max buy-in the bankroll covers `multiple` times. */
export function recommendCashStake(bankrollUsd: Decimal, multiple: number): CashStakeRecommendation {
  const m = multipleAsDecimal(multiple);
  let index = -1;
  for (let i = 0; i < CASH_STAKES.length; i++) {
    if (bankrollUsd.greaterThanOrEqualTo(m.times(CASH_STAKES[i].maxBuyIn))) index = i;
  }

  if (index === -1) {
    return { stake: BELOW_SMALLEST_STAKES, moveUpAt: threshold(m, CASH_STAKES[0].maxBuyIn), moveDownBelow: null };
  }
  const current = CASH_STAKES[index];
  const next = CASH_STAKES[index + 1];
  return {
    stake: current,
    moveUpAt: next ? threshold(m, next.maxBuyIn) : null,
    moveDownBelow: threshold(m, current.minBuyIn),
  };
}

/** The largest standard buy-in at or below bankroll / multiple. */
export function recommendTournamentBuyIn(bankrollUsd: Decimal, multiple: number): TournamentRecommendation {
  const ideal = bankrollUsd.div(multipleAsDecimal(multiple));
  let buyIn: Decimal | null = null;
  for (const candidate of TOURNAMENT_BUY_INS) {
    if (candidate.lessThanOrEqualTo(ideal)) buyIn = candidate;
  }
  return {
    idealBuyIn: Decimal.max(ideal, 0).toDecimalPlaces(2, Decimal.ROUND_DOWN),
    buyIn: buyIn ?? BELOW_SMALLEST_BUY_IN,
  };
}
