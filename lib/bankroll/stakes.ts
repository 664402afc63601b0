import {
  COMPETITION_ANSWERS,
  DEFAULT_CASH_ANSWERS,
  DEFAULT_TOURNAMENT_ANSWERS,
  ENVIRONMENT_ANSWERS,
  GAME_TYPE_ANSWERS,
  RISK_ANSWERS,
  cashAnswersSchema,
  tournamentAnswersSchema,
  type CashAnswers,
  type TournamentAnswers,
} from '@/lib/domain/recommendations';
import { firstParam, type SearchParams } from '@/lib/fields/form-fields';

// The stakes page is a GET form: answers live in the URL (shareable, no state
// changed). Cash and tournament answers use distinct parameter names so both
// forms can sit on one page and carry each other's answers along.

export interface Question<K extends string> {
  key: K;
  param: string;
  legend: string;
  options: readonly { value: string; label: string }[];
}

const GAME_OPTIONS = GAME_TYPE_ANSWERS.map((value) => ({
  value,
  label: { LHE: 'Limit Hold’em', NLHE: 'No-Limit Hold’em', PLO: 'Pot-Limit Omaha', NA: 'Not applicable' }[value],
}));
const COMPETITION_OPTIONS = COMPETITION_ANSWERS.map((value) => ({
  value,
  label: { SOFT: 'Soft (mostly recreational players)', TOUGH: 'Tough (mostly regulars)', NA: 'Not applicable' }[value],
}));
const RISK_OPTIONS = RISK_ANSWERS.map((value) => ({
  value,
  label: { CONSERVATIVE: 'Conservative', AGGRESSIVE: 'Aggressive', NA: 'Not applicable' }[value],
}));
const ENVIRONMENT_OPTIONS = ENVIRONMENT_ANSWERS.map((value) => ({
  value,
  label: { LIVE: 'Live', ONLINE: 'Online', NA: 'Not applicable' }[value],
}));

export const CASH_QUESTIONS: readonly Question<keyof CashAnswers>[] = [
  { key: 'gameType', param: 'cashGame', legend: 'Which game do you play?', options: GAME_OPTIONS },
  { key: 'skill', param: 'cashField', legend: 'How tough are your opponents?', options: COMPETITION_OPTIONS },
  { key: 'risk', param: 'cashRisk', legend: 'How much risk do you accept?', options: RISK_OPTIONS },
  { key: 'environment', param: 'cashWhere', legend: 'Where do you play?', options: ENVIRONMENT_OPTIONS },
];

export const TOURNAMENT_QUESTIONS: readonly Question<keyof TournamentAnswers>[] = [
  { key: 'gameType', param: 'mttGame', legend: 'Which game do you play?', options: GAME_OPTIONS },
  { key: 'competition', param: 'mttField', legend: 'How tough are the fields?', options: COMPETITION_OPTIONS },
  { key: 'risk', param: 'mttRisk', legend: 'How much risk do you accept?', options: RISK_OPTIONS },
  { key: 'environment', param: 'mttWhere', legend: 'Where do you play?', options: ENVIRONMENT_OPTIONS },
];

/** Answers from the URL; a missing or unknown value falls back to that question's default. */
function answersFrom<A extends Record<string, string>>(
  params: SearchParams,
  questions: readonly Question<keyof A & string>[],
  defaults: Readonly<A>,
  schema: { safeParse: (value: unknown) => { success: boolean; data?: A } },
): A {
  const answers = { ...defaults };
  for (const q of questions) {
    const value = firstParam(params[q.param]);
    if (value !== undefined) (answers as Record<string, string>)[q.key] = value;
    // Validate one answer at a time so one bad value does not reset the others.
    if (!schema.safeParse(answers).success) (answers as Record<string, string>)[q.key] = defaults[q.key];
  }
  const parsed = schema.safeParse(answers);
  return parsed.success && parsed.data ? parsed.data : { ...defaults };
}

export function cashAnswersFrom(params: SearchParams): CashAnswers {
  return answersFrom<CashAnswers>(params, CASH_QUESTIONS, DEFAULT_CASH_ANSWERS, cashAnswersSchema);
}

export function tournamentAnswersFrom(params: SearchParams): TournamentAnswers {
  return answersFrom<TournamentAnswers>(params, TOURNAMENT_QUESTIONS, DEFAULT_TOURNAMENT_ANSWERS, tournamentAnswersSchema);
}

/** The URL parameters of a set of answers (for hidden inputs and links). */
export function answerParams<A extends Record<string, string>>(questions: readonly Question<keyof A & string>[], answers: A): [string, string][] {
  return questions.map((q) => [q.param, answers[q.key]]);
}
