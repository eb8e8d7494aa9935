import { describe, expect, it } from 'vitest';
import { blockText } from '@/lib/core/text';

const body = (html: string) => {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
};

describe('blockText', () => {
  it('keeps paragraphs, list items and line breaks as a person reads them', () => {
    expect(blockText(body('<p>Link down.</p><p>Circuit ID: <b>NWF-1</b></p>'))).toBe('Link down.\n\nCircuit ID: NWF-1');
    expect(blockText(body('Line one<br>line two'))).toBe('Line one\nline two');
    expect(blockText(body('<ul><li>one</li><li>two</li></ul>'))).toBe('one\n\ntwo');
  });

  it("collapses the markup's own indentation and leaves scripts out", () => {
    expect(blockText(body('\n    <div>\n      Hello   there\n    </div>\n'))).toBe('Hello there');
    expect(blockText(body('<p>a</p><script>alert(1)</script><style>p{}</style>'))).toBe('a');
    expect(blockText(body('   '))).toBeNull();
    expect(blockText(body('<pre>a  b\n  c</pre>'))).toBe('a  b\n  c');
    expect(blockText(body('<p>a\u00a0\u00a0b</p>'))).toBe('a\u00a0\u00a0b'); // NBSP is text, not layout
    expect(blockText(null)).toBeNull();
  });

  it('returns text, never markup: escaped tags stay literal text', () => {
    expect(blockText(body('<p>&lt;img src=x onerror=alert(1)&gt;</p>'))).toBe('<img src=x onerror=alert(1)>');
  });
});
