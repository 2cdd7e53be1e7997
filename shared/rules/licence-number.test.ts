import { describe, expect, it } from 'vitest';
import { licenceKey } from './licence-number';

describe('licenceKey (R-ORG-1, R-APP-3)', () => {
  it.each([
    ['13-ユ-012345', 'as issued'],
    ['１３－ユ－０１２３４５', 'full-width digits and dash'],
    ['13-ﾕ-012345', 'half-width katakana'],
    ['13-ゆ-012345', 'hiragana'],
    ['13-yu-012345', 'romaji, lower case'],
    ['13ー ユ ー012345', 'long-vowel marks and spaces for dashes'],
    ['13−ユ−012345', 'minus signs'],
    ['13‐ユ‐012345', 'hyphen U+2010'],
    ['13ユ12345', 'no separators, no leading zeros'],
    ['第13-ユ-012345号', 'with 第…号'],
    ['許可番号：13-ユ-012345', 'with its label'],
    [' 13-ユ-012345 ', 'surrounding spaces'],
  ])('R-ORG-1 %s reads as 13-ユ-012345 (%s)', (typed) => {
    expect(licenceKey(typed)).toBe(licenceKey('13-ユ-012345'));
  });

  it.each([
    ['13-ム-012345', 'free (ム) is not paid (ユ)'],
    ['14-ユ-012345', 'another prefecture'],
    ['13-ユ-012346', 'another serial'],
    ['131-ユ-2345', 'digits moved across the mark'],
  ])('R-ORG-1 %s is a different number (%s)', (typed) => {
    expect(licenceKey(typed)).not.toBe(licenceKey('13-ユ-012345'));
  });

  it('R-ORG-1 the free kind mark folds the same way', () => {
    expect(licenceKey('２７－ﾑ－０００００１')).toBe(licenceKey('27-む-1'));
  });
});
