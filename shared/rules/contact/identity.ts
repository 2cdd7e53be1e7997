/**
 * Names (R-MSG-4 §7(2)①ク, R-FEED-2): a person stating their own name (「山田太郎と申します」
 * 「名前は山田です」「氏名：山田太郎」), and an agency asking for the jobseeker's name or contact
 * details (「お名前と電話番号を教えてください」). Scanners over the normalized text with bounded
 * look-around; an agency's staff introducing themselves (「担当の山田です」) is not reported, since a
 * staff member's name is not the jobseeker's identity.
 */
import type { Candidate } from './kinds';
import { COMMON_SURNAMES } from './surnames';
import { isLetter } from './chars';
import { wordsAt } from './words';

/** Kanji, katakana or Latin letters: what a name is written in (hiragana names are handled apart). */
function isNameChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x30a1 && code <= 0x30fc) || // katakana and ー
    (code >= 0x4e00 && code <= 0x9fff) || // CJK ideographs
    (code >= 0x3400 && code <= 0x4dbf) ||
    code === 0x3005 ||
    code === 0x30f6 // 々 ヶ
  );
}
const isHiragana = (c: string | undefined) => c !== undefined && c >= '\u3041' && c <= '\u309f';
const MAX_NAME = 12;

// 〇〇と申します and its relatives: the name is right before.
const AFTER_NAME = [
  'と申します',
  'と申しま',
  'と申す者',
  'ともうします',
  'といいます',
  'と言います',
  'っていいます',
  'って言います',
  'と名乗',
  'と呼んでください',
  'と呼んで下さい',
];
// 名前は〇〇: the name is right after.
const NAME_LABELS = ['お名前', '名前', '氏名', '本名', 'フルネーム', '名字', '苗字', '姓名', 'なまえ', 'my name is', 'name'];
const LABEL_JOINERS = [':', 'は', '=', '→', 'が', ' '];
// What follows 名前は in a sentence that is not a name (名前は伏せます, 名前は非公開です).
const NOT_NAMES =
  /^(?:非公開|秘密|内緒|控え|伏せ|省略|未定|不要|必要|後ほど|後日|面接|記載|言え|書け|教え|伝え|お伝え|特に|別途|下記|以下|上記|登録|本サービス|不明|なし|無し|匿名|個人情報|ありません|ない|結構|大丈夫|出せ|出し|載せ|公開|表示|お答え|回答)/u;
const GREETINGS = [
  'はじめまして',
  '初めまして',
  'こんにちは',
  'こんばんは',
  'おはようございます',
  'お世話になります',
  'お世話になっております',
  '私は',
  'わたしは',
  '僕は',
  'ぼくは',
  '俺は',
  '自分は',
  'わたくしは',
];
const NOT_GIVEN_NAME = /[市区町村郡県都府道駅線社店部課係在住勤務出身希望経験職業様殿氏さ]/u;
const SELF_PREDICATES = ['です', 'と申', 'でございます', 'といい', 'と言い', 'っす', 'だよ', 'と申'];

function before(text: string, at: number): number {
  // 山田（やまだ）と申します: the reading in brackets belongs to the name.
  let end = at;
  if (text[end - 1] === ')') {
    const open = text.lastIndexOf('(', end - 1);
    if (open >= 0 && end - open <= 14) end = open;
  }
  let start = end;
  while (start > 0 && end - start < MAX_NAME && (isNameChar(text[start - 1]) || (text[start - 1] === ' ' && isNameChar(text[start - 2]))))
    start--;
  if (start < end) return start;
  while (start > 0 && end - start < 8 && isHiragana(text[start - 1]) && text[start - 1] !== 'は' && text[start - 1] !== 'の') start--;
  return end - start >= 2 ? start : at;
}

function valueAfter(text: string, from: number): number {
  let end = from;
  while (
    end < text.length &&
    end - from < MAX_NAME &&
    (isNameChar(text[end]) || isHiragana(text[end]) || (text[end] === ' ' && isNameChar(text[end + 1])))
  ) {
    // A hiragana predicate ends the name: 山田です, 山田と申します.
    if (isHiragana(text[end]) && end > from && isNameChar(text[end - 1])) break;
    end++;
  }
  return end;
}

const matchers = new Map<readonly string[], (text: string, k: number) => string | undefined>();
function startsWithAny(text: string, k: number, words: readonly string[]): string | undefined {
  let at = matchers.get(words);
  if (!at) matchers.set(words, (at = wordsAt(words)));
  return at(text, k);
}

/**
 * A person stating their own name in a normalized text (R-MSG-4, R-FEED-2).
 *
 * @example findSelfNames('山田太郎と申します。').map((c) => c.kind); // ['name']
 */
export function findSelfNames(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < text.length; i++) {
    const after = startsWithAny(text, i, AFTER_NAME);
    if (after) {
      const start = before(text, i);
      if (start < i) {
        found.push({ kind: 'name', start, end: i + after.length });
        i += after.length - 1;
      }
      continue;
    }
    const label = startsWithAny(text, i, NAME_LABELS);
    if (label && !(label === 'name' && /[a-z]/.test(text[i - 1] ?? ''))) {
      let at = i + label.length;
      const joiner = startsWithAny(text, at, LABEL_JOINERS);
      if (!joiner && !/^[a-z]/.test(label)) continue;
      if (joiner) at += joiner.length;
      while (text[at] === ' ') at++;
      const end = valueAfter(text, at);
      const value = text.slice(at, end);
      const rest = text.slice(end, end + 6);
      const colon = joiner === ':' || joiner === '=' || joiner === '→';
      const ends = colon || /^(?:です|と申|でござ|だ|っす|と言|といい|[。、,.!！\n]|$)/u.test(rest) || end === text.length;
      if (value.length >= 1 && !NOT_NAMES.test(value) && ends && !(value.length === 1 && isHiragana(value))) {
        found.push({ kind: 'name', start: i, end });
        i = end - 1;
      }
      continue;
    }
    // はじめまして、田中です / 私は佐藤花子と申します: a common surname after a greeting, or opening the text.
    const lineStart = i === 0 || text[i - 1] === '\n';
    const greeting = startsWithAny(text, i, GREETINGS) ?? (lineStart ? '' : undefined);
    if (greeting !== undefined) {
      let at = i + greeting.length;
      while (at < text.length && at - i - greeting.length < 3 && /[、,。.!！\s]/u.test(text[at]!)) at++;
      const surname = startsWithAny(text, at, COMMON_SURNAMES);
      if (surname) {
        let end = at + surname.length;
        while (end < text.length && end - at - surname.length < 3 && isNameChar(text[end])) end++;
        // 上田市在住です, 石川県出身です: a place or a word after the surname, not a given name.
        const given = text.slice(at + surname.length, end);
        if (!NOT_GIVEN_NAME.test(given) && startsWithAny(text, end, SELF_PREDICATES)) found.push({ kind: 'name', start: at, end });
      }
    }
  }
  return found;
}

// What an agency may not ask the jobseeker for (R-MSG-4).
const PERSONAL_NOUNS = [
  'お名前',
  '名前',
  '氏名',
  'フルネーム',
  '本名',
  '名字',
  '苗字',
  '連絡先',
  '電話番号',
  '携帯番号',
  'でんわ番号',
  '番号',
  'メールアドレス',
  'メアド',
  'アドレス',
  '住所',
  '自宅',
  'line',
  'ライン',
  'id',
  'アカウント',
  'sns',
  'インスタ',
  '生年月日',
  'マイナンバー',
  '個人番号',
  '電話',
  '携帯',
  'メール',
];
// Nouns that are also "call me" / "mail me" on their own (お電話ください): they need a verb of telling.
const VERB_ONLY_NOUNS = new Set(['電話', '携帯', 'メール', 'line', 'ライン']);
const TELLING = [
  'はどちら',
  'はどこ',
  'はなん',
  '教え',
  'おしえ',
  '知らせ',
  'しらせ',
  '伺',
  'うかが',
  '聞かせ',
  'きかせ',
  '聞いて',
  '送って',
  '送り',
  '送付',
  '送信',
  '記入',
  '記載',
  '書いて',
  '書き',
  '入力',
  '提供',
  '共有',
  '交換',
  '開示',
  '頂戴',
  'ちょうだい',
  'お願い',
  'いただけ',
  '頂け',
  'もらえ',
  'ください',
  '下さい',
  'は?',
  'は何',
];
const ASKING =
  /(?:しよう|したい|したく|できれば|できたら|てよ|てくれ|てもら|ていただ|てほし|て下さ|てくだ|いいですか|よいですか|可能ですか|ください|下さい|いただけ|頂け|いただき|頂き|もらえ|ほしい|欲しい|願|ませんか|ましょう|でしょうか|ますか|か\?|\?|よろしい|てね|て!|て。|て$|くれ|ちょうだい|頂戴)/u;
const NOT_ASKING =
  /(?:不要|非公開|伏せ|必要はありません|必要ありません|必要はございません|ないで|ないよう|ずに|お控え|控えて|ご遠慮|遠慮|できません|禁止|お断り|いりません|要りません|結構です|はしません|はいたしません|送らない|書かない|教えない)/u;
const CLAUSE_END_CHARS = '。!?\n';
// Verbs of telling strong enough after 電話, メール or LINE alone (電話番号を教えて, not お電話ください).
const TELLING_STRONG = new Set(['教え', 'おしえ', '知らせ', 'しらせ', '交換', '伺', '聞かせ', 'は?', 'は何']);

const PARTICLES = /^[をはとやもごおのでに、・,\s]$/u;

function onlyParticlesBetween(gap: string): boolean {
  let other = 0;
  for (let k = 0; k < gap.length;) {
    const noun = startsWithAny(gap, k, PERSONAL_NOUNS) ?? startsWithAny(gap, k, GAP_WORDS);
    if (noun) k += noun.length;
    else if (PARTICLES.test(gap[k]!)) k++;
    else {
      other++;
      k++;
    }
  }
  return other === 0;
}
const GAP_WORDS = ['フルネーム', 'など', '等', 'および', '及び', 'ならびに', '直接', 'こちら', 'ここ', 'メッセージ', 'ご本人'];

/**
 * An agency asking for the jobseeker's name or contact details in a normalized text (R-MSG-4).
 *
 * @example findContactRequests('お名前と電話番号を教えてください').map((c) => c.kind); // ['contact_request']
 */
export function findContactRequests(text: string): Candidate[] {
  const found: Candidate[] = [];
  // Where each clause ends, and which verb of telling starts where: computed once, read per noun.
  const clauseEndFrom = new Int32Array(text.length + 1);
  clauseEndFrom[text.length] = text.length;
  for (let k = text.length - 1; k >= 0; k--) clauseEndFrom[k] = CLAUSE_END_CHARS.includes(text[k]!) ? k : clauseEndFrom[k + 1]!;
  const verbAt: Array<string | undefined> = [];
  for (let k = 0; k < text.length; k++) verbAt.push(startsWithAny(text, k, TELLING));
  let clauseStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (CLAUSE_END_CHARS.includes(text[i]!)) clauseStart = i + 1;
    const noun = startsWithAny(text, i, PERSONAL_NOUNS);
    if (!noun) continue;
    const from = i + noun.length;
    if (isLetter(noun.charAt(0)) && (isLetter(text[i - 1]) || isLetter(text[from]))) continue;
    // The rest of the clause that holds the noun (bounded).
    const clauseEnd = Math.min(clauseEndFrom[from]!, from + 40);
    const withMark = text[clauseEnd] === '?' ? clauseEnd + 1 : clauseEnd;
    // A form with an empty field: 「氏名：」「電話番号：」 and nothing after on the line.
    let asked = text[clauseEnd] === '\n' && /^[ \t]*:[ \t_()]*$/u.test(text.slice(from, clauseEnd));
    for (let k = from; k < Math.min(withMark, from + 20) && !asked; k++) {
      const verb = verbAt[k];
      if (!verb || k + verb.length > withMark) continue;
      if (VERB_ONLY_NOUNS.has(noun) && !TELLING_STRONG.has(verb)) continue;
      // A question (電話番号は?) asks about the noun right before it, not one further back.
      if (verb.startsWith('は') && k !== from) continue;
      // The noun is what is asked for: between it and the verb only particles and other such nouns
      // (お名前とご連絡先をお教えください), not another object (ご自宅から職場までの通勤時間を教えて).
      if (!onlyParticlesBetween(text.slice(from, k))) continue;
      asked = verb.endsWith('?') || verb.startsWith('は') || ASKING.test(text.slice(k, Math.min(withMark, k + 14)));
    }
    if (asked && !NOT_ASKING.test(text.slice(Math.max(clauseStart, i - 40), clauseEnd))) {
      found.push({ kind: 'contact_request', start: i, end: clauseEnd });
      i = clauseEnd;
      clauseStart = clauseEnd + 1;
    }
  }
  return found;
}
