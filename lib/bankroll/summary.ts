import Decimal from 'decimal.js';
import { convertExact, type Rates } from '@/lib/domain/currency';
import { roundMoney } from '@/lib/domain/money';
import { bankroll, holdingChange, profit, sumTransfers } from '@/lib/domain/totals';
import type { HoldingDto } from '@/lib/bankroll/balances';

export interface TransferSum {
  type: 'DEPOSIT' | 'WITHDRAWAL';
  currency: string;
  /** Decimal string. */
  amount: string;
}

/** What every bankroll total is computed from (loaded by lib/bankroll/balances.ts). */
export interface BankrollInputs {
  holdings: readonly HoldingDto[];
  transferSums: readonly TransferSum[];
  rates: Rates;
}

export interface BreakdownRow {
  holding: HoldingDto;
  current: Decimal | null;
  previous: Decimal | null;
  /** Current value converted to the display currency. */
  currentDisplay: Decimal | null;
  change: Decimal | null;
  changePercent: Decimal | null;
}

export interface BankrollSummary {
  displayCurrency: string;
  bankroll: Decimal;
  sites: Decimal;
  assets: Decimal;
  deposits: Decimal;
  withdrawals: Decimal;
  profit: Decimal;
  rows: BreakdownRow[];
}

const money = (h: HoldingDto) => (h.current ? [{ currentAmount: new Decimal(h.current.amount), currency: h.current.currency }] : []);

/**
 * The bankroll's numbers (domain.md): bankroll = current balances, profit = bankroll -
 * deposits + withdrawals. The one formula behind the dashboard, the lists, goal completion
 * and the bankroll achievements.
 */
export function summarize({ holdings, transferSums, rates }: BankrollInputs, displayCurrency: string): BankrollSummary {
  const of = (kind: HoldingDto['kind']) => bankroll(holdings.filter((h) => h.kind === kind).flatMap(money), displayCurrency, rates);
  const total = bankroll(holdings.flatMap(money), displayCurrency, rates);
  const sum = (type: TransferSum['type']) =>
    sumTransfers(
      transferSums.filter((t) => t.type === type).map((t) => ({ amount: new Decimal(t.amount), currency: t.currency })),
      displayCurrency,
      rates,
    );
  const deposits = sum('DEPOSIT');
  const withdrawals = sum('WITHDRAWAL');
  const rows = holdings.map((h): BreakdownRow => {
    const current = h.current ? { amount: new Decimal(h.current.amount), currency: h.current.currency } : null;
    const previous = h.previous ? { amount: new Decimal(h.previous.amount), currency: h.previous.currency } : null;
    const change = current ? holdingChange(current, previous, rates) : null;
    return {
      holding: h,
      current: current?.amount ?? null,
      previous: previous?.amount ?? null,
      currentDisplay: current ? roundMoney(convertExact(current.amount, current.currency, displayCurrency, rates)) : null,
      change: change?.absolute ?? null,
      changePercent: change?.percent ?? null,
    };
  });
  return {
    displayCurrency,
    bankroll: total,
    sites: of('POKER_SITE'),
    assets: of('ASSET'),
    deposits,
    withdrawals,
    profit: profit({ bankroll: total, deposits, withdrawals }),
    rows,
  };
}
