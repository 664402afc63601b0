import { ImageResponse } from 'next/og';

// The app icon, drawn (not a committed binary) so every size comes from one source. Shapes only:
// a poker chip on the brand green, readable from 16 px up and inside the maskable safe zone.
export const BRAND_GREEN = '#0f5132';
export const ICON_SIZES = [32, 192, 512] as const;

export function appIcon(size: number): ImageResponse {
  const chip = Math.round(size * 0.62);
  const ring = Math.max(2, Math.round(size * 0.07));
  const inner = Math.round(chip * 0.5);
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: BRAND_GREEN }}>
        <div
          style={{
            width: chip,
            height: chip,
            borderRadius: '50%',
            border: `${ring}px dashed #ffffff`,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
          }}
        >
          <div style={{ width: inner, height: inner, borderRadius: '50%', background: '#ffffff' }} />
        </div>
      </div>
    ),
    { width: size, height: size },
  );
}
