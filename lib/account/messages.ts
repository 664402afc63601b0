import type { ImportSummary } from '@/lib/account/writes';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "Imported 2 sites and assets, 40 balance updates, ..." listing only what the file had. */
export function importSummaryMessage(s: ImportSummary): string {
  const parts = [
    s.holdings && plural(s.holdings, 'site or asset', 'sites and assets'),
    s.snapshots && plural(s.snapshots, 'balance update', 'balance updates'),
    s.transfers && plural(s.transfers, 'deposit or withdrawal', 'deposits and withdrawals'),
    s.goals && plural(s.goals, 'goal', 'goals'),
    s.achievements && plural(s.achievements, 'achievement', 'achievements'),
    s.articleReads && plural(s.articleReads, 'article read mark', 'article read marks'),
    s.sessions && plural(s.sessions, 'play session', 'play sessions'),
  ].filter((p): p is string => Boolean(p));
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'nothing (the file has no records)');
  const skipped = s.skippedReads ? ` ${plural(s.skippedReads, 'read mark was', 'read marks were')} skipped: the article does not exist here.` : '';
  return `Imported ${list}.${skipped}`;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
