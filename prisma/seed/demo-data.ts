/**
 * Demo account data: ~18 months of a winning player's bankroll across 7 poker sites and 4
 * assets in several currencies, with deposits, withdrawals, goals, a streak and achievements.
 *
 * generateDemoData() is pure and deterministic (seeded PRNG; dates relative to `now`), and
 * returns plain objects; writeDemoData() stores them for one user.
 *
 * The simulation walks day by day: on "session days" (about 4 a week) the player updates some
 * holdings (each holding 1-3 times a week on average); balances follow a random walk with an
 * upward drift for poker sites, never below 0. Every holding starts with a deposit of its
 * opening balance, a site running dry is reloaded, and big site balances are sometimes cashed
 * out, so profit (bankroll - deposits + withdrawals) is meaningful.
 */
import Decimal from 'decimal.js';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { ACHIEVEMENT_CODES, type AchievementCode } from '@/lib/domain/achievements';
import { convertExact, FALLBACK_RATES } from '@/lib/domain/currency';
import { addDays, dayKeyToDate, eachDay, toDayKey, type DayKey } from '@/lib/domain/days';
import { EMPTY_STREAK, nextStreak, type StreakState } from '@/lib/domain/streaks';
import { createRandom, type Random } from './random';
import { monthsBefore } from './rates';
import type { SessionRecord } from '@/lib/sessions/rules';

export type DemoHoldingKind = 'POKER_SITE' | 'ASSET';

export interface DemoSnapshot {
  /** Decimal string with 2 decimals, >= 0. */
  amount: string;
  currency: string;
  recordedAt: Date;
}

export interface DemoHolding {
  kind: DemoHoldingKind;
  name: string;
  assetType: string | null;
  currency: string;
  position: number;
  createdAt: Date;
  /** Oldest first. */
  snapshots: DemoSnapshot[];
}

export interface DemoTransfer {
  type: 'DEPOSIT' | 'WITHDRAWAL';
  /** Decimal string with 2 decimals, > 0. */
  amount: string;
  currency: string;
  /** Midnight UTC of the day. */
  occurredOn: Date;
  note: string | null;
}

export interface DemoGoal {
  type: 'BANKROLL' | 'PROFIT';
  targetAmount: string;
  currency: string;
  endDate: Date | null;
  status: 'ACTIVE' | 'COMPLETED' | 'ARCHIVED';
  createdAt: Date;
  completedAt: Date | null;
  archivedAt: Date | null;
}

export interface DemoAchievement {
  code: AchievementCode;
  unlockedAt: Date;
}

/** A play session of the demo year: online at a demo site (by name) or live at a venue. */
export type DemoSession = Omit<SessionRecord<Date>, 'notes'>;

export interface DemoData {
  displayCurrency: string;
  /** First day of the simulated history (the account's creation). */
  startedOn: Date;
  holdings: DemoHolding[];
  /** Oldest first. */
  transfers: DemoTransfer[];
  goals: DemoGoal[];
  streak: { current: number; longest: number; lastActionOn: Date | null };
  achievements: DemoAchievement[];
  /** The last 12 months of play, oldest first. */
  sessions: DemoSession[];
}

export interface DemoDataOptions {
  /** "Now" of the demo history; the newest data is on this UTC day, never later than this instant. */
  now?: Date;
  seed?: number | string;
  months?: number;
}

interface HoldingSpec {
  kind: DemoHoldingKind;
  name: string;
  assetType: string | null;
  currency: string;
  /** Typical balance in the holding's currency, in whole units. */
  scale: number;
  /** Chance of being updated on a session day. */
  updateChance: number;
  /** Mean and spread of one update's change: relative to scale (additive) or to the balance (multiplicative). */
  drift: number;
  volatility: number;
  multiplicative: boolean;
  /** Day (from the start) the holding was added. */
  startOffset: number;
}

const DISPLAY_CURRENCY = 'EUR';

const HOLDINGS: readonly HoldingSpec[] = [
  { kind: 'POKER_SITE', name: 'PokerStars', assetType: null, currency: 'USD', scale: 2500, updateChance: 0.6, drift: 0.012, volatility: 0.07, multiplicative: false, startOffset: 0 },
  { kind: 'POKER_SITE', name: 'GGPoker', assetType: null, currency: 'USD', scale: 2000, updateChance: 0.55, drift: 0.014, volatility: 0.08, multiplicative: false, startOffset: 1 },
  { kind: 'POKER_SITE', name: 'partypoker', assetType: null, currency: 'EUR', scale: 1200, updateChance: 0.4, drift: 0.008, volatility: 0.07, multiplicative: false, startOffset: 3 },
  { kind: 'POKER_SITE', name: '888poker', assetType: null, currency: 'GBP', scale: 800, updateChance: 0.32, drift: 0.01, volatility: 0.08, multiplicative: false, startOffset: 5 },
  { kind: 'POKER_SITE', name: 'Winamax', assetType: null, currency: 'EUR', scale: 1500, updateChance: 0.45, drift: 0.011, volatility: 0.07, multiplicative: false, startOffset: 2 },
  { kind: 'POKER_SITE', name: 'PokerStars Ontario', assetType: null, currency: 'CAD', scale: 900, updateChance: 0.3, drift: 0.009, volatility: 0.08, multiplicative: false, startOffset: 9 },
  { kind: 'POKER_SITE', name: 'Aspers Casino cage (live)', assetType: null, currency: 'GBP', scale: 2000, updateChance: 0.28, drift: 0.015, volatility: 0.12, multiplicative: false, startOffset: 12 },
  { kind: 'ASSET', name: 'Cash', assetType: 'Cash', currency: 'EUR', scale: 1500, updateChance: 0.3, drift: 0, volatility: 0.05, multiplicative: false, startOffset: 0 },
  { kind: 'ASSET', name: 'Bitcoin wallet', assetType: 'Crypto', currency: 'USD', scale: 2000, updateChance: 0.35, drift: 0.004, volatility: 0.06, multiplicative: true, startOffset: 4 },
  { kind: 'ASSET', name: 'Skrill', assetType: 'E-wallet', currency: 'GBP', scale: 600, updateChance: 0.3, drift: 0.003, volatility: 0.05, multiplicative: false, startOffset: 6 },
  { kind: 'ASSET', name: 'Neteller', assetType: 'E-wallet', currency: 'EUR', scale: 400, updateChance: 0.28, drift: 0.003, volatility: 0.05, multiplicative: false, startOffset: 8 },
];

/** Days at the end of the history that are all session days: the current streak. */
const CURRENT_STREAK_DAYS = 6;
const SESSION_DAY_CHANCE = 0.55;
const HOUR_MS = 3_600_000;

function centsToString(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`Invalid amount in cents: ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function toUsd(cents: number, currency: string): Decimal {
  return convertExact(new Decimal(cents).div(100), currency, 'USD', FALLBACK_RATES);
}

function toDisplay(balances: readonly number[], currency: string): Decimal {
  let total = new Decimal(0);
  HOLDINGS.forEach((spec, i) => {
    total = total.plus(convertExact(new Decimal(balances[i]).div(100), spec.currency, currency, FALLBACK_RATES));
  });
  return total;
}

/** Rounds up to a whole multiple of `step`, in cents, as a 2-decimal string. */
function roundUpTo(amount: Decimal, step: number): string {
  return amount.div(step).ceil().times(step).toFixed(2);
}

/** A time on `day`, in the evening, but never after `now`. */
function timeOn(day: DayKey, now: Date, random: Random): Date {
  const start = dayKeyToDate(day).getTime();
  const evening = start + random.between(17, 23.9) * HOUR_MS;
  const latest = now.getTime() - 60_000;
  if (evening <= latest) return new Date(Math.round(evening / 1000) * 1000);
  // Today, early: somewhere between midnight and now.
  return new Date(start + Math.floor(random.between(0, Math.max(0, latest - start)) / 1000) * 1000);
}

export function generateDemoData(options: DemoDataOptions = {}): DemoData {
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? 'stakeeasy-demo');
  const today = toDayKey(now);
  const startDay = addDays(monthsBefore(today, options.months ?? 18), -3);
  const days = eachDay(startDay, today);
  const last = days.length - 1;

  const balances = HOLDINGS.map(() => 0); // cents
  const started = HOLDINGS.map(() => false);
  const holdings: DemoHolding[] = [];
  const positions: Record<DemoHoldingKind, number> = { POKER_SITE: 0, ASSET: 0 };
  for (const spec of HOLDINGS) {
    holdings.push({
      kind: spec.kind,
      name: spec.name,
      assetType: spec.assetType,
      currency: spec.currency,
      position: positions[spec.kind]++,
      createdAt: dayKeyToDate(addDays(startDay, spec.startOffset)),
      snapshots: [],
    });
  }
  const transfers: DemoTransfer[] = [];
  const unlocked = new Map<AchievementCode, Date>();
  let streak: StreakState = { ...EMPTY_STREAK };

  // A first goal, created a few weeks in: 30% more bankroll than then (completed if reached).
  let firstGoal: DemoGoal | null = null;
  const firstGoalDay = 24;

  const deposit = (i: number, cents: number, day: DayKey, note: string) => {
    transfers.push({ type: 'DEPOSIT', amount: centsToString(cents), currency: HOLDINGS[i].currency, occurredOn: dayKeyToDate(day), note });
    balances[i] += cents;
  };

  days.forEach((day, index) => {
    const startsToday = HOLDINGS.map((spec) => spec.startOffset === index);
    const inCurrentStreak = index > last - CURRENT_STREAK_DAYS;
    const beforeCurrentStreak = index === last - CURRENT_STREAK_DAYS;
    const session =
      startsToday.some(Boolean) || inCurrentStreak || (!beforeCurrentStreak && random.chance(SESSION_DAY_CHANCE));
    if (!session) return;

    const updated = new Set<number>();
    HOLDINGS.forEach((spec, i) => {
      if (startsToday[i]) {
        // Opening balance, paid in by a deposit the same day.
        const opening = Math.round(spec.scale * random.between(0.6, 1.1)) * 100 + random.int(0, 1) * random.int(0, 99);
        deposit(i, opening, day, `Initial deposit - ${spec.name}`);
        started[i] = true;
        updated.add(i);
        return;
      }
      if (!started[i] || !random.chance(spec.updateChance)) return;
      const change = spec.multiplicative
        ? balances[i] * (spec.drift + spec.volatility * random.gaussian())
        : spec.scale * 100 * (spec.drift + spec.volatility * random.gaussian());
      balances[i] = Math.max(0, Math.round(balances[i] + change));
      updated.add(i);
    });

    const sites = HOLDINGS.map((spec, i) => i).filter((i) => HOLDINGS[i].kind === 'POKER_SITE' && started[i]);
    if (updated.size === 0 && sites.length > 0) {
      // A session day always has at least one money action.
      const i = random.pick(sites);
      balances[i] = Math.max(0, Math.round(balances[i] + HOLDINGS[i].scale * 100 * (HOLDINGS[i].drift + HOLDINGS[i].volatility * random.gaussian())));
      updated.add(i);
    }

    for (const i of sites) {
      const spec = HOLDINGS[i];
      if (updated.has(i) && balances[i] < spec.scale * 5) {
        // Busted below 5% of the usual balance: reload.
        deposit(i, Math.round(spec.scale * random.between(0.4, 0.7)) * 100, day, `Reload - ${spec.name}`);
      } else if (updated.has(i) && balances[i] > spec.scale * 150 && random.chance(0.1)) {
        // Well above the usual balance: cash part of it out (amounts with cents, as sites pay them).
        const cents = Math.round(balances[i] * random.between(0.25, 0.45));
        balances[i] -= cents;
        transfers.push({ type: 'WITHDRAWAL', amount: centsToString(cents), currency: spec.currency, occurredOn: dayKeyToDate(day), note: `Cashout - ${spec.name}` });
      }
    }
    if (index > 30 && sites.length > 0 && random.chance(0.035)) {
      // An occasional top-up for a bigger game or a promotion.
      const i = random.pick(sites);
      deposit(i, random.int(100, 600) * 100 + random.int(0, 1) * random.int(0, 99), day, `Top-up - ${HOLDINGS[i].name}`);
      updated.add(i);
    }

    for (const i of [...updated].sort((a, b) => a - b)) {
      holdings[i].snapshots.push({ amount: centsToString(balances[i]), currency: HOLDINGS[i].currency, recordedAt: timeOn(day, now, random) });
    }

    // Streaks, achievements and the first goal, as the app would have computed them that day.
    streak = nextStreak(streak, day);
    const dayDate = dayKeyToDate(day);
    const unlock = (code: AchievementCode) => {
      if (!unlocked.has(code)) unlocked.set(code, new Date(Math.min(dayDate.getTime() + 23 * HOUR_MS, now.getTime())));
    };
    if (streak.longest >= 3) unlock('STREAK_3');
    if (streak.longest >= 7) unlock('STREAK_7');
    if (streak.longest >= 30) unlock('STREAK_30');
    const usd = HOLDINGS.reduce((sum, spec, i) => sum.plus(toUsd(balances[i], spec.currency)), new Decimal(0));
    if (usd.greaterThanOrEqualTo(1000)) unlock('BANKROLL_1K');
    if (usd.greaterThanOrEqualTo(10000)) unlock('BANKROLL_10K');

    if (firstGoal === null && index >= firstGoalDay) {
      firstGoal = {
        type: 'BANKROLL',
        targetAmount: roundUpTo(toDisplay(balances, DISPLAY_CURRENCY).times(1.3), 500),
        currency: DISPLAY_CURRENCY,
        endDate: null,
        status: 'ACTIVE',
        createdAt: new Date(dayDate.getTime() + 20 * HOUR_MS),
        completedAt: null,
        archivedAt: null,
      };
    } else if (firstGoal !== null && firstGoal.status === 'ACTIVE' && toDisplay(balances, DISPLAY_CURRENCY).greaterThanOrEqualTo(firstGoal.targetAmount)) {
      firstGoal.status = 'COMPLETED';
      firstGoal.completedAt = new Date(dayDate.getTime() + 22 * HOUR_MS);
      unlock('GOAL_COMPLETED');
    }
  });

  const goals: DemoGoal[] = [];
  const goalRecord = firstGoal as DemoGoal | null;
  if (goalRecord) {
    if (goalRecord.status === 'ACTIVE') {
      // Never reached: archived to make room for the current goal.
      goalRecord.status = 'ARCHIVED';
      goalRecord.archivedAt = dayKeyToDate(addDays(today, -30));
    }
    goals.push(goalRecord);
  }
  // The current goal: a round target 25% above today's bankroll, due in 6 months.
  goals.push({
    type: 'BANKROLL',
    targetAmount: roundUpTo(toDisplay(balances, DISPLAY_CURRENCY).times(1.25), 1000),
    currency: DISPLAY_CURRENCY,
    endDate: dayKeyToDate(addDays(today, 182)),
    status: 'ACTIVE',
    createdAt: dayKeyToDate(addDays(today, -21)),
    completedAt: null,
    archivedAt: null,
  });

  const sessions = demoSessions(today, now, options.seed ?? 'stakeeasy-demo', (code, at) => {
    if (!unlocked.has(code)) unlocked.set(code, at);
  });

  return {
    displayCurrency: DISPLAY_CURRENCY,
    startedOn: dayKeyToDate(startDay),
    holdings,
    transfers,
    goals,
    streak: {
      current: streak.current,
      longest: streak.longest,
      lastActionOn: streak.lastActionOn === null ? null : dayKeyToDate(streak.lastActionOn),
    },
    achievements: ACHIEVEMENT_CODES.filter((code) => unlocked.has(code)).map((code) => ({ code, unlockedAt: unlocked.get(code)! })),
    sessions,
  };
}

const ONLINE_STAKES: readonly [number, number][] = [
  [0.25, 0.5],
  [0.5, 1],
  [1, 2],
];
const LIVE_VENUES = ['Hippodrome Casino', 'Home game'] as const;

/**
 * A year of sessions with a small edge: cash games online (with hands) and live (with tips),
 * and some tournaments. Its own random stream, so the balances above do not change with it;
 * the balances stay the bankroll's truth (these sessions added no snapshots).
 */
function demoSessions(today: DayKey, now: Date, seed: number | string, unlock: (code: AchievementCode, at: Date) => void): DemoSession[] {
  const random = createRandom(`${seed}-sessions`);
  const sites = HOLDINGS.filter((h) => h.kind === 'POKER_SITE' && h.startOffset < 30 && !h.name.includes('(live)'));
  const out: DemoSession[] = [];
  let minutes = 0;
  let wins = 0;
  for (const day of eachDay(addDays(monthsBefore(today, 12), 1), addDays(today, -1))) {
    if (!random.chance(0.45)) continue;
    const live = random.chance(0.3);
    const site = live ? null : random.pick(sites);
    const currency = site ? site.currency : 'GBP';
    const startedAt = new Date(dayKeyToDate(day).getTime() + random.int(11, 20) * HOUR_MS + random.int(0, 3) * 15 * 60_000);
    const length = random.int(live ? 180 : 60, live ? 420 : 300);
    const endedAt = new Date(startedAt.getTime() + length * 60_000);
    if (endedAt > now) continue;
    const breakMinutes = live ? random.int(0, 2) * 15 : 0;
    const tournament = random.chance(0.2);
    let session: DemoSession;
    if (tournament) {
      const buyIn = random.pick([10, 22, 50, 100]);
      const fee = Math.round(buyIn * 0.1);
      const reEntries = random.chance(0.25) ? 1 : 0;
      const fieldSize = random.int(80, 900);
      const cashed = random.chance(0.16);
      const place = cashed ? random.int(1, Math.floor(fieldSize * 0.15)) : random.int(Math.floor(fieldSize * 0.15) + 1, fieldSize);
      const cashOut = cashed ? Math.round(buyIn * (1 + reEntries) * (place <= 3 ? random.between(15, 40) : random.between(1.5, 5))) : 0;
      session = { kind: 'TOURNAMENT', game: random.chance(0.8) ? 'NLHE' : 'PLO', smallBlind: null, bigBlind: null, buyIn: buyIn.toFixed(2), fee: fee.toFixed(2), reEntries, rebuys: '0.00', cashOut: cashOut.toFixed(2), place, fieldSize, hands: null, expenses: '0.00', tags: ['MTT'] } as DemoSession;
    } else {
      const [sb, bb] = live ? [1, 2] : random.pick(ONLINE_STAKES);
      const buyInBb = 100;
      const rebuys = random.chance(0.2) ? buyInBb * bb : 0;
      // A winning player: about +5 bb/100 online, +8 bb per hour live, with real variance.
      const hands = live ? null : Math.round((length / 60) * random.int(60, 90));
      const meanBb = live ? (8 * length) / 60 : ((hands ?? 0) / 100) * 5;
      const sdBb = live ? 80 * Math.sqrt(length / 60) : 100 * Math.sqrt((hands ?? 0) / 100);
      const resultBb = meanBb + sdBb * random.gaussian();
      const cashOut = Math.max(0, Math.round((buyInBb * bb + rebuys + resultBb * bb) * 100) / 100);
      session = {
        kind: 'CASH',
        game: random.chance(0.75) ? 'NLHE' : 'PLO',
        smallBlind: sb.toFixed(2),
        bigBlind: bb.toFixed(2),
        buyIn: (buyInBb * bb).toFixed(2),
        fee: '0.00',
        reEntries: 0,
        rebuys: rebuys.toFixed(2),
        cashOut: cashOut.toFixed(2),
        place: null,
        fieldSize: null,
        hands,
        expenses: live ? random.int(5, 20).toFixed(2) : '0.00',
        tags: live ? ['live'] : [],
      } as DemoSession;
    }
    session = { ...session, site: site?.name ?? null, venue: live ? random.pick(LIVE_VENUES) : null, currency, startedAt, endedAt, breakMinutes };
    out.push(session);
    const result = new Decimal(session.cashOut).minus(new Decimal(session.buyIn).plus(session.fee).times(1 + session.reEntries)).minus(session.rebuys).minus(session.expenses);
    minutes += length - breakMinutes;
    if (result.greaterThan(0)) wins++;
    unlock('SESSION_1', endedAt);
    if (minutes >= 100 * 60) unlock('HOURS_100', endedAt);
    if (wins >= 10) unlock('WINS_10', endedAt);
  }
  return out;
}

/**
 * Stores demo data for `userId` in one transaction, unless the user already has holdings (then
 * nothing is written and false is returned). Also sets the user's streak and display currency.
 */
export async function writeDemoData(prisma: PrismaClient, userId: string, data: DemoData): Promise<boolean> {
  return prisma.$transaction(
    async (tx) => {
      if ((await tx.holding.count({ where: { userId } })) > 0) return false;

      for (const holding of data.holdings) {
        const created = await tx.holding.create({
          data: {
            userId,
            kind: holding.kind,
            name: holding.name,
            assetType: holding.assetType,
            currency: holding.currency,
            position: holding.position,
            createdAt: holding.createdAt,
          },
          select: { id: true },
        });
        if (holding.snapshots.length > 0) {
          await tx.balanceSnapshot.createMany({
            data: holding.snapshots.map((s) => ({ holdingId: created.id, amount: s.amount, currency: s.currency, recordedAt: s.recordedAt, createdAt: s.recordedAt })),
          });
        }
      }

      await tx.transfer.createMany({
        data: data.transfers.map((t) => ({ userId, ...t, createdAt: t.occurredOn })),
      });
      const sites = new Map((await tx.holding.findMany({ where: { userId, kind: 'POKER_SITE' }, select: { id: true, name: true } })).map((h) => [h.name, h.id]));
      const venues = await tx.liveVenue.createManyAndReturn({
        data: [...new Set(data.sessions.flatMap((x) => (x.venue ? [x.venue] : [])))].map((name) => ({ userId, name })),
        select: { id: true, name: true },
      });
      const venueId = new Map(venues.map((v) => [v.name, v.id]));
      await tx.playSession.createMany({
        data: data.sessions.map(({ site, venue, ...x }) => ({ userId, ...x, siteId: site ? (sites.get(site) ?? null) : null, venueId: venue ? (venueId.get(venue) ?? null) : null, createdAt: x.endedAt })),
      });
      await tx.goal.createMany({ data: data.goals.map((g) => ({ userId, ...g })) });
      await tx.userAchievement.createMany({
        data: data.achievements.map((a) => ({ userId, achievementCode: a.code, unlockedAt: a.unlockedAt })),
        skipDuplicates: true,
      });
      await tx.user.update({
        where: { id: userId },
        data: {
          displayCurrency: data.displayCurrency,
          streakCurrent: data.streak.current,
          streakLongest: data.streak.longest,
          lastActionOn: data.streak.lastActionOn,
          createdAt: data.startedOn,
        },
      });
      return true;
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}
