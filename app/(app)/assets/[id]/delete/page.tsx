import { holdingTitle } from '@/app/(app)/_holdings/detail-page';
import { DeleteHoldingPage } from '@/app/(app)/_holdings/delete-holding-page';

export async function generateMetadata({ params }: PageProps<'/assets/[id]/delete'>) {
  return holdingTitle('ASSET', (await params).id, ': delete');
}

export default async function Page({ params }: PageProps<'/assets/[id]/delete'>) {
  return <DeleteHoldingPage kind="ASSET" id={(await params).id} />;
}
