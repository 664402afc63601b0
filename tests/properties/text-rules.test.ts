// The free-text rules shared by the forms and the import (lib/domain/text.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasControlChars, hasVisibleChar, isStorableText } from '@/lib/domain/text';
import { RUNS } from './support';

describe('text rules', () => {
  it('storable = no NUL and no lone surrogate; well-formed text without NUL always is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(isStorableText(text)).toBe(!text.includes('\u0000'));
        expect(isStorableText(`${text}\uD800`)).toBe(false);
        expect(isStorableText(`\uDFFF${text}`)).toBe(false);
      }),
      RUNS,
    );
    expect(isStorableText('🂡 👨‍👩‍👧 e\u0301')).toBe(true);
  });

  it('control characters are C0, DEL and C1 only (not format characters such as ZWJ)', () => {
    for (const c of ['\u0000', '\u0007', '\t', '\n', '\u007F', '\u0085', '\u009F']) expect(hasControlChars(`a${c}b`), JSON.stringify(c)).toBe(true);
    for (const c of ['\u200B', '\u200D', '\u202E', '\u00A0', 'é']) expect(hasControlChars(`a${c}b`), JSON.stringify(c)).toBe(false);
  });

  it('visible: any letter, digit, symbol or punctuation; never only spaces, format characters or marks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\u00A0', '\u3000', '\u200B', '\u200C', '\u200D', '\u2060', '\u202E', '\u0301', '\uFE0F'), { maxLength: 10 }), fc.constantFrom('a', 'Ж', '財', '7', '🂡', '%', '<', 'ب'), (invisible, visible) => {
        const blank = invisible.join('');
        expect(hasVisibleChar(blank)).toBe(false);
        expect(hasVisibleChar(blank + visible + blank)).toBe(true);
      }),
      RUNS,
    );
  });
});
