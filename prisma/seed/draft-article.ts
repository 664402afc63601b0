/**
 * One unpublished article, so draft handling (hidden from the public index, visible to admins)
 * has something to show on a fresh database.
 */
export interface SeedDraftArticle {
  slug: string;
  title: string;
  summary: string;
  tags: string[];
  markdown: string;
}

export const DRAFT_ARTICLE: SeedDraftArticle = {
  slug: 'setting-bankroll-goals-you-will-actually-reach',
  title: 'Setting bankroll goals you will actually reach',
  summary:
    'Why "make $10,000 this year" rarely works, and how to set bankroll and profit goals that are measurable, in your control and sized to your variance.',
  tags: ['bankroll-management', 'mindset'],
  markdown: `Most poker goals are wishes with a number attached. "Win $10,000 this year" sounds concrete, but results over a few months are dominated by variance, so the goal ends up measuring luck more than effort. A good goal survives a downswing without becoming meaningless.

## Separate results goals from process goals

A **results goal** is a number: a bankroll of €5,000, a profit of $2,000. A **process goal** is behaviour you fully control: 40,000 hands a month, two hours of study a week, updating your balances after every session.

Keep at most one results goal active at a time and pair it with one or two process goals. When the results lag, the process goals tell you whether you are doing your part.

## Size the target to your variance

A useful rule: set a bankroll target you would reach with a modest win rate and *average* luck over the period, not your best month repeated.

| Target horizon | Reasonable bankroll growth |
|---|---|
| 1 month | 5-10 buy-ins |
| 3 months | 15-25 buy-ins |
| 6 months | 30-50 buy-ins |

If the target only works at your best-ever win rate, halve it.

## Give it an end date, then review

An end date turns a wish into a plan. When it arrives, review honestly:

1. Did you hit the process goals?
2. Was the shortfall (or surplus) within normal variance for the hands played?
3. What will you change for the next period?

Archiving a goal you missed is not failure; keeping an impossible goal open is.

> Draft: add a worked example with a risk-of-ruin calculation before publishing.
`,
};
