import { useEffect, useState } from 'preact/hooks';
import { SeatCreateSchema, type SeatList } from '../../shared/schemas/seat';
import { addSeat, listSeats, removeSeat, type ApiContext } from '../utils/api';
import { t } from '../utils/i18n';
import { ApiProblem } from '../utils/problem';
import { formatJstDateTime } from '../utils/time';
import { ConfirmAction } from './ConfirmAction';
import { ProblemAlert } from './ProblemAlert';

/**
 * The organisation's staff seats (R-ORG-2, §9): who they are and what each did today. The liaison
 * officer adds a person with their own email and a first password to hand over, and removes
 * people who left (their sessions end at once), after saying so once more (ConfirmAction, keyboard-usable).
 * Names are shown as plain text.
 *
 * @example
 * <SeatManager ctx={ctx} />
 */
export function SeatManager({ ctx }: { ctx: ApiContext }) {
  const [list, setList] = useState<SeatList | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const guard = async (work: () => Promise<void>) => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    }
  };
  const reload = () => guard(async () => setList(await listSeats(ctx)));
  useEffect(() => void reload(), [ctx]);

  if (!list) return problem ? <ProblemAlert problem={problem} /> : <p role="status">{t('loading')}</p>;
  const live = list.items.filter((s) => s.removedAt === null);
  return (
    <section aria-labelledby="seats-title">
      <h2 id="seats-title">{t('seatsTitle')}</h2>
      <p>{t('seatsIntro')}</p>
      {problem && <ProblemAlert problem={problem} />}
      {done && <p role="status">{done}</p>}
      <table class="seats">
        <thead>
          <tr>
            <th scope="col">{t('seatName')}</th>
            <th scope="col">{t('seatEmail')}</th>
            <th scope="col">{t('seatTodaySends')}</th>
            <th scope="col">{t('seatTodayOpenings')}</th>
            {list.canManage && <th scope="col">{t('seatActions')}</th>}
          </tr>
        </thead>
        <tbody>
          {live.map((s) => (
            <tr key={s.id}>
              <td>
                {s.name}
                {s.role === 'liaison' && ` ${t('seatLiaisonMark')}`}
                {s.id === list.you && ` ${t('seatYouMark')}`}
              </td>
              <td>{s.email}</td>
              <td>{s.today.sends}</td>
              <td>{s.today.openings}</td>
              {list.canManage && (
                <td>
                  {s.role !== 'liaison' && (
                    <ConfirmAction
                      reader="agency"
                      danger
                      label={t('seatRemove')}
                      title={t('seatRemove')}
                      explanation={[t('seatRemoveConfirm', s.name)]}
                      confirmLabel={t('seatRemove')}
                      doneText={t('seatRemoved', s.name)}
                      onConfirm={async () => {
                        await removeSeat(ctx, s.id);
                        setDone(t('seatRemoved', s.name));
                        setList(await listSeats(ctx));
                      }}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {list.items.some((s) => s.removedAt !== null) && (
        <details>
          <summary>{t('seatsRemovedTitle')}</summary>
          <ul>
            {list.items
              .filter((s) => s.removedAt !== null)
              .map((s) => (
                <li key={s.id}>{t('seatRemovedLine', s.name, formatJstDateTime(s.removedAt!))}</li>
              ))}
          </ul>
        </details>
      )}
      {list.canManage && (
        <form
          class="seat-form"
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            const parsed = SeatCreateSchema.safeParse({ name, email, password });
            if (!parsed.success) {
              setInvalid(parsed.error.issues.map((i) => i.message).join(' '));
              return;
            }
            setInvalid(null);
            void guard(async () => {
              const seat = await addSeat(ctx, parsed.data);
              setDone(t('seatAdded', seat.name));
              setName('');
              setEmail('');
              setPassword('');
              setList(await listSeats(ctx));
            });
          }}
        >
          <h3>{t('seatAddTitle')}</h3>
          <label>
            {t('seatName')} <input required maxLength={100} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </label>{' '}
          <label>
            {t('seatEmail')} <input type="email" required value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
          </label>{' '}
          <label>
            {t('seatFirstPassword')}{' '}
            <input
              type="password"
              required
              minLength={12}
              maxLength={128}
              autocomplete="new-password"
              value={password}
              onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
            />
          </label>
          <p class="hint">{t('seatPasswordHint')}</p>
          {invalid && <p role="alert">{invalid}</p>}
          <button type="submit">{t('seatAdd')}</button>
        </form>
      )}
    </section>
  );
}
