/**
 * R-APP-5: what recording 求職受理 (the agency accepted the jobseeker's application) must say about
 * fees (§7(2)②イ): a jobseeker who applied at Hello Work expected free placement, so any fee is
 * explained before the acceptance.
 */
import type { FeeStatement } from '../schemas/acquisition';
import type { LicenceKind } from '../schemas/agency';

/** Why a fee statement cannot be recorded, or null when it can; `fees` is what the agency sent. */
export type FeeStatementCheck =
  | { ok: true; fees: FeeStatement }
  | { ok: false; code: 'fee_statement_required' | 'fees_explained_after_acceptance'; title: string; detail: string };

/**
 * The fee statement to record with an acceptance (R-APP-5, §7(2)②イ). A paid agency (Art. 30)
 * must say whether it explained its fees or charges none; the free kinds charge nothing, so their
 * silence means `none_charged`. An explanation dated after the acceptance is refused.
 *
 * @example
 * feeStatementFor('paid', undefined, '2026-11-27'); // { ok: false, code: 'fee_statement_required', … }
 * feeStatementFor('free', undefined, '2026-11-27'); // { ok: true, fees: { kind: 'none_charged' } }
 * feeStatementFor('paid', { kind: 'explained', explainedOn: '2026-11-26' }, '2026-11-27'); // ok
 */
export function feeStatementFor(licence: LicenceKind, fees: FeeStatement | undefined, acceptedOn: string): FeeStatementCheck {
  if (!fees) {
    if (licence !== 'paid') return { ok: true, fees: { kind: 'none_charged' } };
    return {
      ok: false,
      code: 'fee_statement_required',
      title: '手数料の説明の記録が必要です',
      detail:
        '有料職業紹介事業者が求職受理を記録するときは、受理の前に手数料（求職受付手数料・職業紹介手数料などの有料サービス）を求職者に説明したこと（説明した日）、または手数料を徴収しないことを記録してください（利用規約第7条第2項②イ）。',
    };
  }
  if (fees.kind === 'explained' && fees.explainedOn > acceptedOn) {
    return {
      ok: false,
      code: 'fees_explained_after_acceptance',
      title: '手数料の説明が受理の後です',
      detail: `手数料は求職受理の前に説明する必要があります。説明した日（${fees.explainedOn}）が受理日（${acceptedOn}）より後になっています。`,
    };
  }
  return { ok: true, fees };
}
