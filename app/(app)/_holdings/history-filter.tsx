import { DateRangeFields, FilterForm } from '@/app/ui/filter-form';
import type { ParsedHistoryFilter } from '@/lib/holdings/dates';

const LABELS = { from: 'From (UTC day)', to: 'To (UTC day)' };

/** The balance history's ?from=&to= filter. */
export function HistoryFilter({ path, parsed }: { path: string; parsed: ParsedHistoryFilter }) {
  return (
    <FilterForm path={path} label="Filter the history by date" active={Boolean(parsed.values.from || parsed.values.to)} className="form-inline">
      <DateRangeFields values={parsed.values} errors={parsed.errors} labels={LABELS} />
    </FilterForm>
  );
}
