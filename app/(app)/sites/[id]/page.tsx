import { HoldingDetailPage, holdingTitle } from '@/app/(app)/_holdings/detail-page';

export async function generateMetadata({ params }: PageProps<'/sites/[id]'>) {
  return holdingTitle('POKER_SITE', (await params).id);
}

export default async function Page({ params, searchParams }: PageProps<'/sites/[id]'>) {
  return <HoldingDetailPage kind="POKER_SITE" id={(await params).id} searchParams={await searchParams} />;
}
