import type { Metadata } from 'next';
import { DeleteSnapshotPage } from '@/app/(app)/_holdings/snapshot-pages';

export const metadata: Metadata = { title: 'Delete snapshot' };

export default async function Page({ params }: PageProps<'/assets/[id]/snapshots/[snapshotId]/delete'>) {
  const { id, snapshotId } = await params;
  return <DeleteSnapshotPage kind="ASSET" id={id} snapshotId={snapshotId} />;
}
