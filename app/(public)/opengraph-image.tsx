import { SHARE_IMAGE_SIZE, SITE_IMAGE_ALT, shareCard } from './share-card';

// The site's share image for the home page and every public page without its own. No data:
// drawn once at build time.
export const alt = SITE_IMAGE_ALT;
export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';

export default function SiteShareImage() {
  return shareCard({ title: 'Know your bankroll. Play the right stakes.' });
}
