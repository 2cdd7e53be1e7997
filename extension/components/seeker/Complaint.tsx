import { useState } from 'preact/hooks';
import type { ApiContext } from '../../utils/api';
import { complainToBureau, listSeekerConversations } from '../../utils/seeker-api';
import { t } from '../../utils/i18n';
import { ApiProblem } from '../../utils/problem';
import { ProblemAlert } from '../ProblemAlert';
import { useLoad } from './use-load';

/**
 * A complaint to the bureau about an agency (R-CMP-1).
 *
 * @example
 * <Complaint ctx={ctx} />
 */
export function Complaint({ ctx }: { ctx: ApiContext }) {
  const { data } = useLoad(() => listSeekerConversations(ctx), []);
  const agencies = new Map((data?.items ?? []).map((c) => [c.agencyId, c.agencyName]));
  const [agencyId, setAgencyId] = useState('');
  const [content, setContent] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!agencyId || !content.trim()) return;
    setProblem(null);
    try {
      await complainToBureau(ctx, agencyId, content);
      setDone(true);
      setContent('');
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    }
  };
  return (
    <section aria-labelledby="complaint-heading">
      <h2 id="complaint-heading">{t('seekerComplaintTitle')}</h2>
      <p class="hint">{t('seekerComplaintHint')}</p>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <label for="complaint-agency">{t('seekerComplaintAgency')}</label>
        <select id="complaint-agency" required value={agencyId} onChange={(e) => setAgencyId((e.target as HTMLSelectElement).value)}>
          <option value="">{t('seekerComplaintChoose')}</option>
          {[...agencies].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <label for="complaint-text">{t('seekerComplaintContent')}</label>
        <textarea
          id="complaint-text"
          rows={5}
          required
          maxLength={4000}
          value={content}
          onInput={(e) => setContent((e.target as HTMLTextAreaElement).value)}
        />
        {problem && <ProblemAlert problem={problem} reader="seeker" />}
        <button type="submit" class="primary">
          {t('seekerComplaintSubmit')}
        </button>
        <p role="status">{done ? t('seekerComplaintDone') : ''}</p>
      </form>
    </section>
  );
}
