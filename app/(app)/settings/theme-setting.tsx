'use client';

import { useState } from 'react';
import { THEMES, applyTheme, type Theme } from '@/lib/ui/theme';

const LABELS: Record<Theme, string> = { system: 'Same as this device', light: 'Light', dark: 'Dark' };

/** Applies the choice at once and keeps it in a cookie, which the theme script reads on every page. */
export function ThemeSetting({ current }: { current: Theme }) {
  const [theme, setTheme] = useState(current);

  function choose(next: Theme) {
    setTheme(next);
    applyTheme(next);
  }

  return (
    <fieldset className="choice-group">
      <legend>Theme</legend>
      {THEMES.map((t) => (
        <label key={t} className="choice">
          <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => choose(t)} />
          {LABELS[t]}
        </label>
      ))}
    </fieldset>
  );
}
