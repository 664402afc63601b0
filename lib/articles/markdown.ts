/**
 * Article Markdown -> safe HTML. Articles are rendered once, when written, and the sanitized
 * HTML is stored; pages insert it as-is. Everything that could run code (script/style/iframe,
 * on* handlers, javascript:/data:/vbscript: URLs, forms, SVG/MathML) is removed here.
 */
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { slugify } from '@/lib/articles/slug';

const EXTERNAL_REL = 'noopener noreferrer nofollow';
const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A fresh parser per document, so heading ids are unique within it (repeats get -2, -3...). */
function createParser(): Marked {
  const used = new Map<string, number>();
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    renderer: {
      heading({ tokens, depth }: Tokens.Heading): string {
        const inner = this.parser.parseInline(tokens);
        const plain = decodeEntities(this.parser.parseInline(tokens, this.parser.textRenderer));
        const base = slugify(plain) || 'section';
        const seen = used.get(base) ?? 0;
        used.set(base, seen + 1);
        const id = seen === 0 ? base : `${base}-${seen + 1}`;
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
      // Task lists: a glyph instead of an <input>, which the sanitizer would drop.
      checkbox({ checked }: Tokens.Checkbox): string {
        return checked ? '☑ ' : '☐ ';
      },
    },
  });
  return marked;
}

function isExternalUrl(url: string): boolean {
  return /^\s*(?:https?:)?\/\//i.test(url);
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(url.trim());
}

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...HEADING_TAGS,
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    's',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    code: ['class'],
    ...Object.fromEntries(HEADING_TAGS.map((tag) => [tag, ['id']])),
  },
  allowedClasses: { code: [/^language-[a-z0-9_+#-]{1,30}$/i] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Drop these with their content, not just the tags.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'iframe', 'object', 'xmp', 'noembed', 'noframes', 'select'],
  transformTags: {
    a: (tagName, attribs) => {
      const next: sanitizeHtml.Attributes = { ...attribs };
      delete next.rel;
      if (next.href !== undefined && isExternalUrl(next.href)) next.rel = EXTERNAL_REL;
      return { tagName, attribs: next };
    },
    // Images: absolute http(s) sources only (no relative, data: or protocol-relative URLs).
    img: (tagName, attribs) => {
      const next: sanitizeHtml.Attributes = { ...attribs };
      if (next.src === undefined || !isHttpUrl(next.src)) delete next.src;
      return { tagName, attribs: next };
    },
    ...Object.fromEntries(
      HEADING_TAGS.map((tag) => [
        tag,
        (tagName: string, attribs: sanitizeHtml.Attributes) => {
          const next: sanitizeHtml.Attributes = { ...attribs };
          // Only slug-like ids: no DOM clobbering names such as "__proto__" or "location".
          if (next.id !== undefined && !ID_PATTERN.test(next.id)) delete next.id;
          return { tagName, attribs: next };
        },
      ]),
    ),
  },
  // An image left without a source is useless; drop it.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

const STRIP_ALL: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  nonTextTags: SANITIZE_OPTIONS.nonTextTags,
};

/** Markdown (GitHub flavoured) to sanitized HTML. Headings carry stable, slugged ids. */
export function renderMarkdown(markdown: string): string {
  const raw = createParser().parse(markdown, { async: false });
  return sanitizeHtml(raw, SANITIZE_OPTIONS).trim();
}

/** Sanitizes HTML from any source with the same rules as rendered articles. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/**
 * The visible text of a Markdown document, whitespace collapsed, for search excerpts and meta
 * descriptions. Not HTML: escape it when inserting into markup. With `maxLength`, cut at a word
 * boundary and end with an ellipsis.
 */
export function markdownToPlainText(markdown: string, maxLength?: number): string {
  const html = new Marked({ gfm: true, async: false }).parse(markdown, { async: false });
  // Keep block and cell boundaries as spaces so words of adjacent blocks do not merge.
  const spaced = html.replace(/<\/?(?:p|h[1-6]|li|ul|ol|blockquote|pre|tr|td|th|table|br|hr)\b[^>]*>/gi, ' ');
  const text = decodeEntities(sanitizeHtml(spaced, STRIP_ALL)).replace(/\s+/g, ' ').trim();
  if (maxLength === undefined || text.length <= maxLength) return text;
  const limit = Math.max(1, maxLength - 1);
  const cut = text.slice(0, limit + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = (lastSpace > limit / 2 ? cut.slice(0, lastSpace) : text.slice(0, limit)).replace(/[\s.,;:!?-]+$/, '');
  return `${head}…`;
}
