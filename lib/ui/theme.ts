// The colour theme a visitor chose. A plain, non-secret cookie (readable by the page's own script)
// so that cached public pages, which never read the request, can still apply it before first paint.

export const THEME_COOKIE = 'se_theme';
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
const ONE_YEAR_SECONDS = 365 * 86_400;

export function parseTheme(value: string | undefined | null): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

/** `document.cookie` assignment that stores the choice ("system" removes it). */
function themeCookie(theme: Theme): string {
  return theme === 'system'
    ? `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
    : `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}

/**
 * Runs while <head> is parsed, before anything is painted: an explicit choice sets data-theme on
 * <html>; without one the stylesheet follows prefers-color-scheme.
 */
export const THEME_SCRIPT = `(function(){try{var m=document.cookie.match(/(?:^|; )${THEME_COOKIE}=(light|dark)(?:;|$)/);if(m)document.documentElement.setAttribute('data-theme',m[1])}catch(e){}})()`;

/** In the browser: stores the choice and applies it to the page at once. */
export function applyTheme(theme: Theme): void {
  document.cookie = themeCookie(theme);
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}
