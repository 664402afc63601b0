import { SITE_IMAGE_PATH } from '@/lib/articles/urls';

// What pages say about the share images, apart from drawing them (share-card.tsx pulls in
// next/og, which page metadata does not need).

/** The size every share image is drawn at (Open Graph and Twitter's large card: 1.91:1). */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export const SITE_IMAGE_ALT = 'StakeEasy: know your bankroll, play the right stakes';

/**
 * The site image as metadata. A page whose metadata states `openGraph` does not inherit the
 * image file of a parent segment, so the listings name it themselves.
 */
export const SITE_IMAGE = { url: SITE_IMAGE_PATH, ...SHARE_IMAGE_SIZE, type: 'image/png', alt: SITE_IMAGE_ALT };

