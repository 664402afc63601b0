import { describe, expect, it } from 'vitest';
import { formatMegabytes, importSummaryMessage } from '@/lib/account/messages';

const none = { holdings: 0, snapshots: 0, transfers: 0, goals: 0, achievements: 0, articleReads: 0, skippedReads: 0, sessions: 0 };

describe('sessions in the summary', () => {
  it('names the imported play sessions', () => {
    expect(importSummaryMessage({ ...none, sessions: 3 })).toBe('Imported 3 play sessions.');
  });
});

describe('importSummaryMessage', () => {
  it('lists only what was imported', () => {
    expect(importSummaryMessage({ ...none, holdings: 2, snapshots: 1234, transfers: 1 })).toBe('Imported 2 sites and assets, 1,234 balance updates and 1 deposit or withdrawal.');
    expect(importSummaryMessage({ ...none, goals: 1 })).toBe('Imported 1 goal.');
    expect(importSummaryMessage(none)).toBe('Imported nothing (the file has no records).');
  });

  it('says how many read marks were skipped', () => {
    expect(importSummaryMessage({ ...none, articleReads: 1, skippedReads: 2 })).toBe('Imported 1 article read mark. 2 read marks were skipped: the article does not exist here.');
  });
});

describe('formatMegabytes', () => {
  it('uses decimal megabytes like the limit', () => {
    expect(formatMegabytes(2_000_000)).toBe('2.0 MB');
    expect(formatMegabytes(2_345_678)).toBe('2.3 MB');
  });
});
