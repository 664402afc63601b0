import { isDayKey } from '@/lib/domain/days';
import type { Game, SessionKind } from '@/lib/sessions/rules';
import type { DateFormat, DecimalSeparator } from './fields';

// Cells as other trackers write them, turned into the strings the session form takes
// ("2026-03-14T19:30", "1234.50", "CASH"). Each returns null for a cell it cannot read, and the
// row mapper names the column and the line. Nothing here decides a limit: the session schema
// does, so an imported session passes the same rules as a typed one.

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i;

/** "19:30", "7:30 PM", "07:30:15" → "19:30" (seconds dropped, like the form). */
export function readTime(cell: string): string | null {
  const m = TIME.exec(cell.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const meridiem = m[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (h > 23 || min > 59 || (m[3] !== undefined && Number(m[3]) > 59)) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

const DAY_PATTERNS: Record<DateFormat, RegExp> = {
  'YYYY-MM-DD': /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  'DD/MM/YYYY': /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/,
  'MM/DD/YYYY': /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/,
};

/** A date in `format` → "YYYY-MM-DD", or null (31/02 too: it is no day). */
export function readDay(cell: string, format: DateFormat): string | null {
  const m = DAY_PATTERNS[format].exec(cell.trim());
  if (!m) return null;
  const [y, mo, d] = format === 'YYYY-MM-DD' ? [m[1], m[2], m[3]] : format === 'DD/MM/YYYY' ? [m[3], m[2], m[1]] : [m[3], m[1], m[2]];
  const key = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isDayKey(key) ? key : null;
}

/** A date with an optional time after a space or "T" → { day, time|null }, or null. */
export function readDateTime(cell: string, format: DateFormat): { day: string; time: string | null } | null {
  const text = cell.trim().replace(/Z$/, '');
  const split = /^(\S+?)(?:[T\s]+(.+))?$/.exec(text);
  if (!split) return null;
  const day = readDay(split[1], format);
  if (!day) return null;
  if (split[2] === undefined) return { day, time: null };
  const time = readTime(split[2]);
  return time ? { day, time } : null;
}

const CURRENCY_MARKS = /[$€£¥]|\b(?:USD|EUR|GBP|CAD|AUD|CHF|NZD|SEK|NOK|DKK|CNY|JPY)\b/gi;

/**
 * A money cell → a plain decimal string ("-1234.5"), sign kept, or null. Currency marks, spaces
 * and the thousands separator go; the decimal separator becomes ".". "(45)" is accounting for -45.
 */
export function readMoney(cell: string, decimal: DecimalSeparator): string | null {
  let text = cell.replace(CURRENCY_MARKS, '').replace(/[\s\u00a0']/g, '');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) [negative, text] = [true, paren[1]];
  if (/^[-\u2212]/.test(text)) [negative, text] = [!negative, text.slice(1)];
  else if (text.startsWith('+')) text = text.slice(1);
  const thousands = decimal === '.' ? ',' : '.';
  const grouped = new RegExp(`^\\d{1,3}(?:\\${thousands}\\d{3})+(?:\\${decimal}\\d+)?$`);
  const plain = new RegExp(`^\\d+(?:\\${decimal}\\d+)?$`);
  if (!grouped.test(text) && !plain.test(text)) return null;
  const normal = text.split(thousands).join('').replace(decimal, '.');
  return negative && !/^0+(?:\.0*)?$/.test(normal) ? `-${normal}` : normal;
}

/** "1/2", "$0.50/$1", "1/2/5" (a straddle: the first two) → the blinds, or null. */
export function readStakes(cell: string, decimal: DecimalSeparator): { small: string; big: string } | null {
  const parts = cell.replace(/\b(?:NL|PL|FL|NLH|PLO|NLHE)\b/gi, '').split('/').map((p) => p.trim());
  if (parts.length < 2) return null;
  const [small, big] = [readMoney(parts[0], decimal), readMoney(parts[1], decimal)];
  return small !== null && big !== null && !small.startsWith('-') && !big.startsWith('-') ? { small, big } : null;
}

const norm = (cell: string) => cell.toLowerCase().replace(/[^a-z0-9]+/g, '');

const KIND_WORDS: Record<string, SessionKind> = {
  cash: 'CASH',
  cashgame: 'CASH',
  ring: 'CASH',
  ringgame: 'CASH',
  live: 'CASH',
  tournament: 'TOURNAMENT',
  tourney: 'TOURNAMENT',
  tournaments: 'TOURNAMENT',
  mtt: 'TOURNAMENT',
  sng: 'TOURNAMENT',
  sitngo: 'TOURNAMENT',
  sitandgo: 'TOURNAMENT',
  sitgo: 'TOURNAMENT',
  spin: 'TOURNAMENT',
  spingo: 'TOURNAMENT',
};

/** "Cash game", "Ring", "MTT", "SNG" → the session kind, or null. */
export function readKind(cell: string): SessionKind | null {
  const word = norm(cell);
  return KIND_WORDS[word] ?? (/^(cash|ring)/.test(word) ? 'CASH' : /^(tourn|mtt|sng|sitn)/.test(word) ? 'TOURNAMENT' : null);
}

/**
 * A game name → one of ours. Names we have no game for (Razz, Stud, Badugi) are "Other"
 * rather than an error: the session is still real, only its game is coarser.
 */
export function readGame(cell: string): Game {
  const w = norm(cell);
  if (/^(plo5|5card|5cardplo|5cardomaha|fivecard|plo5card)/.test(w) || w.includes('5card')) return 'PLO5';
  if (/^(plo|potlimitomaha|omaha)/.test(w) || w.includes('omaha')) return 'PLO';
  if (/^(lhe|lh|flhe|limitholdem|limittexasholdem|fixedlimit)/.test(w)) return 'LHE';
  if (/^(nlhe|nlh|nl|holdem|nolimitholdem|nolimittexasholdem|texasholdem|nlholdem)/.test(w)) return 'NLHE';
  if (/^(mixed|horse|8game|mix|dealerschoice)/.test(w)) return 'MIXED';
  return 'OTHER';
}

/** A whole number cell ("1,200" hands) → digits, or null. */
export function readCount(cell: string): string | null {
  const text = cell.trim().replace(/[,\s\u00a0']/g, '');
  return /^\d{1,9}$/.test(text) ? String(Number(text)) : null;
}

/** A duration cell → minutes. Minutes: "240"; hours: "4", "4.5" or "4,5"; either: "4:30" or "4h 30m". */
export function readDuration(cell: string, unit: 'minutes' | 'hours'): number | null {
  const text = cell.trim().toLowerCase();
  const hm = /^(\d{1,3}):(\d{2})$/.exec(text) ?? /^(\d{1,3})\s*h(?:ours?|rs?)?\s*(?:(\d{1,2})\s*m(?:in(?:utes?)?)?)?$/.exec(text);
  if (hm) return Number(hm[1]) * 60 + Number(hm[2] ?? 0);
  const mins = /^(\d{1,5})\s*m(?:in(?:utes?|s)?)?$/.exec(text);
  if (mins) return Number(mins[1]);
  const n = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!n) return null;
  const value = Number(`${n[1]}.${n[2] ?? 0}`);
  return Math.round(unit === 'hours' ? value * 60 : value);
}
