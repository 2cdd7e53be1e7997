import { describe, expect, it } from 'vitest';
import { describeFindings, disallowedContactDetails, findContactDetails, type ContactKind } from '../../shared/rules/contact-details';
import type { ContactMethod } from '../../shared/schemas/agency';

// [what the disguise is, the text, the kind found, the part of the text found]
const DISGUISES: Array<[string, string, ContactKind, string]> = [
  ['slashes between digit groups', '090/1234/5678', 'phone', '090/1234/5678'],
  ['underscores between digit groups', '090_1234_5678', 'phone', '090_1234_5678'],
  ['commas between digit groups', '090,1234,5678', 'phone', '090,1234,5678'],
  ['dots between digit groups', '電話は090.1234.5678です', 'phone', '090.1234.5678'],
  ['middle dots between digit groups', '０９０・１２３４・５６７８', 'phone', '０９０・１２３４・５６７８'],
  ['brackets around a group', '03(1234)5678', 'phone', '03(1234)5678'],
  ['spaces around dashes', '090 - 1234 - 5678', 'phone', '090 - 1234 - 5678'],
  ['kanji numerals with long-vowel dashes', '〇九〇ー一二三四ー五六七八', 'phone', '〇九〇ー一二三四ー五六七八'],
  ['formal kanji numerals', '零九零-壱弐参四-五六七八', 'phone', '零九零-壱弐参四-五六七八'],
  ['enclosed numerals', '⓪⑨⓪-①②③④-⑤⑥⑦⑧', 'phone', '⓪⑨⓪-①②③④-⑤⑥⑦⑧'],
  ['digits read aloud in kana', 'ぜろきゅうぜろ いちにさんよん ごろくななはち', 'phone', 'ぜろきゅうぜろ いちにさんよん ごろくななはち'],
  [
    'digits read aloud in English',
    'zero nine zero one two three four five six seven eight',
    'phone',
    'zero nine zero one two three four five six seven eight',
  ],
  ['one digit at a time', '0 9 0 1 2 3 4 5 6 7 8', 'phone', '0 9 0 1 2 3 4 5 6 7 8'],
  ['words between the groups', '090の1234の5678', 'phone', '090の1234の5678'],
  ['country code', '+81 (0)90-1234-5678', 'phone', '+81 (0)90-1234-5678'],
  ['spelled-out at and dot in Japanese', 'taro あっと example どっと com', 'email', 'taro あっと example どっと com'],
  ['spelled-out at and dot in katakana', 'taro アット example ドット co ドット jp', 'email', 'taro アット example ドット co ドット jp'],
  ['spelled-out at and dot in English', 'taro at example dot com', 'email', 'taro at example dot com'],
  ['bracketed at and dot', 'taro(at)example[dot]co[dot]jp', 'email', 'taro(at)example[dot]co[dot]jp'],
  ['full-width at sign', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'email', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ'],
  ['a mail provider without its domain', 'taro123 あっと gmail', 'email', 'taro123 あっと gmail'],
  ['a URL', 'https://note.com/taro', 'url', 'https://note.com/taro'],
  ['a bare domain with a path', 'taro-portfolio.jp/works', 'url', 'taro-portfolio.jp/works'],
  ['a domain with a spelled-out dot', 'example どっと com', 'url', 'example どっと com'],
  ['a postal code with a full-width dash', '〒100−8916', 'postal_code', '〒100−8916'],
  ['a postal code in kanji numerals', '〒一〇〇ー〇〇〇一', 'postal_code', '〒一〇〇ー〇〇〇一'],
  ['a street address with 丁目・番・号', '西新宿二丁目8番1号', 'address', '二丁目8番1号'],
  ['a street address with dashes', '世田谷区桜丘3-12-5', 'address', '3-12-5'],
  ['a street address with の', '道玄坂2の10の7', 'address', '2の10の7'],
  ['a 12-digit number', 'マイナンバーは1234 5678 9012', 'twelve_digit', '1234 5678 9012'],
  ['a 12-digit number in kanji', '個人番号 一二三四 五六七八 九〇一二', 'twelve_digit', '一二三四 五六七八 九〇一二'],
  ['a LINE ID after は', 'LINEはtaro_123です', 'messenger', 'LINEはtaro_123'],
  ['a LINE ID with its label', 'LINE ID: taro_123', 'messenger', 'LINE ID: taro_123'],
  ['an Instagram handle', 'インスタ→@taro_ig', 'messenger', 'インスタ→@taro_ig'],
  ['an X handle', 'X（旧Twitter）@taro_x', 'messenger', 'X（旧Twitter）@taro_x'],
  ['a handle before the service name', 'taro_1990（LINE）', 'messenger', 'taro_1990（LINE'],
  ['a Discord, Telegram or TikTok account', 'TikTokのアカウントは taro_tiktok です', 'messenger', 'TikTokのアカウントは taro_tiktok'],
  ['a bare handle', '@taro_yamada_1990 にDMください', 'messenger', '@taro_yamada_1990'],
  ['a name with と申します', '山田太郎と申します', 'name', '山田太郎と申します'],
  ['a name after 名前は', '名前は佐藤健です', 'name', '名前は佐藤健'],
  ['a name after 氏名：', '氏名：山田太郎', 'name', '氏名：山田太郎'],
  ['a surname after a greeting', 'はじめまして、田中です。', 'name', '田中'],
];

describe('disguised contact details in messages (R-MSG-4)', () => {
  it.each(DISGUISES)('R-MSG-4 refuses a jobseeker message with %s', (_what, text, kind, part) => {
    const findings = disallowedContactDetails(`よろしくお願いします。${text}`, null);
    expect(findings.map((f) => [f.kind, f.text])).toContainEqual([kind, part]);
    expect(describeFindings(findings)).toContain(part.replace(/\s+/gu, ' ').slice(0, 30));
  });

  it.each(DISGUISES.filter(([, , kind]) => kind !== 'name'))(
    'R-MSG-4 refuses an agency message with %s it did not register',
    (_what, text, kind, part) => {
      const findings = disallowedContactDetails(`ご連絡ありがとうございます。${text}`, [{ kind: 'phone', value: '06-6000-0000' }]);
      expect(findings.map((f) => [f.kind, f.text])).toContainEqual([kind, part]);
    },
  );
});

describe('disguised contact details in the feed (R-FEED-2)', () => {
  it.each(DISGUISES)('R-FEED-2 finds %s in a self-introduction', (_what, text, kind, part) => {
    const findings = findContactDetails(`介護職を希望しています。${text}`);
    expect(findings.map((f) => [f.kind, f.text])).toContainEqual([kind, part]);
  });
});

const REGISTERED: readonly ContactMethod[] = [
  { kind: 'phone', value: '03-1234-5678' },
  { kind: 'email', value: 'info@mirai.example.jp' },
  { kind: 'url', value: 'https://mirai.example.jp' },
  { kind: 'postal', value: '〒100-8916 東京都千代田区霞が関1-2-2' },
];

describe("an agency's own contact methods and its staff (R-MSG-4)", () => {
  it.each([
    '詳しくは mirai.example.jp/jobs をご覧ください',
    '求人一覧 https://www.mirai.example.jp/jobs/123',
    'お電話は +81 (0)3-1234-5678 まで',
    '所在地：〒100−8916 千代田区霞が関1−2−2',
    '所在地：〒一〇〇ー八九一六 千代田区霞が関一丁目2番2号',
    'メールは INFO＠MIRAI.EXAMPLE.JP へ',
    'info あっと mirai.example どっと jp まで',
    'お電話は〇三ー一二三四ー五六七八まで',
    '担当の山田です。よろしくお願いいたします。',
    '株式会社みらい人材の佐藤と申します。',
  ])('R-MSG-4 lets an agency send its registered contact methods and introduce its staff: %s', (text) => {
    expect(disallowedContactDetails(text, REGISTERED)).toEqual([]);
  });

  it.each<[string, ContactKind]>([
    ['詳しくは mirai-example.jp/jobs をご覧ください', 'url'],
    ['https://evil.example.com/?next=mirai.example.jp', 'url'],
    ['お電話は 03-1234-5679 まで', 'phone'],
    ['〒100-8917', 'postal_code'],
    ['sales@mirai.example.jp までどうぞ', 'email'],
    ['お名前と電話番号を教えてください', 'contact_request'],
    ['ご住所を伺ってもよろしいでしょうか', 'contact_request'],
    ['LINE交換しませんか？', 'contact_request'],
    ['氏名：\n電話番号：\n', 'contact_request'],
  ])('R-MSG-4 refuses an agency message with other contact details or a request for the jobseeker’s: %s', (text, kind) => {
    expect(disallowedContactDetails(text, REGISTERED).map((f) => f.kind)).toContain(kind);
  });

  it.each([
    '希望勤務地を教えてください。',
    'ご都合のよい日時を教えていただけますか。',
    'お電話ください。',
    'お名前などの個人情報はお送りいただく必要はありません。',
    '弊社の電話番号をお知らせします。03-1234-5678',
  ])('R-MSG-4 lets an agency ask about the job, not the person: %s', (text) => {
    expect(disallowedContactDetails(text, REGISTERED)).toEqual([]);
  });

  it('R-MSG-4 a jobseeker may not send the agency’s contact details either, nor their own name', () => {
    expect(disallowedContactDetails('mirai.example.jp/jobs を見ました', null).map((f) => f.kind)).toEqual(['url']);
    expect(disallowedContactDetails('担当の山田です', null)).toEqual([]);
    expect(disallowedContactDetails('山田と申します', null).map((f) => f.kind)).toEqual(['name']);
  });
});
