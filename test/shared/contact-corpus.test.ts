import { describe, expect, it } from 'vitest';
import { disallowedContactDetails } from '../../shared/rules/contact-details';
import { CORPUS, CORPUS_REGISTERED } from './contact-corpus';

const check = (text: string, author: 'jobseeker' | 'agency') =>
  disallowedContactDetails(text, author === 'agency' ? CORPUS_REGISTERED : null);

describe('the labelled corpus (R-MSG-4, R-FEED-2)', () => {
  it('R-MSG-4 R-FEED-2 holds at least 300 realistic sentences, about half with contact details or names', () => {
    const positives = CORPUS.filter((c) => c.contact).length;
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(positives / CORPUS.length).toBeGreaterThan(0.4);
    expect(positives / CORPUS.length).toBeLessThan(0.6);
    expect(new Set(CORPUS.map((c) => `${c.author}:${c.text}`)).size).toBe(CORPUS.length);
  });

  it('R-MSG-4 R-FEED-2 finds contact details with precision and recall of at least 0.98', () => {
    const misses: string[] = [];
    const falseAlarms: string[] = [];
    let truePositives = 0;
    for (const c of CORPUS) {
      const findings = check(c.text, c.author);
      if (c.contact && findings.length > 0) truePositives++;
      if (c.contact && findings.length === 0) misses.push(`${c.author}: ${c.text}`);
      if (!c.contact && findings.length > 0)
        falseAlarms.push(`${c.author}: ${c.text} → ${findings.map((f) => `${f.kind}「${f.text}」`).join(', ')}`);
    }
    const precision = truePositives / (truePositives + falseAlarms.length);
    const recall = truePositives / (truePositives + misses.length);
    console.log(
      `contact-detail corpus: ${CORPUS.length} cases, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        `${misses.length ? `\n  missed:\n    ${misses.join('\n    ')}` : ''}` +
        `${falseAlarms.length ? `\n  false alarms:\n    ${falseAlarms.join('\n    ')}` : ''}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });

  it('R-MSG-4 R-FEED-2 every finding points at the original text and findings do not overlap', () => {
    for (const c of CORPUS) {
      const findings = check(c.text, c.author);
      for (const [i, f] of findings.entries()) {
        expect(c.text.slice(f.start, f.end)).toBe(f.text);
        const next = findings[i + 1];
        if (next) expect(f.end).toBeLessThanOrEqual(next.start);
      }
    }
  });
});
