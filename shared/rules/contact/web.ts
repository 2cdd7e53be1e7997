/**
 * Email addresses and URLs (R-MSG-4 §7(2)①ク, R-FEED-2), read by scanners over the normalized
 * text (spelled-out `@` and `.` already turned into the signs): each character is looked at a
 * bounded number of times, so the time is linear in the text.
 */
import { isAlnum, isLocal, isUrlChar, oneOf } from './chars';
import type { Candidate } from './kinds';
import { MAIL_PROVIDERS, TOP_LEVEL_DOMAINS } from './spelled';

const MAX_LOCAL = 64;
const MAX_LABEL = 63;
const MAX_LABELS = 10;
// Product names written like domains (ASP.NET, Socket.IO): skills, not addresses.
const PRODUCT_NAMES: ReadonlySet<string> = new Set(['asp.net', 'vb.net', 'ado.net', 'socket.io', 'dot.net', 'f.net', 'c.net']);

type Domain = { end: number; labels: string[] };

/** Reads `label(.label)*` from `k`; stops before a dot not followed by a label. */
function readDomain(text: string, k: number): Domain {
  const labels: string[] = [];
  let at = k;
  while (labels.length < MAX_LABELS) {
    let end = at;
    while (end < text.length && end - at < MAX_LABEL && (isAlnum(text[end]) || text[end] === '-' || text[end] === '_')) end++;
    // A label neither starts nor ends with a hyphen.
    while (end > at && (text[end - 1] === '-' || text[end - 1] === '_')) end--;
    if (end === at || text[at] === '-') break;
    labels.push(text.slice(at, end));
    at = end;
    if (text[at] !== '.' || !isAlnum(text[at + 1])) break;
    at++;
  }
  return { end: at, labels };
}

function trimUrlTail(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && oneOf(text[e - 1], ".,;:!?')]")) e--;
  return e;
}

/**
 * Email addresses: a local part, `@` and a domain whose last label is a top-level domain (or a
 * mail provider's name alone, `taro@gmail`) (R-MSG-4, R-FEED-2).
 *
 * @example findEmails('taro@example.com').length; // 1
 */
export function findEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > from && at - start < MAX_LOCAL && isLocal(text[start - 1])) start--;
    while (start < at && text[start] === '.') start++;
    if (start === at) continue;
    const domain = readDomain(text, at + 1);
    const last = domain.labels[domain.labels.length - 1] ?? '';
    const ok = (domain.labels.length >= 2 && /^[a-z]{2,24}$/.test(last)) || (domain.labels.length === 1 && MAIL_PROVIDERS.has(last));
    if (!ok) continue;
    found.push({ kind: 'email', start, end: domain.end });
    from = domain.end;
    at = domain.end - 1;
  }
  return found;
}

/**
 * URLs with a scheme, `www.` addresses and bare domains ending in a known top-level domain
 * (example.jp; not ASP.NET or Node.js) (R-MSG-4, R-FEED-2).
 *
 * @example findUrls('詳細は mirai.example.jp/jobs で').map((c) => c.kind); // ['url']
 */
export function findUrls(text: string): Candidate[] {
  const found: Candidate[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (!isAlnum(c) || isAlnum(text[i - 1]) || oneOf(text[i - 1], '.@-_/')) {
      i++;
      continue;
    }
    // A scheme: http://, https://, hxxp://, ftp://
    const scheme = /^(?:h[tx]{2}ps?|ftp|ttps?):\/\//.exec(text.slice(i, i + 9));
    if (scheme) {
      let end = i + scheme[0].length;
      while (end < text.length && isUrlChar(text[end])) end++;
      end = trimUrlTail(text, i, end);
      if (end > i + scheme[0].length) found.push({ kind: 'url', start: i, end });
      i = Math.max(end, i + 1);
      continue;
    }
    const domain = readDomain(text, i);
    const last = domain.labels[domain.labels.length - 1] ?? '';
    const www = domain.labels[0] === 'www' && domain.labels.length >= 3;
    const known =
      domain.labels.length >= 2 && TOP_LEVEL_DOMAINS.has(last) && !PRODUCT_NAMES.has(domain.labels.join('.')) && !isAlnum(text[domain.end]);
    if (text[domain.end] !== '@' && (www || known)) {
      let end = domain.end;
      if (oneOf(text[end], '/?#')) while (end < text.length && isUrlChar(text[end])) end++;
      end = trimUrlTail(text, i, end);
      found.push({ kind: 'url', start: i, end });
      i = end;
      continue;
    }
    i = Math.max(domain.end, i + 1);
  }
  return found;
}
