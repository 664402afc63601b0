import Link from 'next/link';
import { GAMES, GAME_LABELS, type SessionFilter } from '@/lib/sessions/rules';

interface Props {
  action: string;
  filter: SessionFilter;
  venues: { value: string; label: string }[];
  stakes: string[];
  tags: string[];
  filtered: boolean;
}

/** The GET filter shared by the list and the statistics. */
export function SessionFilterForm({ action, filter, venues, stakes, tags, filtered }: Props) {
  return (
    <form method="get" action={action} className="form-inline card" aria-label="Filter sessions" style={{ margin: '1rem 0' }}>
      <div className="field">
        <label htmlFor="filter-from">From</label>
        <input id="filter-from" name="from" type="date" defaultValue={filter.from ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">To</label>
        <input id="filter-to" name="to" type="date" defaultValue={filter.to ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="filter-kind">Type</label>
        <select id="filter-kind" name="kind" defaultValue={filter.kind ?? ''}>
          <option value="">All</option>
          <option value="CASH">Cash games</option>
          <option value="TOURNAMENT">Tournaments</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-game">Game</label>
        <select id="filter-game" name="game" defaultValue={filter.game ?? ''}>
          <option value="">All</option>
          {GAMES.map((g) => (
            <option key={g} value={g}>
              {GAME_LABELS[g]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-stakes">Stakes</label>
        <select id="filter-stakes" name="stakes" defaultValue={filter.stakes ?? ''}>
          <option value="">All</option>
          {stakes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-venue">Where</label>
        <select id="filter-venue" name="venue" defaultValue={filter.venue ?? ''}>
          <option value="">All</option>
          {venues.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-tag">Tag</label>
        <select id="filter-tag" name="tag" defaultValue={filter.tag ?? ''}>
          <option value="">All</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn">
        Filter
      </button>
      {filtered && (
        <Link href={action} className="btn">
          Clear filter
        </Link>
      )}
    </form>
  );
}
