import { describeFindings, findContactDetails, type Finding } from '../../shared/rules';
import type { ContactMethod } from '../../shared/schemas';
import { refuse, type Refusal } from './problem';

/** How a contact method's kind reads in Japanese. */
export const CONTACT_KIND_NAMES: Record<ContactMethod['kind'], string> = { email: 'メール', phone: '電話', url: 'URL', postal: '住所' };
const DASHES = /[\-‐‑‒–—―−ー─━⁃－]/gu;

/** A comparable form of a contact detail: NFKC, then per kind digits only, lower case, no scheme. */
function canonicalContact(kind: 'phone' | 'email' | 'url' | 'postal', text: string): string {
  const n = text.normalize('NFKC').trim();
  if (kind === 'phone') {
    const digits = n.replace(/\D/g, '');
    return /^\+?\s*\(?\s*81/.test(n) ? `0${digits.slice(2).replace(/^0/, '')}` : digits;
  }
  if (kind === 'email') return n.toLowerCase().replace(/\s+/g, '');
  if (kind === 'url') return n.toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/[/?#]+$/, '');
  return n.replace(/\s+/g, '').replace(DASHES, '-').replace(/[〒〠]/g, '');
}

function registeredAllows(finding: Finding, registered: readonly ContactMethod[]): boolean {
  switch (finding.kind) {
    case 'phone': {
      const f = canonicalContact('phone', finding.text);
      return registered.some((m) => m.kind === 'phone' && canonicalContact('phone', m.value) === f);
    }
    case 'email': {
      const f = canonicalContact('email', finding.text);
      return registered.some((m) => m.kind === 'email' && canonicalContact('email', m.value) === f);
    }
    case 'url': {
      // A registered URL covers itself and the pages below it (a registered site root covers the site).
      const f = canonicalContact('url', finding.text);
      return registered.some((m) => {
        if (m.kind !== 'url') return false;
        const u = canonicalContact('url', m.value);
        return f === u || f.startsWith(`${u}/`) || f.startsWith(`${u}?`) || f.startsWith(`${u}#`);
      });
    }
    case 'postal_code':
    case 'address': {
      // Part of a registered postal address (its postal code, its 番地) is that address.
      const f = canonicalContact('postal', finding.text);
      return f.length > 0 && registered.some((m) => m.kind === 'postal' && canonicalContact('postal', m.value).includes(f));
    }
    default:
      return false; // messenger IDs and 12-digit numbers are never a registered contact method
  }
}

/**
 * R-MSG-4 (§7(2)①ク): the contact details in a message body its sender may not send. A jobseeker
 * (`registered` null) may send none; an agency only the contact methods it registered, compared
 * in a normalized form (NFKC; digits only for phones, +81 read as 0; lower case for e-mail and
 * URLs, whose scheme and `www.` do not matter).
 *
 * @example
 * disallowedContactDetails('お電話は03-1234-5678へ', [{ kind: 'phone', value: '03-1234-5678' }]); // []
 * disallowedContactDetails('090-1111-2222', null)[0]?.kind; // 'phone'
 */
export function disallowedContactDetails(body: string, registered: readonly ContactMethod[] | null): Finding[] {
  const found = findContactDetails(body);
  return registered ? found.filter((f) => !registeredAllows(f, registered)) : found;
}

/**
 * The polite refusal of a message that holds contact details (R-MSG-4): what was found, why it
 * is not allowed, and that nothing was stored or sent. `findings` lets the compose box highlight.
 */
export function contactDetailsRefusal(findings: Finding[], registered: readonly ContactMethod[] | null): Refusal {
  const found = describeFindings(findings);
  const positions = findings.map((f) => ({ kind: f.kind, label: f.label, start: f.start, end: f.end }));
  if (!registered) {
    return refuse(422, 'contact_details_not_allowed', '連絡先などは送信できません',
      `${found}このサービスでは、氏名や電話番号・メールアドレス・住所などの連絡先、個人を特定できる情報をメッセージでやりとりすることはできません（利用規約 第7条(2)①ク）。お手数ですが、該当する部分を削除してからもう一度送信してください。このメッセージは保存されていません。`,
      { findings: positions });
  }
  const list = registered.map((m) => `${CONTACT_KIND_NAMES[m.kind]}：${m.value}`).join('、');
  return refuse(422, 'contact_details_not_allowed', '登録していない連絡先は送信できません',
    `${found}メッセージに記載できる連絡先は、登録済みの連絡方法（${list}）に限られます（利用規約 第7条(2)①ク）。該当する部分を削除するか、登録済みの連絡方法に置き換えてください。このメッセージは送信されていません。`,
    { findings: positions });
}
