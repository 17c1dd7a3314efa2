import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { priceTableMarkdown, pricesFor, regionsWithPrices } from '../../src/pricing';

const doc = readFileSync(fileURLToPath(new URL('../../docs/pricing.md', import.meta.url)), 'utf8');

describe('docs/pricing.md', () => {
  it('embeds the generated table of every price, unit, source, date and confidence', () => {
    const begin = '<!-- prices:begin -->\n';
    const end = '<!-- prices:end -->';
    const embedded = doc.slice(doc.indexOf(begin) + begin.length, doc.indexOf(end));
    const generated = regionsWithPrices()
      .map((r) => priceTableMarkdown(pricesFor(r)))
      .join('\n');
    expect(doc.indexOf(begin)).toBeGreaterThan(0);
    expect(embedded).toBe(generated);
  });
});
