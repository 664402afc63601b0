import type { Metadata } from 'next';
import { DeleteSnapshotPage } from '@/app/(app)/_holdings/snapshot-pages';

export const metadata: Metadata = { title: 'Delete snapshot' };

export default async function Page({ params }: PageProps<'/sites/[id]/snapshots/[snapshotId]/delete'>) {
  const { id, snapshotId } = await params;
  return <DeleteSnapshotPage kind="POKER_SITE" id={id} snapshotId={snapshotId} />;
}
