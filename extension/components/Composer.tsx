import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { describeFindings, type Finding } from '../../shared/rules/contact-details';
import { lintMessage } from '../../shared/rules/message-lint';
import type { ContactMethod } from '../../shared/schemas/agency';
import { MESSAGE_MAX_LENGTH } from '../../shared/schemas/message-limits';
import { agencyContactFindings, newIdempotencyKey, seekerContactFindings } from '../utils/compose';
import { t } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import type { Reader } from '../utils/refusal';
import { ContactCheck } from './ContactCheck';
import { ProblemAlert } from './ProblemAlert';

/** A saved message text the composer can start from. */
export type ComposerTemplate = { id?: number; name: string; body: string };

/**
 * Writing a message. For an agency, warnings as it types for text that looks like what the terms
 * forbid (R-MSG-5: one-sided promotion, steering toward dispatch registration, paid side services
 * — warnings, not refusals). As anyone types, once typing pauses, the contact-details detector the
 * worker uses shows what it finds ({@link ContactCheck}, R-MSG-4). Before sending, contact details are looked for (R-MSG-4): the
 * agency's registered contact methods pass, anything else stops the send with a Japanese
 * explanation; the worker still decides. A send keeps its idempotency key until it succeeds or the
 * text changes, so a retry after a network failure is delivered once (R-CAP-2). Disabled, with the
 * reason, while sending is not possible (maintenance, suspension).
 *
 * @example
 * <Composer reader="agency" registered={me.contactMethods} onSend={(body, key) => sendAgencyReply(ctx, id, { body, idempotencyKey: key })} />
 */
export function Composer({
  reader,
  id = 'composer',
  label,
  submitLabel,
  registered = [],
  onSend,
  disabledReason,
  templates,
  onSaveTemplate,
  preview,
}: {
  reader: Reader;
  id?: string;
  label: string;
  submitLabel: string;
  registered?: readonly ContactMethod[];
  onSend: (body: string, idempotencyKey: string) => Promise<void>;
  disabledReason?: string | null;
  templates?: ComposerTemplate[];
  onSaveTemplate?: (name: string, body: string) => Promise<void>;
  preview?: (body: string) => ComponentChildren;
}) {
  const [body, setBody] = useState('');
  const [key, setKey] = useState(() => newIdempotencyKey(reader === 'agency' ? 'fc' : 'rp'));
  const [findings, setFindings] = useState<Finding[]>([]);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [templateName, setTemplateName] = useState('');
  const warnings = useMemo(() => (reader === 'agency' ? lintMessage(body) : []), [body, reader]);

  const edit = (text: string) => {
    setBody(text);
    setFindings([]);
    setSent(false);
    // A different text is a different message: it must not reuse the key of an earlier attempt.
    setKey(newIdempotencyKey(reader === 'agency' ? 'fc' : 'rp'));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!body.trim() || busy || disabledReason) return;
    const found = reader === 'agency' ? agencyContactFindings(body, registered) : seekerContactFindings(body);
    setFindings(found);
    setProblem(null);
    if (found.length) return;
    setBusy(true);
    try {
      await onSend(body, key);
      setBody('');
      setKey(newIdempotencyKey(reader === 'agency' ? 'fc' : 'rp'));
      setSent(true);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const textareaId = `${id}-body`;
  const describedBy = [`${id}-count`, `${id}-contacts`, warnings.length ? `${id}-warnings` : '', findings.length ? `${id}-findings` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <form class="composer" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-label`}>
      {templates && templates.length > 0 && (
        <p>
          <label for={`${id}-template`}>{t('composeTemplate')}</label>{' '}
          <select
            id={`${id}-template`}
            value=""
            onChange={(e) => {
              const chosen = templates.find((tpl) => String(tpl.id) === (e.target as HTMLSelectElement).value);
              if (chosen) edit(chosen.body);
            }}
          >
            <option value="">{t('composeTemplateChoose')}</option>
            {templates.map((tpl) => (
              <option key={tpl.id} value={String(tpl.id)}>
                {tpl.name}
              </option>
            ))}
          </select>
        </p>
      )}
      <label id={`${id}-label`} for={textareaId}>
        {label}
      </label>
      <textarea
        id={textareaId}
        rows={8}
        maxLength={MESSAGE_MAX_LENGTH}
        value={body}
        aria-describedby={describedBy}
        aria-invalid={findings.length > 0}
        onInput={(e) => edit((e.target as HTMLTextAreaElement).value)}
      />
      <p id={`${id}-count`} class="hint">
        {t('composeCount', body.length, MESSAGE_MAX_LENGTH)}
      </p>
      <ContactCheck id={`${id}-contacts`} text={body} reader={reader} registered={registered} silent={findings.length > 0} />
      <div id={`${id}-warnings`} aria-live="polite">
        {warnings.length > 0 && (
          <div class="alert alert-warning" data-testid="lint-warnings">
            <p class="alert-title">{t('composeWarningsTitle')}</p>
            <ul>
              {warnings.map((w) => (
                <li key={`${w.kind}-${w.start}`} data-kind={w.kind}>
                  <mark>{w.text}</mark>: {w.message}
                </li>
              ))}
            </ul>
            <p class="hint">{t('composeWarningsHint')}</p>
          </div>
        )}
      </div>
      {findings.length > 0 && (
        <div id={`${id}-findings`} class="alert alert-problem" role="alert" data-testid="contact-findings">
          <p class="alert-title">{t(reader === 'seeker' ? 'refusalContactSeekerTitle' : 'refusalContactAgencyTitle')}</p>
          <p>{describeFindings(findings)}</p>
          <p>{t(reader === 'seeker' ? 'refusalContactSeeker' : 'refusalContactAgency')}</p>
        </div>
      )}
      {problem && <ProblemAlert problem={problem} reader={reader} />}
      {preview && <div class="preview">{preview(body)}</div>}
      {disabledReason && (
        <p class="hint" role="status">
          {disabledReason}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy || !body.trim() || Boolean(disabledReason)}>
          {busy ? t('composeSending') : submitLabel}
        </button>
        {onSaveTemplate && (
          <span class="template-save">
            {' '}
            <label for={`${id}-template-name`}>{t('composeTemplateName')}</label>{' '}
            <input
              id={`${id}-template-name`}
              value={templateName}
              maxLength={60}
              onInput={(e) => setTemplateName((e.target as HTMLInputElement).value)}
            />{' '}
            <button
              type="button"
              disabled={!templateName.trim() || !body.trim()}
              onClick={() => void onSaveTemplate(templateName.trim(), body).then(() => setTemplateName(''))}
            >
              {t('composeTemplateSave')}
            </button>
          </span>
        )}
      </div>
      <p role="status" aria-live="polite">
        {sent ? t('composeSent') : ''}
      </p>
    </form>
  );
}
