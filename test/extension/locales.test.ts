/**
 * UI strings: Japanese first with English, generated into `_locales` from one source, and the
 * extension's build keeps the holiday table out (no extension code calls a rule that reads it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessages, messagesFile } from '../../extension/locales/generate';
import { MESSAGES } from '../../extension/locales/messages';

const root = join(process.cwd(), 'extension');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (['node_modules', '.output', '.wxt', 'public', 'locales'].includes(name)) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('the _locales files are generated from locales/messages.ts and are current', () => {
    for (const locale of ['ja', 'en'] as const) {
      expect(
        readFileSync(join(root, 'public', '_locales', locale, 'messages.json'), 'utf8'),
        `run: npx tsx extension/locales/generate.ts`,
      ).toBe(messagesFile(locale));
    }
  });

  it('Japanese and English have the same keys and the same placeholders', () => {
    const ja = buildMessages('ja');
    const en = buildMessages('en');
    expect(Object.keys(en)).toEqual(Object.keys(ja));
    for (const key of Object.keys(ja)) {
      expect(Object.keys(en[key]?.placeholders ?? {}).sort(), key).toEqual(Object.keys(ja[key]?.placeholders ?? {}).sort());
    }
  });

  it('every t() key the code uses exists, and the Japanese is Japanese', () => {
    const used = new Set(
      sources(root).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9]+)'/g)].map((m) => m[1]!)),
    );
    for (const key of used) expect(MESSAGES, key).toHaveProperty(key);
    for (const [key, entry] of Object.entries(MESSAGES)) expect(entry.ja, key).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('the UI never renders message text as HTML', () => {
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/);
    }
  });

  it('no extension code calls a rule that reads the holiday table (the build leaves it out)', () => {
    const holidayReaders = ['applicationDeadline', 'reportGraceLastDay', 'isAdministrativeHoliday', 'workingDayOnOrBefore'];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const name of holidayReaders) expect(text, `${file} uses ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  });
});
