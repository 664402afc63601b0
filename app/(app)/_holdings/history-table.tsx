import Link from 'next/link';
import type { SnapshotDto } from '@/lib/holdings/reads';
import { formatSnapshotTime, type ParsedHistoryFilter } from '@/lib/holdings/dates';
import { HOLDING_KINDS, holdingPath, type HoldingKind } from '@/lib/holdings/kinds';
import { formatSnapshotAmount } from './format';

interface Props {
  kind: HoldingKind;
  holdingId: string;
  name: string;
  snapshots: SnapshotDto[];
  /** All snapshots of the holding, not just the filtered ones: the only one cannot be deleted. */
  totalCount: number;
  filter: ParsedHistoryFilter['filter'];
}

function describe(filter: Props['filter']): string {
  if (filter.from && filter.to) return ` from ${filter.from} to ${filter.to}`;
  if (filter.from) return ` from ${filter.from}`;
  if (filter.to) return ` up to ${filter.to}`;
  return '';
}

export function HistoryTable({ kind, holdingId, name, snapshots, totalCount, filter }: Props) {
  const canDelete = totalCount > 1;
  return (
    <>
      <div className="table-wrap">
        <table data-testid="history">
          <caption className="muted">
            Balance snapshots of {name}
            {describe(filter)}, newest first. Times in UTC.
          </caption>
          <thead>
            <tr>
              <th scope="col">Date and time (UTC)</th>
              <th scope="col" className="num">Balance</th>
              <th scope="col" className="num">Actions</th>
            </tr>
          </thead>
          <tbody>
            {snapshots.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  No snapshots in this date range. Change or clear the filter.
                </td>
              </tr>
            )}
            {snapshots.map((s) => {
              const when = formatSnapshotTime(s.recordedAt);
              return (
                <tr key={s.id} data-testid="snapshot-row">
                  <th scope="row">{when}</th>
                  <td className="num">{formatSnapshotAmount(s)}</td>
                  <td className="num">
                    <span className="actions" style={{ justifyContent: 'flex-end' }}>
                      <Link href={holdingPath(kind, holdingId, 'snapshots', s.id, 'edit')} aria-label={`Edit snapshot of ${when}`}>
                        Edit
                      </Link>
                      {canDelete && (
                        <Link href={holdingPath(kind, holdingId, 'snapshots', s.id, 'delete')} aria-label={`Delete snapshot of ${when}`}>
                          Delete
                        </Link>
                      )}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!canDelete && (
        <p className="hint" data-testid="last-snapshot-note">
          This is the only snapshot, so it cannot be deleted: it is the current balance. To remove {name} from your bankroll, delete the{' '}
          {HOLDING_KINDS[kind].singular} below.
        </p>
      )}
    </>
  );
}
