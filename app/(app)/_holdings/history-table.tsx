import Link from 'next/link';
import type { HistorySnapshotDto } from '@/lib/holdings/reads';
import { formatSnapshotTime, type ParsedHistoryFilter } from '@/lib/holdings/dates';
import { HOLDING_KINDS, holdingPath, type HoldingKind } from '@/lib/holdings/kinds';
import { DataTable } from '@/app/ui/data-table';
import { formatSnapshotAmount } from './format';

interface Props {
  kind: HoldingKind;
  holdingId: string;
  name: string;
  snapshots: HistorySnapshotDto[];
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
      <DataTable
        testId="history"
        rowTestId="snapshot-row"
        caption={
          <>
            Balance snapshots of {name}
            {describe(filter)}, newest first. Times in UTC.
          </>
        }
        rows={snapshots}
        rowKey={(s) => s.id}
        empty="No snapshots in this date range. Change or clear the filter."
        columns={[
          { header: 'Date and time (UTC)', rowHeader: true, cell: (s) => formatSnapshotTime(s.recordedAt) },
          { header: 'Balance', num: true, cell: (s) => formatSnapshotAmount(s) },
          {
            // A snapshot written by ending a play session says so, and links to it.
            header: 'Source',
            cell: (s) =>
              s.sessionId ? (
                <Link href={`/sessions/${encodeURIComponent(s.sessionId)}`} data-testid="snapshot-session">
                  Play session result
                </Link>
              ) : (
                'Balance update'
              ),
          },
          {
            header: 'Actions',
            num: true,
            cell: (s) => {
              const when = formatSnapshotTime(s.recordedAt);
              return (
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
              );
            },
          },
        ]}
      />
      {!canDelete && (
        <p className="hint" data-testid="last-snapshot-note">
          This is the only snapshot, so it cannot be deleted: it is the current balance. To remove {name} from your bankroll, delete the{' '}
          {HOLDING_KINDS[kind].singular} below.
        </p>
      )}
    </>
  );
}
