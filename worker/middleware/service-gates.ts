/**
 * Which agencies reach which service's data (R-SAN-2, R-FEED-3, R-JOB-1, R-TERM-1): an active
 * agency admitted to that service, and for the jobseeker service one whose term has not ended.
 * Each gate throws the refusal the agency's extension explains.
 */
import type { Context } from 'hono';
import { jstDate, termEnded } from '../../shared/rules';
import type { AppEnv } from '../lib/context';
import { ApiError } from '../lib/problem';

/**
 * R-FEED-3, R-SAN-2: only an active agency admitted to the jobseeker service reaches jobseeker data.
 */
export function requireJobseekerService(c: Context<AppEnv>): void {
  const a = c.var.agency;
  if (a.status === 'suspended') {
    throw new ApiError(
      'agency_suspended',
      `利用停止中のため、求職者情報は利用できません。${a.suspension?.endsOn ? `停止期間は${a.suspension.endsOn}までです。` : ''}`,
      { suspension: a.suspension },
    );
  }
  if (a.status !== 'active')
    throw new ApiError(
      `agency_${a.status}` as const,
      a.status === 'revoked' ? '利用解除されたため、求職者情報は利用できません。' : '退会済みのため、求職者情報は利用できません。',
      {},
      { title: '利用できません' },
    );
  if (!a.services.includes('jobseeker')) throw new ApiError('service_not_admitted', '求職情報提供サービスの利用申請が受理されていません。');
  // R-TERM-1: the day after the term's last day, without an accepted renewal, the service stops.
  if (a.term && termEnded(a.term.endsOn, jstDate(c.var.now))) {
    throw new ApiError(
      'term_expired',
      `求職情報提供サービスの利用期限（${a.term.endsOn}）が過ぎ、更新申請が受理されていないため、求職者情報は利用できません。受け取った求職者情報はすべて削除されます（利用規約§2(2)）。`,
      { term: a.term },
    );
  }
}

/**
 * R-JOB-1, R-SAN-2: only an active agency admitted to the job-offer service reaches offers; any of
 * the four licence kinds (R-ELIG-1), schools included.
 */
export function requireJobOfferService(c: Context<AppEnv>): void {
  const a = c.var.agency;
  if (a.status === 'suspended') {
    throw new ApiError(
      'agency_suspended',
      `利用停止中のため、求人情報は利用できません。${a.suspension?.endsOn ? `停止期間は${a.suspension.endsOn}までです。` : ''}`,
      { suspension: a.suspension },
      { status: 403, title: '利用停止中です' },
    );
  }
  if (a.status !== 'active')
    throw new ApiError(
      `agency_${a.status}`,
      a.status === 'revoked' ? '利用解除されたため、求人情報は利用できません。' : '退会済みのため、求人情報は利用できません。',
      {},
      { status: 403, title: '利用できません' },
    );
  if (!a.services.includes('job_offer'))
    throw new ApiError(
      'service_not_admitted',
      '求人情報提供サービスの利用申請が受理されていません。',
      {},
      { status: 403, title: '求人情報提供サービスの利用者ではありません' },
    );
}
