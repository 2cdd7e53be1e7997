import { industryName } from '../../shared/data/industries';
import { occupationName } from '../../shared/data/occupations';
import { prefectureName } from '../../shared/data/prefectures';
import type { MandatoryInformation } from '../../shared/schemas/agency-mandatory-information';
import { t } from '../utils/i18n';

function contactText(contact: MandatoryInformation['complaintsOfficer']['contact']): string {
  const label = { email: t('contactEmail'), phone: t('contactPhone'), url: t('contactUrl'), postal: t('contactPostal') }[contact.kind];
  return `${label}: ${contact.value}`;
}

/**
 * 必須情報 — the mandatory information the system attaches to a first contact (R-MSG-1), as the
 * jobseeker sees it: placement record, jobs handled, fees to jobseekers, and the
 * personal-information and complaints officer with a contact. Text only (R-MSG-6).
 *
 * @example
 * <MandatoryInfoCard info={me.mandatoryInformation.content} agencyName={me.name} />
 */
export function MandatoryInfoCard({
  info,
  agencyName,
  headingLevel = 3,
  version,
}: {
  info: MandatoryInformation;
  agencyName?: string;
  headingLevel?: 2 | 3 | 4;
  version?: number;
}) {
  const H = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  return (
    <section class="mandatory-card" aria-label={t('mandatoryTitle')}>
      <H>
        {t('mandatoryTitle')}
        {agencyName ? ` — ${agencyName}` : ''}
        {version ? ` (${t('mandatoryVersion', version)})` : ''}
      </H>
      <dl>
        <dt>{t('mandatoryPlacementRecord')}</dt>
        <dd>
          {t('mandatoryPlacements', info.placementRecord.fiscalYear, info.placementRecord.placements)}
          {info.placementRecord.summary && <span class="block">{info.placementRecord.summary}</span>}
        </dd>
        <dt>{t('mandatoryJobsHandled')}</dt>
        <dd>
          <span class="block">
            {t('mandatoryOccupations')}: {info.jobsHandled.occupations.map(occupationName).join('、')}
          </span>
          {info.jobsHandled.industries.length > 0 && (
            <span class="block">
              {t('mandatoryIndustries')}: {info.jobsHandled.industries.map(industryName).join('、')}
            </span>
          )}
          <span class="block">
            {t('mandatoryRegions')}: {info.jobsHandled.prefectures.map(prefectureName).join('、')}
          </span>
        </dd>
        <dt>{t('mandatoryFees')}</dt>
        <dd>
          {info.feesToJobseekers.hasFees ? t('mandatoryFeesYes') : t('mandatoryFeesNo')}
          {info.feesToJobseekers.text && <span class="block">{info.feesToJobseekers.text}</span>}
        </dd>
        <dt>{t('mandatoryOfficer')}</dt>
        <dd>
          <span class="block">{info.complaintsOfficer.name}</span>
          <span class="block">{contactText(info.complaintsOfficer.contact)}</span>
        </dd>
      </dl>
    </section>
  );
}
