import { formatJstDateTime } from '../../../shared/rules';
import type { MandatoryInformation, MandatoryInformationVersion } from '../../../shared/schemas';
import { occupationName, type OccupationMiddleCode } from '../../../shared/data/occupations';
import { industryName, type IndustryCode } from '../../../shared/data/industries';
import { prefectureName, type PrefectureCode } from '../../../shared/data/prefectures';
import { CONTACT_KIND_NAMES } from '../../lib/contact-details';

/**
 * The mandatory information as plain text (R-MSG-1, R-MSG-3): placement record, jobs handled,
 * fees to jobseekers, and the personal-information and complaints officer.
 *
 * @example mandatoryInformationText('株式会社みらい人材', { version: 2, acceptedAt, content });
 */
export function mandatoryInformationText(agencyName: string, info: MandatoryInformationVersion): string {
  const c: MandatoryInformation = info.content;
  const names = <T>(codes: readonly T[], name: (code: T) => string) => (codes.length ? codes.map(name).join('、') : '指定なし');
  const fees = c.feesToJobseekers.hasFees
    ? c.feesToJobseekers.text
    : `なし${c.feesToJobseekers.text.trim() ? `（${c.feesToJobseekers.text}）` : ''}`;
  return [
    `【${agencyName}の必須情報（第${info.version}版・${formatJstDateTime(Date.parse(info.acceptedAt))} 受理）】`,
    `■職業紹介の実績：${c.placementRecord.fiscalYear}年度 ${c.placementRecord.placements}件${c.placementRecord.summary.trim() ? `（${c.placementRecord.summary}）` : ''}`,
    `■取り扱う職種：${names(c.jobsHandled.occupations as OccupationMiddleCode[], occupationName)}`,
    `■取り扱う産業：${names(c.jobsHandled.industries as IndustryCode[], industryName)}`,
    `■取り扱う地域：${names(c.jobsHandled.prefectures as PrefectureCode[], prefectureName)}`,
    `■求職者から徴収する手数料：${fees}`,
    `■個人情報管理・苦情処理の責任者：${c.complaintsOfficer.name}（${CONTACT_KIND_NAMES[c.complaintsOfficer.contact.kind]}：${c.complaintsOfficer.contact.value}）`,
  ].join('\n');
}
