/** Average adult silent reading speed used for the "N min read" label. */
export const WORDS_PER_MINUTE = 220;

// A word: letters/digits, optionally joined by apostrophes or hyphens ("don't", "6-max").
const WORD = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu;

/**
 * Words a reader sees in Markdown or plain text. Markdown syntax is not counted: link and image
 * targets, HTML tags and front matter are removed first; `#`, `*`, `|` and the like never match.
 */
export function countWords(markdownOrText: string): number {
  const visible = markdownOrText
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '') // front matter
    .replace(/\]\([^)]*\)/g, ']') // [text](url "title") -> [text]
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, '') // reference link definitions
    .replace(/<[^>\n]+>/g, ' '); // inline HTML tags and autolinks
  return visible.match(WORD)?.length ?? 0;
}

/** ceil(words / 220), at least 1 minute. */
export function readingTimeMinutes(markdownOrText: string): number {
  return Math.max(1, Math.ceil(countWords(markdownOrText) / WORDS_PER_MINUTE));
}
