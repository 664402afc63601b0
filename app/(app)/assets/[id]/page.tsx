import { HoldingDetailPage, holdingTitle } from '@/app/(app)/_holdings/detail-page';

export async function generateMetadata({ params }: PageProps<'/assets/[id]'>) {
  return holdingTitle('ASSET', (await params).id);
}

export default async function Page({ params, searchParams }: PageProps<'/assets/[id]'>) {
  return <HoldingDetailPage kind="ASSET" id={(await params).id} searchParams={await searchParams} />;
}
