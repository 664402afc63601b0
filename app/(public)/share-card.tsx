import { ImageResponse } from 'next/og';
import { ORGANIZATION_NAME } from '@/lib/articles/json-ld';
import { SHARE_IMAGE_SIZE } from './share-image-meta';

export { SHARE_IMAGE_SIZE, SITE_IMAGE_ALT } from './share-image-meta';

/**
 * Emoji are drawn by ImageResponse from images it downloads at render time, and a failed
 * download fails the whole image: titles are editor input, so emoji are left out. (Letters the
 * bundled font lacks only log a failed font download and are drawn as boxes.)
 */
function drawable(text: string): string {
  return text.replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '').replace(/\s+/g, ' ').trim();
}

/**
 * A share card: site name, an optional tag label, the title, on the site's green. Drawn with
 * Next's ImageResponse (Satori + resvg) and its bundled font, so nothing is fetched.
 */
export function shareCard(input: { title: string; label?: string }): ImageResponse {
  const title = drawable(input.title);
  const label = input.label === undefined ? undefined : drawable(input.label);
  const size = title.length > 90 ? 52 : title.length > 50 ? 64 : 76;
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '64px 72px',
          background: 'linear-gradient(135deg, #0f5132 0%, #146c43 100%)',
          color: '#ffffff',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', fontSize: 34, letterSpacing: 1 }}>
          {label ? (
            <span style={{ display: 'flex', padding: '8px 22px', borderRadius: 999, background: 'rgba(255,255,255,0.16)' }}>{label}</span>
          ) : (
            <span style={{ display: 'flex' }}>Poker bankroll tracker</span>
          )}
        </div>
        <div style={{ display: 'flex', fontSize: size, lineHeight: 1.15, maxHeight: 380, overflow: 'hidden' }}>{title}</div>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 36 }}>
          <span style={{ display: 'flex', fontSize: 44 }}>{ORGANIZATION_NAME}</span>
          <span style={{ display: 'flex', opacity: 0.8 }}>Strategy articles</span>
        </div>
      </div>
    ),
    SHARE_IMAGE_SIZE,
  );
}
