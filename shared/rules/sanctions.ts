/**
 * The kind of violation bureau staff record, each tied to the clause of §8 that sets its
 * sanction.
 *
 * - `misuse`: improper use of job-offer information (§8(2)①)
 * - `promotion`: one-sided promotion or steering to other services (§8(2)②)
 * - `excessive_sales`: excessive sales activity (過剰な営業活動, §8(2)③)
 * - `missed_procedure`: a procedure or report not made in time (§8(2)④a)
 * - `serious_procedure`: false reports, improper acquisition or use of jobseeker data (§8(2)④b)
 * - `other`: any other breach of the terms (§8(2)⑤a)
 * - `serious_other`: any other breach judged highly malicious (悪質性が高い, §8(2)⑤b)
 * - `legal_order`: a licence revocation, business-suspension or improvement order under the
 *   Employment Security Act (§8(1))
 * - `fact_check`: a suspected violation whose facts take time to confirm (§8(3))
 *
 * @example
 * const category: ViolationCategory = 'excessive_sales';
 */
export type ViolationCategory =
  | 'misuse'
  | 'promotion'
  | 'excessive_sales'
  | 'missed_procedure'
  | 'serious_procedure'
  | 'other'
  | 'serious_other'
  | 'legal_order'
  | 'fact_check';

/**
 * A violation bureau staff are recording now.
 *
 * @example
 * const violation: Violation = { category: 'missed_procedure', recordedOn: '2027-11-21', notImprovedWithinSuspension: true };
 */
export type Violation = {
  category: ViolationCategory;
  /** The JST day it was recorded, `YYYY-MM-DD`. */
  recordedOn: string;
  /** For §8(2)④a: the six months' suspension passed and the procedure or report is still missing. */
  notImprovedWithinSuspension?: boolean;
};

/**
 * An earlier violation of the same agency and when its use of the service resumed.
 *
 * @example
 * const earlier: ViolationHistoryEntry = { category: 'misuse', recordedOn: '2026-04-01', resumedOn: '2026-10-01' };
 */
export type ViolationHistoryEntry = {
  category: ViolationCategory;
  recordedOn: string;
  /** The JST day use resumed after that violation's sanction; `null` while not resumed. */
  resumedOn: string | null;
};

/**
 * How long a suspension (利用停止) lasts: six months, until the bureau confirms the
 * correction (是正), or temporarily while the facts are checked.
 *
 * @example
 * const term: SuspensionTerm = { months: 6 };
 */
export type SuspensionTerm = { months: 6 } | 'until_corrected' | 'temporary';

/**
 * The sanction the terms set for a violation: a suspension, or revocation (利用解除), which
 * also bars a new application for three years (§8(4)). `basis` cites the clause, `reason`
 * is the Japanese text shown to bureau staff and the agency.
 *
 * @example
 * const sanction: Sanction = { kind: 'suspension', term: { months: 6 }, basis: '§8(2)②', reason: '…' };
 */
export type Sanction =
  { kind: 'suspension'; term: SuspensionTerm; basis: string; reason: string } | { kind: 'revocation'; basis: string; reason: string };

const SIX_MONTHS = { months: 6 } as const;

/**
 * Whether the agency already had a violation of `category` before this one and had been
 * allowed back before committing this one: the "again after resumption" that turns
 * §8(2)①, ③ and ④a into revocation.
 */
function repeatsAfterResumption(violation: Violation, history: ReadonlyArray<ViolationHistoryEntry>, category: ViolationCategory): boolean {
  return history.some(
    (earlier) =>
      earlier.category === category &&
      earlier.recordedOn < violation.recordedOn &&
      earlier.resumedOn !== null &&
      earlier.resumedOn <= violation.recordedOn,
  );
}

function suspend(term: SuspensionTerm, basis: string, reason: string): Sanction {
  return { kind: 'suspension', term, basis, reason };
}

function revoke(basis: string, reason: string): Sanction {
  return { kind: 'revocation', basis, reason };
}

/**
 * Proposes the sanction §8 sets for a recorded violation, given the agency's earlier
 * violations (R-SAN-1, §8). Bureau staff decide; this only says what the terms prescribe.
 *
 * - §8(2)① misuse: six months; revocation when it happens again after use resumed.
 * - §8(2)② promotion: six months.
 * - §8(2)③ excessive sales: until corrected; revocation when it happens again after use resumed.
 * - §8(2)④a missed procedure or report: six months; revocation when still not remedied
 *   after them, or when the same kind follows a resumption.
 * - §8(2)④b and ⑤b serious cases: revocation.
 * - §8(2)⑤a other breaches and §8(1) legal orders: until corrected.
 * - §8(3) facts under check: temporary suspension.
 *
 * @example
 * proposeSanction({ category: 'misuse', recordedOn: '2027-01-10' }, []);
 * // { kind: 'suspension', term: { months: 6 }, basis: '§8(2)①', reason: '求人情報の利用方法が不適切であることが…' }
 * proposeSanction(
 *   { category: 'misuse', recordedOn: '2028-01-10' },
 *   [{ category: 'misuse', recordedOn: '2027-01-10', resumedOn: '2027-07-10' }],
 * );
 * // { kind: 'revocation', basis: '§8(2)①', reason: '利用再開後、再度…' }
 */
export function proposeSanction(violation: Violation, history: ReadonlyArray<ViolationHistoryEntry>): Sanction {
  switch (violation.category) {
    case 'misuse':
      if (repeatsAfterResumption(violation, history, 'misuse')) {
        return revoke(
          '§8(2)①',
          '利用再開後、再度求人情報の不適切な利用（利用規約違反行為）を行ったため、求人・求職情報提供サービスの利用解除をします。',
        );
      }
      return suspend(
        SIX_MONTHS,
        '§8(2)①',
        '求人情報の利用方法が不適切であることが明らかになったため、一定期間（6か月）、求人・求職情報提供サービスを停止します。',
      );
    case 'promotion':
      return suspend(
        SIX_MONTHS,
        '§8(2)②',
        '求職者に対し、求職申込みに向けた案内送信等ではなく、各種面接会やセミナー等のサービスの一方的な宣伝的行為等、求職情報提供サービスの目的以外の行為が明らかになったため、一定期間（6か月）、求人・求職情報提供サービスを停止します。',
      );
    case 'excessive_sales':
      if (repeatsAfterResumption(violation, history, 'excessive_sales')) {
        return revoke(
          '§8(2)③',
          '利用再開後、再度過剰な営業活動（利用規約違反行為）を行ったため、求人・求職情報提供サービスの利用解除をします。',
        );
      }
      return suspend(
        'until_corrected',
        '§8(2)③',
        '過剰な営業活動によって、求職申込みをしたものの必要な支援を受けられない恐れが生じていることが明らかになったため、是正が確認されるまでの間、求人・求職情報提供サービスを停止します。',
      );
    case 'missed_procedure':
      if (violation.notImprovedWithinSuspension === true) {
        return revoke(
          '§8(2)④a',
          '停止後、一定期間（6か月）を過ぎても状況が改善されないため、求人・求職情報提供サービスの利用解除をします。',
        );
      }
      if (repeatsAfterResumption(violation, history, 'missed_procedure')) {
        return revoke(
          '§8(2)④a',
          '利用再開後に直ちに同種の利用規約違反行為（期間内に手続き・報告を行わないこと）を行ったため、求人・求職情報提供サービスの利用解除をします。',
        );
      }
      return suspend(
        SIX_MONTHS,
        '§8(2)④a',
        '期限の翌日から1か月を過ぎても手続き・報告がなされないため、一定期間（6か月）、求人・求職情報提供サービスを停止します。',
      );
    case 'serious_procedure':
      return revoke(
        '§8(2)④b',
        '虚偽の内容の報告、求職情報の不正な取得・利用等、悪質性が高いと判断されるため、求人・求職情報提供サービスの利用解除をします。',
      );
    case 'other':
      return suspend(
        'until_corrected',
        '§8(2)⑤a',
        '利用規約に違反した行為（本人が希望しないにもかかわらず在職中の会社に電話連絡等を行うなど）が明らかになったため、是正が確認されるまでの間、求人・求職情報提供サービスを停止します。',
      );
    case 'serious_other':
      return revoke('§8(2)⑤b', '利用規約に違反した行為のうち悪質性が高いと判断されるため、求人・求職情報提供サービスの利用解除をします。');
    case 'legal_order':
      return suspend(
        'until_corrected',
        '§8(1)',
        '職業安定法に基づく許可の取消し、事業停止命令又は改善命令を受けたため、是正が確認されるまでの間、求人・求職情報提供サービスを停止します。',
      );
    case 'fact_check':
      return suspend(
        'temporary',
        '§8(3)',
        '違反行為の事実関係の確認に時間を要するため、事実が確認されるまでの間、求人・求職情報提供サービスの利用を一時的に停止します。',
      );
  }
}
