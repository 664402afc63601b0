import { holdingTitle } from '@/app/(app)/_holdings/detail-page';
import { DeleteHoldingPage } from '@/app/(app)/_holdings/delete-holding-page';

export async function generateMetadata({ params }: PageProps<'/sites/[id]/delete'>) {
  return holdingTitle('POKER_SITE', (await params).id, ': delete');
}

export default async function Page({ params }: PageProps<'/sites/[id]/delete'>) {
  return <DeleteHoldingPage kind="POKER_SITE" id={(await params).id} />;
}
