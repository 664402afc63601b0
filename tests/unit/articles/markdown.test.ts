import { describe, expect, it } from 'vitest';
import { markdownToPlainText, renderMarkdown, sanitizeArticleHtml } from '@/lib/articles/markdown';

/** Rendered output must not be able to run code, whatever the input. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\son\w+\s*=/i);
  expect(html).not.toMatch(/javascript:/i);
  expect(html).not.toMatch(/vbscript:/i);
  expect(html).not.toMatch(/(?:href|src|action|formaction|data|xlink:href)\s*=\s*["']?\s*data:/i);
  expect(html).not.toMatch(/<(?:iframe|style|svg|math|form|object|embed|base|meta|link|input|button|details|textarea)\b/i);
}

const XSS_PAYLOADS: Array<[string, string]> = [
  ['script tag', '<script>alert(1)</script>'],
  ['script tag inside a paragraph', 'Hello <script src="https://evil.example/x.js"></script> world'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['markdown link to javascript:', '[click](javascript:alert(1))'],
  ['mixed-case JaVaScRiPt: href', '<a href="JaVaScRiPt:alert(1)">click</a>'],
  ['svg onload', '<svg onload=alert(1)><circle r="1"/></svg>'],
  ['iframe', '<iframe src="https://evil.example" onload="alert(1)"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['markdown link to data: URL', '[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['html link to data: URL', '<a href="data:text/html,<script>alert(1)</script>">d</a>'],
  ['style tag', '<style>body { background: url("javascript:alert(1)") }</style>'],
  ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
  ['decimal entity-encoded javascript:', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
  ['hex entity-encoded javascript:', '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>'],
  ['entity-encoded javascript: in markdown link', '[x](&#106;avascript:alert(1))'],
  ['tab inside the scheme', '<a href="java\tscript:alert(1)">x</a>'],
  ['leading whitespace before the scheme', '<a href="   javascript:alert(1)">x</a>'],
  ['markdown image with javascript:', '![alt](javascript:alert(1))'],
  ['markdown image with data: URL', '![alt](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['angle-bracket markdown link target', '[x](<javascript:alert(1)>)'],
  ['reference-style link to javascript:', '[ref][a]\n\n[a]: javascript:alert(1)'],
  ['vbscript: link', '[x](vbscript:msgbox(1))'],
  ['math/mglyph mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['form with javascript: action', '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>'],
  ['input autofocus onfocus', '<input autofocus onfocus=alert(1)>'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>x</summary></details>'],
  ['object and embed', '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">'],
  ['base href', '<base href="javascript:/">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['event handler on an allowed tag', '<h2 onclick="alert(1)">Title</h2><p onmouseover="alert(1)">x</p>'],
  ['svg use xlink:href', '<svg><use xlink:href="data:image/svg+xml;base64,PHN2Zz4="/></svg>'],
  ['onclick on an otherwise allowed link', '<a href="https://ok.example" onclick="alert(1)" title="t">y</a>'],
  ['uppercase handler and spaces', '<P ONMOUSEOVER = "alert(1)">x</P>'],
  ['html comment breakout', '<!--><img src=x onerror=alert(1)>-->'],
  ['textarea breakout', '<textarea><img src=x onerror=alert(1)></textarea>'],
];

describe('renderMarkdown: XSS payloads are rendered inert', () => {
  it.each(XSS_PAYLOADS)('%s', (_name, payload) => {
    expectInert(renderMarkdown(payload));
  });

  it('leaves malformed tags as escaped text, with no live attributes', () => {
    const html = renderMarkdown('<a href="https://ok.example" onclick="alert(1)"x>y</a>');
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i); // no handler inside any tag
    expect(html).toContain('&lt;a href=');
  });

  it('keeps the text of a link whose URL was removed', () => {
    expect(renderMarkdown('[click me](javascript:alert(1))')).toContain('click me');
  });

  it('removes ids that are not slug-like (DOM clobbering)', () => {
    const html = renderMarkdown('<h2 id="__proto__">x</h2><h3 id="location">y</h3>');
    expect(html).not.toContain('__proto__');
    expect(html).toContain('<h3 id="location">');
  });

  it('sanitizeArticleHtml applies the same rules to raw HTML', () => {
    expectInert(sanitizeArticleHtml('<p onclick="x">a</p><script>alert(1)</script><a href="javascript:x">b</a>'));
  });
});

describe('renderMarkdown: positive rendering', () => {
  it('renders GFM tables with alignment', () => {
    const html = renderMarkdown('| Stake | Buy-ins |\n|:--|--:|\n| NL10 | 30 |');
    expect(html).toContain('<table>');
    expect(html).toContain('<th align="left">Stake</th>');
    expect(html).toContain('<td align="right">30</td>');
  });

  it('renders fenced code blocks with a language class and escaped content', () => {
    const html = renderMarkdown('```ts\nconst ok = 1 < 2 && "<script>";\n```');
    expect(html).toContain('<pre><code class="language-ts">');
    expect(html).toContain('1 &lt; 2 &amp;&amp;');
    expect(html).not.toMatch(/<script/i);
  });

  it('gives headings stable slug ids, unique within the document', () => {
    const md = '# Risk of Ruin\n\n## Why *variance* matters & how\n\n## Why variance matters & how\n\n### Café au lait';
    const html = renderMarkdown(md);
    expect(html).toContain('<h1 id="risk-of-ruin">Risk of Ruin</h1>');
    expect(html).toContain('<h2 id="why-variance-matters-how">Why <em>variance</em> matters &amp; how</h2>');
    expect(html).toContain('<h2 id="why-variance-matters-how-2">');
    expect(html).toContain('<h3 id="cafe-au-lait">');
    expect(renderMarkdown(md)).toBe(html); // same input, same ids
  });

  it('uses "section" for a heading with no sluggable text', () => {
    expect(renderMarkdown('## ♠♥')).toContain('<h2 id="section">');
  });

  it('adds rel="noopener noreferrer nofollow" to external links only', () => {
    const html = renderMarkdown('[a](https://example.com/x "Title") [b](/articles/y) [c](#top) [d](mailto:hi@example.com)');
    expect(html).toContain('<a href="https://example.com/x" title="Title" rel="noopener noreferrer nofollow">a</a>');
    expect(html).toContain('<a href="/articles/y">b</a>');
    expect(html).toContain('<a href="#top">c</a>');
    expect(html).toContain('<a href="mailto:hi@example.com">d</a>');
  });

  it('overrides an author-supplied rel on external links', () => {
    const html = renderMarkdown('<a href="http://example.com" rel="opener">x</a>');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).not.toContain('rel="opener"');
  });

  it('keeps http(s) images and drops relative, protocol-relative and data: sources', () => {
    const html = renderMarkdown('![chart](https://img.example/c.png "Chart") ![r](/local.png) ![p](//evil.example/x.png)');
    expect(html).toContain('<img src="https://img.example/c.png" alt="chart" title="Chart" />');
    expect(html).not.toContain('local.png');
    expect(html).not.toContain('evil.example');
  });

  it('renders emphasis, strikethrough, quotes, lists, rules and line breaks', () => {
    const html = renderMarkdown('**bold** *em* ~~gone~~\n\n> quote\n\n1. one\n2. two\n\n- a\n- b\n\n---\n\nline<br>next');
    for (const fragment of ['<strong>bold</strong>', '<em>em</em>', '<del>gone</del>', '<blockquote>', '<ol>', '<ul>', '<li>one</li>', '<hr />', '<br />']) {
      expect(html).toContain(fragment);
    }
  });

  it('renders task lists without form inputs', () => {
    const html = renderMarkdown('- [x] done\n- [ ] todo');
    expect(html).toContain('☑ done');
    expect(html).toContain('☐ todo');
    expect(html).not.toContain('<input');
  });
});

describe('markdownToPlainText', () => {
  it('strips markup, keeps words of adjacent blocks apart and decodes entities', () => {
    const text = markdownToPlainText('# Title\n\nSome **bold** & [linked](https://x.example) text.\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(text).toBe('Title Some bold & linked text. a b 1 2');
  });

  it('drops scripts and raw HTML tags', () => {
    expect(markdownToPlainText('Hi <script>alert(1)</script><b>there</b>')).toBe('Hi there');
  });

  it('truncates at a word boundary with an ellipsis', () => {
    const text = markdownToPlainText('Bankroll management keeps you in the game through downswings.', 30);
    expect(text.length).toBeLessThanOrEqual(30);
    expect(text).toBe('Bankroll management keeps you…');
  });

  it('returns short text unchanged', () => {
    expect(markdownToPlainText('Short.', 100)).toBe('Short.');
  });
});
