import type { Metadata } from 'next';
import { HoldingListPage } from '@/app/(app)/_holdings/list-page';

export const metadata: Metadata = { title: 'Assets' };

export default function Page() {
  return <HoldingListPage kind="ASSET" />;
}
