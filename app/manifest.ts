import type { MetadataRoute } from 'next';
import { BRAND_GREEN } from './ui/app-icon';

// Added to a phone's home screen, StakeEasy opens on the dashboard like an app.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'StakeEasy: poker bankroll tracker',
    short_name: 'StakeEasy',
    description: 'Track your poker bankroll across sites and currencies.',
    start_url: '/dashboard',
    scope: '/',
    display: 'standalone',
    theme_color: BRAND_GREEN,
    background_color: '#f6f7f5',
    icons: [
      { src: '/icon/192', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icon/512', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icon/512', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
