import { serverNow } from '../utils/server-time';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgencyAccount } from '../../shared/schemas/agency-account';
import { openProfile, recordAcceptance, sendFirstContact, type ApiContext } from '../utils/api';
import { storeAcceptance, storeOpenedProfile } from '../utils/acquisitions';
import { db } from '../utils/db';
import { storeQuota } from '../utils/summary';
import { t } from '../utils/i18n';
import {
  ageBandLabel,
  educationLabel,
  employmentTypeLabel,
  industryLabel,
  occupationLabel,
  prefectureLabel,
  wageLabel,
} from '../utils/labels';
import { ApiProblem } from '../utils/problem';
import type { AccountKey } from '../utils/session';
import { formatDate, todayJst } from '../utils/time';
import { Composer } from './Composer';
import { useLiveQuery } from './live-query';
import { MandatoryInfoCard } from './MandatoryInfoCard';
import { MessageText } from './MessageText';
import { ProblemAlert } from './ProblemAlert';

/**
 * One profile: opened from the worker (which records the acquisition, R-RET-1) or shown from the
 * local copy, with its acquisition date and retention deadline; 求職受理 recorded with its date
 * (R-RET-2); and the first contact, previewed with the mandatory information exactly as the
 * jobseeker will see it (R-MSG-1).
 *
 * @example
 * <ProfileView ctx={ctx} account={account} agency={me} profileId={id} onProblem={…} onThread={…} sendBlocked={null} />
 */
export function ProfileView({
  ctx,
  account,
  agency,
  profileId,
  onProblem,
  onThread,
  sendBlocked,
}: {
  ctx: ApiContext;
  account: AccountKey;
  agency: AgencyAccount | null;
  profileId: string;
  onProblem: (problem: ApiProblem, profileId?: string) => void;
  onThread: (conversationId: string) => void;
  sendBlocked: string | null;
}) {
  const stored = useLiveQuery(() => db.profiles.get([account, profileId]), [account, profileId], undefined);
  const acquisition = useLiveQuery(() => db.acquisitions.get([account, profileId]), [account, profileId], undefined);
  const conversation = useLiveQuery(
    () => db.conversations.where('[account+profileId]').equals([account, profileId]).first(),
    [account, profileId],
    undefined,
  );
  const templates = useLiveQuery(() => db.templates.where('account').equals(account).toArray(), [account], []);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loading, setLoading] = useState(false);
  const [acceptedOn, setAcceptedOn] = useState(() => todayJst());
  const [acceptNote, setAcceptNote] = useState<string | null>(null);
  // R-APP-5: whether fees were explained before the acceptance, or none are charged; chosen each time.
  const [feeKind, setFeeKind] = useState<'explained' | 'none_charged' | null>(null);
  const [feesExplainedOn, setFeesExplainedOn] = useState(() => todayJst());

  useEffect(() => {
    let live = true;
    void (async () => {
      if (await db.profiles.get([account, profileId])) return;
      setLoading(true);
      try {
        const opened = await openProfile(ctx, profileId);
        if (live) await storeOpenedProfile(opened, { account, now: serverNow() });
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        if (live) setProblem(error);
        onProblem(error, profileId);
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [account, profileId]);

  const accept = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    try {
      const fees = feeKind === 'explained' ? { kind: feeKind, explainedOn: feesExplainedOn } : feeKind ? { kind: feeKind } : undefined;
      const result = await recordAcceptance(ctx, profileId, acceptedOn, fees);
      const record = await storeAcceptance(result, { account, now: serverNow() });
      setAcceptNote(
        result.extended
          ? t('acceptanceExtended', formatDate(record.retentionDeadline))
          : t('acceptanceNotExtended', formatDate(record.retentionDeadline)),
      );
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
      onProblem(error, profileId);
    }
  };

  const profile = stored?.profile;
  const info = agency?.mandatoryInformation;
  // Seen once, then gone: a block, a deletion request or an expiry removed it while it was open.
  const seen = useRef(false);
  if (profile) seen.current = true;
  const deletedWhileOpen = seen.current && !profile;
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profileTitle', profileId)}</h2>
      {loading && <p role="status">{t('loading')}</p>}
      {deletedWhileOpen && (
        <p class="alert alert-problem" role="alert">
          {t('profileDeletedNow')}
        </p>
      )}
      {problem && <ProblemAlert problem={problem} />}
      {acquisition && (
        <div class="acquisition" role="note">
          <p>
            {t('profileAcquiredOn', formatDate(acquisition.acquiredOn))}
            {acquisition.acceptedOn ? ` ／ ${t('profileAcceptedOn', formatDate(acquisition.acceptedOn))}` : ''}
          </p>
          <p>
            <strong>{t('profileDeadline', formatDate(acquisition.retentionDeadline))}</strong>{' '}
            {acquisition.acceptedOn ? t('profileDeadlineAcceptedRule') : t('profileDeadlineRule')}
          </p>
        </div>
      )}
      {profile && (
        <dl class="profile">
          <dt>{t('profileOccupations')}</dt>
          <dd>{profile.occupations.map(occupationLabel).join('、')}</dd>
          {profile.industries.length > 0 && (
            <>
              <dt>{t('profileIndustries')}</dt>
              <dd>{profile.industries.map(industryLabel).join('、')}</dd>
            </>
          )}
          <dt>{t('profileAreas')}</dt>
          <dd>{profile.areas.map((a) => prefectureLabel(a.prefecture) + (a.municipality ? ` (${a.municipality})` : '')).join('、')}</dd>
          <dt>{t('profileEmploymentTypes')}</dt>
          <dd>{profile.employmentTypes.map(employmentTypeLabel).join('、')}</dd>
          <dt>{t('profileWage')}</dt>
          <dd>{wageLabel(profile.wage)}</dd>
          <dt>{t('profileHours')}</dt>
          <dd>
            {[
              profile.hours.perWeek ? t('profileHoursPerWeek', profile.hours.perWeek) : '',
              profile.hours.start && profile.hours.end ? `${profile.hours.start}〜${profile.hours.end}` : '',
              profile.hours.shift ? t('profileShiftOk') : '',
              profile.hours.overtimeOk ? t('profileOvertimeOk') : '',
            ]
              .filter(Boolean)
              .join(' ／ ') || '—'}
          </dd>
          <dt>{t('profileAgeBand')}</dt>
          <dd>{ageBandLabel(profile.ageBand)}</dd>
          <dt>{t('profileQualifications')}</dt>
          <dd>{profile.qualifications.join('、') || '—'}</dd>
          <dt>{t('profileExperience')}</dt>
          <dd>{profile.experience.map((x) => t('profileExperienceItem', occupationLabel(x.occupation), x.years)).join('、') || '—'}</dd>
          <dt>{t('profileEducation')}</dt>
          <dd>{educationLabel(profile.education)}</dd>
          <dt>{t('profileSelfIntroduction')}</dt>
          <dd>
            <MessageText body={profile.selfIntroduction || '—'} />
          </dd>
          <dt>{t('profileDates')}</dt>
          <dd>{t('profileDatesValue', formatDate(profile.publishedOn), formatDate(profile.updatedOn))}</dd>
        </dl>
      )}
      {acquisition && (
        <form class="acceptance" onSubmit={(e) => void accept(e)}>
          <h3>{t('acceptanceTitle')}</h3>
          <p class="hint">{t('acceptanceHint')}</p>
          <label for="accepted-on">{t('acceptanceDate')}</label>{' '}
          <input
            id="accepted-on"
            type="date"
            required
            min={acquisition.acquiredOn}
            max={todayJst()}
            value={acceptedOn}
            onInput={(e) => setAcceptedOn((e.target as HTMLInputElement).value)}
          />
          <fieldset>
            <legend>{t('acceptanceFees')}</legend>
            <label>
              <input
                type="radio"
                name="fees"
                value="explained"
                required
                checked={feeKind === 'explained'}
                onChange={() => setFeeKind('explained')}
              />{' '}
              {t('acceptanceFeesExplained')}
            </label>{' '}
            <label for="fees-explained-on">{t('acceptanceFeesExplainedOn')}</label>{' '}
            <input
              id="fees-explained-on"
              type="date"
              required={feeKind === 'explained'}
              disabled={feeKind !== 'explained'}
              max={acceptedOn}
              value={feesExplainedOn}
              onInput={(e) => setFeesExplainedOn((e.target as HTMLInputElement).value)}
            />
            <br />
            <label>
              <input
                type="radio"
                name="fees"
                value="none_charged"
                required
                checked={feeKind === 'none_charged'}
                onChange={() => setFeeKind('none_charged')}
              />{' '}
              {t('acceptanceFeesNone')}
            </label>
          </fieldset>
          <button type="submit">{t('acceptanceSubmit')}</button>
          <p role="status">{acceptNote ?? ''}</p>
        </form>
      )}
      {profile && conversation && (
        <p>
          <button type="button" onClick={() => onThread(conversation.id)}>
            {t('profileOpenThread')}
          </button>
        </p>
      )}
      {profile && !conversation && (
        <section aria-labelledby="first-contact-heading">
          <h3 id="first-contact-heading">{t('firstContactTitle')}</h3>
          <p class="hint">{t('firstContactHint')}</p>
          {info ? (
            <Composer
              reader="agency"
              id="first-contact"
              label={t('firstContactBody')}
              submitLabel={t('firstContactSend')}
              registered={agency?.contactMethods ?? []}
              disabledReason={sendBlocked}
              templates={templates}
              onSaveTemplate={async (name, body) => {
                await db.templates.add({ account, name, body, updatedAt: serverNow().toISOString() });
              }}
              onSend={async (body, idempotencyKey) => {
                try {
                  const result = await sendFirstContact(ctx, { profileId, body, idempotencyKey });
                  await storeQuota(account, result.quota);
                  onThread(result.conversationId);
                } catch (error) {
                  if (error instanceof ApiProblem) onProblem(error, profileId);
                  throw error;
                }
              }}
              preview={(body) => (
                <article class="seeker-view" aria-label={t('firstContactPreview')}>
                  <h4>{t('firstContactPreview')}</h4>
                  <p class="muted">{agency?.name}</p>
                  {body.trim() ? <MessageText body={body} /> : <p class="hint">{t('firstContactPreviewEmpty')}</p>}
                  <MandatoryInfoCard info={info.content} agencyName={agency?.name} headingLevel={4} version={info.version} />
                </article>
              )}
            />
          ) : (
            <p class="hint">{t('firstContactNoMandatory')}</p>
          )}
        </section>
      )}
    </section>
  );
}
