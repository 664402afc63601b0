import { holdingTitle } from '@/app/(app)/holdings/detail-page';
import { DeleteHoldingPage } from '@/app/(app)/holdings/delete-holding-page';

export async function generateMetadata({ params }: PageProps<'/sites/[id]/delete'>) {
  return holdingTitle('POKER_SITE', (await params).id, ': delete');
}

export default async function Page({ params }: PageProps<'/sites/[id]/delete'>) {
  return <DeleteHoldingPage kind="POKER_SITE" id={(await params).id} />;
}
