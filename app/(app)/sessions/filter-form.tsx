import { DateRangeFields, FilterForm, FilterSelect, plainOptions } from '@/app/ui/filter-form';
import { GAMES, GAME_LABELS, type SessionFilter } from '@/lib/sessions/rules';

interface Props {
  action: string;
  filter: SessionFilter;
  venues: { value: string; label: string }[];
  stakes: string[];
  tags: string[];
  filtered: boolean;
  /** Other choices of the page kept through filtering (the chart's axis), as hidden fields. */
  keep?: Record<string, string>;
}

const KINDS = [
  { value: 'CASH', label: 'Cash games' },
  { value: 'TOURNAMENT', label: 'Tournaments' },
];
const GAME_OPTIONS = GAMES.map((g) => ({ value: g, label: GAME_LABELS[g] }));

/** The GET filter shared by the list and the statistics. */
export function SessionFilterForm({ action, filter, venues, stakes, tags, filtered, keep = {} }: Props) {
  return (
    <FilterForm path={action} label="Filter sessions" active={filtered}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <DateRangeFields values={filter} />
      <FilterSelect name="kind" label="Type" value={filter.kind} options={KINDS} />
      <FilterSelect name="game" label="Game" value={filter.game} options={GAME_OPTIONS} />
      <FilterSelect name="stakes" label="Stakes" value={filter.stakes} options={plainOptions(stakes)} />
      <FilterSelect name="venue" label="Where" value={filter.venue} options={venues} />
      <FilterSelect name="tag" label="Tag" value={filter.tag} options={plainOptions(tags)} />
    </FilterForm>
  );
}
