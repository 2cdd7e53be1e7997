/**
 * Fixtures of the messaging tests: jobseekers loaded by the bureau and activated, and the sends
 * agencies and jobseekers make, all through HTTP.
 */
import { env } from 'cloudflare:test';
import { api, loadRows, profileRow, unique, type Res } from './helpers';

export type Agency = { id: string; token: string; email: string; password: string };
export type Seeker = { profileId: string; token: string };

/** Loads `n` profiles (one bureau load); returns their IDs and one-time activation codes. */
export async function loadProfiles(n: number, text = 'よろしくお願いします。'): Promise<Array<{ profileId: string; code: string }>> {
  const res = await loadRows(Array.from({ length: n }, () => profileRow({ selfIntroduction: text })));
  if (res.status !== 200 || res.body.loaded !== n) throw new Error(`load failed: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body.results.map((r: { id: string; activationCode: string }) => ({ profileId: r.id, code: r.activationCode }));
}

/** A jobseeker whose profile is in the feed and who activated their account. */
export async function jobseeker(text?: string): Promise<Seeker> {
  const [p] = await loadProfiles(1, text);
  const res = await api('POST', '/v1/seeker/activation', {
    body: { profileId: p!.profileId, code: p!.code, passphrase: 'はるのあさにさくさくらのはな' },
  });
  if (res.status !== 201) throw new Error(`activation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { profileId: p!.profileId, token: res.body.token };
}

/** A fresh idempotency key. */
export function sendKey(prefix = 'send'): string {
  return unique(`${prefix}-`).replace(/[^A-Za-z0-9_.:-]/g, '');
}

/** The agency's first message to a profile. */
export function firstContact(
  agency: { token: string },
  profileId: string,
  body = 'はじめまして。介護職の求人をご紹介できます。',
  key = sendKey('fc'),
): Promise<Res> {
  return api('POST', '/v1/agency/conversations', { token: agency.token, body: { profileId, body, idempotencyKey: key } });
}

/** The agency answers in a conversation. */
export function reply(
  agency: { token: string },
  conversationId: string,
  body = 'ご質問ありがとうございます。',
  key = sendKey('rp'),
): Promise<Res> {
  return api('POST', `/v1/agency/conversations/${conversationId}/messages`, { token: agency.token, body: { body, idempotencyKey: key } });
}

/** The jobseeker writes in a conversation. */
export function seekerWrites(seeker: Seeker, conversationId: string, body = '勤務時間について教えてください。'): Promise<Res> {
  return api('POST', `/v1/seeker/conversations/${conversationId}/messages`, { token: seeker.token, body: { body } });
}

/** A conversation the jobseeker has answered, so the agency may write again (R-MSG-2). */
export async function openConversation(agency: Agency, seeker: Seeker): Promise<string> {
  const first = await firstContact(agency, seeker.profileId);
  if (first.status !== 201) throw new Error(`first contact failed: ${first.status} ${JSON.stringify(first.body)}`);
  const wrote = await seekerWrites(seeker, first.body.conversationId);
  if (wrote.status !== 201) throw new Error(`seeker write failed: ${wrote.status} ${JSON.stringify(wrote.body)}`);
  return first.body.conversationId;
}

/** The agency's object, for what no route of this issue reaches (R-MSG-3 install, R-RET-3 purge, R-RET-4 log). */
export function agencyObject(agencyId: string) {
  return env.AGENCY.get(env.AGENCY.idFromName(agencyId));
}

/** The agency's events of a type, newest last. */
export async function eventsOf(agency: { token: string }, type: string): Promise<any[]> {
  const items: any[] = [];
  let after = 0;
  for (;;) {
    const page = await api('GET', `/v1/agency/events?after=${after}&limit=100`, { token: agency.token });
    if (page.status !== 200) throw new Error(`events failed: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    if (page.body.items.length < 100) break;
    after = page.body.lastSeq;
  }
  return items.filter((e) => e.type === type);
}

/** A new session for an agency (tokens end 12 hours after sign-in, so a test that moves the clock signs in again). */
export async function signIn(agency: Agency): Promise<Agency> {
  const res = await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: agency.password } });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...agency, token: res.body.token };
}
