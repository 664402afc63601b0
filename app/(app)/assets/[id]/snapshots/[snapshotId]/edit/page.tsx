import type { Metadata } from 'next';
import { EditSnapshotPage } from '@/app/(app)/_holdings/snapshot-pages';

export const metadata: Metadata = { title: 'Edit snapshot' };

export default async function Page({ params }: PageProps<'/assets/[id]/snapshots/[snapshotId]/edit'>) {
  const { id, snapshotId } = await params;
  return <EditSnapshotPage kind="ASSET" id={id} snapshotId={snapshotId} />;
}
