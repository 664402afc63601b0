import type { Metadata } from 'next';
import { NewHoldingPage } from '@/app/(app)/_holdings/new-page';

export const metadata: Metadata = { title: 'Add an asset' };

export default function Page() {
  return <NewHoldingPage kind="ASSET" />;
}
