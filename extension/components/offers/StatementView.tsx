import type { EmployerStatement } from '../../../shared/schemas/job-desk';
import { t } from '../../utils/i18n';

/**
 * R-JOB-6: the statement for the employer as text ready to email, and as a printable page (the
 * parts under their headings; the print style sheet hides the rest of the dashboard).
 */
export function StatementView({ statement, onPrint = () => window.print() }: { statement: EmployerStatement; onPrint?: () => void }) {
  return (
    <section aria-labelledby="statement-heading" class="statement">
      <h3 id="statement-heading">{t('offersStatementTitle')}</h3>
      <label for="statement-subject">{t('offersStatementSubject')}</label>
      <input id="statement-subject" readOnly value={statement.subject} />
      <label for="statement-text">{t('offersStatementText')}</label>
      <textarea id="statement-text" readOnly rows={16} value={statement.text} />
      <button type="button" onClick={onPrint}>
        {t('offersStatementPrint')}
      </button>
      <article class="statement-print">
        <h4>{statement.subject}</h4>
        {statement.parts.map((p, i) => (
          <section key={p.key}>
            <h5>{`${i + 1}. ${p.heading}`}</h5>
            <p class="message-text">{p.body}</p>
          </section>
        ))}
      </article>
    </section>
  );
}
