/**
 * R-MSG-7 (§7(2)①ケ) in the jobseeker's object, which alone decides delivery: whether this
 * jobseeker is a new graduate (新規大学卒業者等, as the bureau's profile said when an agency first
 * wrote) and the consent they gave, per conversation, to hear about an agency's paid services.
 */
import { paidOfferRefusal } from '../../../shared/rules';
import { refuse, type Refusal } from '../../lib/problem';
import { conversationRow, type SeekerStore } from './store';
import type { DeliverInput } from './types';

/** The table this concept adds (a migration step of the object). */
export const PAID_SERVICES_SCHEMA = `
  CREATE TABLE paid_service_consents (conversation_id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, consented_at INTEGER NOT NULL);
`;

/** Remembers the bureau's new-graduate flag as the profile carried it at a first contact. */
export function rememberNewGraduate(s: SeekerStore, newGraduate: boolean): void {
  s.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('new_graduate', ?)", newGraduate ? '1' : '0');
}

function isNewGraduate(s: SeekerStore): boolean {
  return s.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'new_graduate'").toArray()[0]?.value === '1';
}

/** When the jobseeker consented in a conversation to hear about paid services, or null (R-MSG-7). */
export function consentOf(s: SeekerStore, conversationId: string): string | null {
  const row = s.sql
    .exec<{ consented_at: number }>('SELECT consented_at FROM paid_service_consents WHERE conversation_id = ?', conversationId)
    .toArray()[0];
  return row ? new Date(row.consented_at).toISOString() : null;
}

/**
 * The jobseeker consents, in one conversation, to the agency's paid services being offered
 * (R-MSG-7). Idempotent: the first consent's time is kept. A closed conversation takes none.
 *
 * @example consent(s, 'C…', now); // { ok: true, consentedAt: '2026-11-27T01:00:00.000Z' }
 */
export function consent(
  s: SeekerStore,
  conversationId: string,
  now: number,
): { ok: true; conversationId: string; consentedAt: string } | Refusal {
  const conv = conversationRow(s, conversationId);
  if (!conv)
    return refuse('conversation_not_found', 'この会話は存在しないか、参照する権限がありません。', undefined, {
      status: 404,
      title: '会話が見つかりません',
    });
  if (conv.state === 'closed')
    return refuse('conversation_closed', '終了した会話では同意を記録できません。', undefined, {
      status: 410,
      title: 'この会話は終了しています',
    });
  s.sql.exec(
    'INSERT OR IGNORE INTO paid_service_consents (conversation_id, agency_id, consented_at) VALUES (?, ?, ?)',
    conversationId,
    conv.agency_id,
    now,
  );
  return { ok: true, conversationId, consentedAt: consentOf(s, conversationId)! };
}

/** The jobseeker withdraws the consent; later paid offers are refused again. */
export function withdrawConsent(s: SeekerStore, conversationId: string): { ok: true; withdrawn: boolean } {
  return { ok: true, withdrawn: s.sql.exec('DELETE FROM paid_service_consents WHERE conversation_id = ?', conversationId).rowsWritten > 0 };
}

/**
 * The refusal of a delivery that offers a paid service to this new graduate without the bureau's
 * notification and the jobseeker's consent in that conversation (R-MSG-7), or null. A first
 * contact has no conversation yet, so it never carries consent.
 */
export function paidOfferCheck(s: SeekerStore, input: DeliverInput, conversationId: string | null): Refusal | null {
  if (!input.paidServiceOffer) return null;
  const newGraduate = input.newGraduate ?? isNewGraduate(s);
  const r = paidOfferRefusal({
    offer: true,
    newGraduate,
    notified: input.paidServicesNotified ?? false,
    consented: conversationId !== null && consentOf(s, conversationId) !== null,
  });
  return r ? refuse(r.code, r.detail, { missing: r.missing }, { status: 422, title: r.title }) : null;
}
