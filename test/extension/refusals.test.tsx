/**
 * What a person sees when the worker refuses, and what the composer catches before sending —
 * rendered with the real components in happy-dom, in Japanese (the default locale).
 */
import { describe, expect, it, vi } from 'vitest';
import { Composer } from '../../extension/components/Composer';
import { MandatoryInfoCard } from '../../extension/components/MandatoryInfoCard';
import { ProblemAlert } from '../../extension/components/ProblemAlert';
import { QuotaMeter } from '../../extension/components/QuotaMeter';
import { StatusBanner } from '../../extension/components/StatusBanner';
import { MessageList } from '../../extension/components/ThreadView';
import { sendBlockedReason } from '../../extension/utils/send-blocked';
import { ApiProblem } from '../../extension/utils/problem';
import { DESCRIBED_CODES, describeProblem } from '../../extension/utils/refusal';
import type { ProblemDetails } from '../../shared/schemas/problem';
import type { MandatoryInformation } from '../../shared/schemas/agency-mandatory-information';
import { exampleMandatoryInformationShown } from '../../shared/schemas/examples';
import { agencyAccount } from './fake-worker';
import { button, labelled, mount, submit, type } from './dom';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function refusal(
  status: number,
  code: string,
  extras: Partial<ProblemDetails> & Record<string, unknown> = {},
  retryAfter: number | null = null,
) {
  const body = {
    type: `https://madoguchi.example/problems/${code}`,
    title: 'ワーカーのタイトル',
    status,
    detail: 'ワーカーの説明',
    code,
    ...extras,
  } as ProblemDetails;
  return new ApiProblem(status, code, body, retryAfter);
}

async function alertText(problem: ApiProblem, reader: 'agency' | 'seeker' = 'agency') {
  const root = await mount(<ProblemAlert problem={problem} reader={reader} />);
  const alert = root.querySelector('[role="alert"]');
  expect(alert).not.toBeNull();
  return alert!.textContent ?? '';
}

describe('refusal messages', () => {
  it('R-CAP-1 says the cap is reached with the count, the limit and the reset time in Japan time', async () => {
    const text = await alertText(refusal(429, 'cap_reached', { used: 1000, limit: 1000, resetsAt: '2026-11-27T15:00:00.000Z' }));
    expect(text).toContain('本日の送信上限に達しました');
    expect(text).toContain('1000通');
    expect(text).toContain('2026年11月28日 00:00（日本時間）から再び送信できます');
  });

  it('R-CAP-1 shows the quota meter with used of 1,000 and when it resets, and blocks sending once it is full', async () => {
    const quota = { day: '2026-11-27', used: 1000, limit: 1000, remaining: 0, resetsAt: '2026-11-27T15:00:00.000Z' };
    const root = await mount(<QuotaMeter quota={quota} />);
    expect(root.querySelector('meter')?.getAttribute('value')).toBe('1000');
    expect(root.textContent).toContain('1000 / 1000 通');
    expect(root.textContent).toContain('2026年11月28日 00:00にリセット');
    expect(sendBlockedReason(agencyAccount(), quota, new Date('2026-11-27T05:00:00.000Z'))).toContain(
      '2026年11月28日 00:00（日本時間）から再び送信できます',
    );
    // After the reset (and outside the night maintenance window) sending opens again.
    expect(sendBlockedReason(agencyAccount(), quota, new Date('2026-11-27T21:00:00.000Z'))).toBeNull();
  });

  it('R-BLOCK-1 tells the sender the jobseeker blocked them and nothing was sent', async () => {
    const text = await alertText(refusal(403, 'blocked_by_recipient'));
    expect(text).toContain('この求職者にはメッセージを送れません');
    expect(text).toContain('送信されていません');
  });

  it('R-MSG-4 explains a contact-details refusal and shows what the worker found', async () => {
    const found = '「電話番号（090-1111-2222）」が含まれています。';
    const text = await alertText(refusal(422, 'contact_details_not_allowed', { detail: found }));
    expect(text).toContain('メッセージに連絡先などが含まれています');
    expect(text).toContain('7(2)①ク');
    expect(text).toContain(found);
  });

  it('R-MSG-4 is polite to a jobseeker: names and contacts are exchanged outside the service', async () => {
    const text = await alertText(refusal(422, 'contact_details_not_allowed'), 'seeker');
    expect(text).toContain('お名前や連絡先はお送りできません');
    expect(text).toContain('サービスの外でお伝えください');
  });

  it('R-OPS-1 gives the time service returns during maintenance', async () => {
    const text = await alertText(refusal(503, 'maintenance', { reopensAt: '2026-11-27T21:00:00.000Z', retryAfter: 600 }, 600));
    expect(text).toContain('ただいまメンテナンス中です');
    expect(text).toContain('2026年11月28日 06:00（日本時間）まで');
    expect(text).toContain('保存されていない');
  });

  it('R-OPS-1 shows a maintenance banner with the reopening time, computed locally', async () => {
    const root = await mount(<StatusBanner agency={agencyAccount()} now={new Date('2026-11-30T13:00:00.000Z')} />);
    expect(root.textContent).toContain('メンテナンス中');
    expect(root.textContent).toContain('2026年12月1日 06:00（日本時間）に再開します');
    const open = await mount(<StatusBanner agency={agencyAccount()} now={new Date('2026-11-27T03:00:00.000Z')} />);
    expect(open.textContent).toBe('');
  });

  it('R-SAN-2 says the agency is suspended and until when', async () => {
    const text = await alertText(
      refusal(403, 'agency_suspended', { suspension: { reason: '報告なし', startsOn: '2026-11-27', endsOn: '2027-05-26', kind: 'fixed' } }),
    );
    expect(text).toContain('利用停止中です');
    expect(text).toContain('2027年5月26日まで');
  });

  it('R-SAN-2 shows 停止中 with reason and end, and says the data is deleted (R-RET-3)', async () => {
    const suspended = agencyAccount({
      status: 'suspended',
      suspension: { reason: '利用状況の報告がありません', startsOn: '2026-11-27', endsOn: '2027-05-26', kind: 'fixed' },
    });
    const root = await mount(<StatusBanner agency={suspended} now={new Date('2026-11-27T03:00:00.000Z')} />);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('停止中');
    expect(root.textContent).toContain('2027年5月26日まで');
    expect(root.textContent).toContain('理由: 利用状況の報告がありません');
    expect(root.textContent).toContain('削除されます');
    const revoked = await mount(
      <StatusBanner agency={agencyAccount({ status: 'revoked', revokedOn: '2026-11-20' })} now={new Date('2026-11-27T03:00:00.000Z')} />,
    );
    expect(revoked.textContent).toContain('2026年11月20日に利用解除されました');
  });

  it('R-RET-1 explains a 410 data_deleted answer', async () => {
    const text = await alertText(new ApiProblem(410, 'data_deleted', null));
    expect(text).toContain('この情報は削除されました');
    expect(text).toContain('もう一度取得することはできません');
  });

  it('R-OPS-2 asks to wait the Retry-After seconds', async () => {
    const text = await alertText(refusal(429, 'rate_limited', { retryAfter: 30 }, 30));
    expect(text).toContain('30秒ほど待って');
  });

  it('R-MSG-2 says a second first message must wait for the jobseeker', async () => {
    expect(await alertText(refusal(409, 'first_message_already_sent'))).toContain('求職者から返信があるまで');
  });

  it('every known problem code has its own Japanese title and detail', () => {
    for (const code of DESCRIBED_CODES) {
      const text = describeProblem(refusal(400, code, { used: 1, limit: 1, resetsAt: '2026-11-27T15:00:00.000Z' }, 5));
      expect(text.title, code).toMatch(JAPANESE);
      expect(text.detail, code).toMatch(JAPANESE);
      expect(text.title).not.toBe('ワーカーのタイトル');
    }
    expect(DESCRIBED_CODES).toEqual(
      expect.arrayContaining([
        'cap_reached',
        'blocked_by_recipient',
        'contact_details_not_allowed',
        'maintenance',
        'agency_suspended',
        'agency_revoked',
        'agency_withdrawn',
        'data_deleted',
        'rate_limited',
        'first_message_already_sent',
        'unauthenticated',
        'network_error',
      ]),
    );
  });

  it('falls back to the worker’s own Japanese for a code added later', async () => {
    const text = await alertText(refusal(409, 'some_new_rule', { title: '新しい規則', detail: '新しい規則により処理できません。' }));
    expect(text).toContain('新しい規則により処理できません。');
  });

  it('says plainly when the worker cannot be reached', async () => {
    expect(await alertText(new ApiProblem(0, 'network_error', null))).toContain('サーバーに接続できません');
  });
});

describe('composer', () => {
  it('R-MSG-5 warns as the agency types, and the warning does not stop the send', async () => {
    const onSend = vi.fn(async () => undefined);
    const root = await mount(<Composer reader="agency" label="本文" submitLabel="送信する" onSend={onSend} />);
    const textarea = labelled(root, '本文');
    await type(textarea, '来週のセミナーにぜひご参加ください。');
    const warnings = root.querySelector('[data-testid="lint-warnings"]');
    expect(warnings?.querySelector('[data-kind="seminar_promotion"]')?.textContent).toContain('8(2)②');
    expect(warnings?.querySelector('mark')?.textContent).toBe('セミナー');

    await type(textarea, '派遣会社への登録もお願いします。有料の講座もご案内します。');
    const kinds = [...root.querySelectorAll('[data-kind]')].map((li) => li.getAttribute('data-kind'));
    expect(kinds).toEqual(expect.arrayContaining(['dispatch_registration']));

    await submit(root.querySelector('form'));
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it('R-MSG-5 stays silent for ordinary recruitment text', async () => {
    const root = await mount(<Composer reader="agency" label="本文" submitLabel="送信する" onSend={async () => undefined} />);
    await type(labelled(root, '本文'), '介護職の求人があります。面接日程をご相談させてください。');
    expect(root.querySelector('[data-testid="lint-warnings"]')).toBeNull();
  });

  it('R-MSG-4 stops an agency’s message with an unregistered contact before sending, and lets its registered one pass', async () => {
    const onSend = vi.fn(async () => undefined);
    const registered = agencyAccount().contactMethods;
    const root = await mount(<Composer reader="agency" label="本文" submitLabel="送信する" registered={registered} onSend={onSend} />);
    const textarea = labelled(root, '本文');

    await type(textarea, '担当の携帯 090-1111-2222 までお電話ください。');
    await submit(root.querySelector('form'));
    expect(onSend).not.toHaveBeenCalled();
    const findings = root.querySelector('[data-testid="contact-findings"]');
    expect(findings?.getAttribute('role')).toBe('alert');
    expect(findings?.textContent).toContain('電話番号（090-1111-2222）');
    expect(textarea?.getAttribute('aria-invalid')).toBe('true');

    await type(textarea, 'ご不明点は 03-1234-5678 または https://mirai.example.jp/contact までどうぞ。');
    await submit(root.querySelector('form'));
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it('R-MSG-4 catches a jobseeker’s email address with a polite explanation and sends nothing', async () => {
    const onSend = vi.fn(async () => undefined);
    const root = await mount(<Composer reader="seeker" label="質問" submitLabel="送る" onSend={onSend} />);
    await type(labelled(root, '質問'), 'taro.yamada@example.com に連絡ください');
    await submit(root.querySelector('form'));
    expect(onSend).not.toHaveBeenCalled();
    const text = root.querySelector('[data-testid="contact-findings"]')?.textContent ?? '';
    expect(text).toContain('メールアドレス');
    expect(text).toContain('お手数ですが');
    // Jobseekers get no promotion warnings: those rules bind agencies.
    await type(labelled(root, '質問'), 'セミナーに参加したいです。');
    expect(root.querySelector('[data-testid="lint-warnings"]')).toBeNull();
  });

  it('R-CAP-2 retries a failed send with the same idempotency key, and a changed text gets a new one', async () => {
    const keys: string[] = [];
    let fail = true;
    const onSend = vi.fn(async (_body: string, key: string) => {
      keys.push(key);
      if (fail) throw new ApiProblem(0, 'network_error', null);
    });
    const root = await mount(<Composer reader="agency" label="本文" submitLabel="送信する" onSend={onSend} />);
    await type(labelled(root, '本文'), 'はじめまして。');
    await submit(root.querySelector('form'));
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('サーバーに接続できません');
    fail = false;
    await submit(root.querySelector('form'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    await type(labelled(root, '本文'), '二通目です。');
    await submit(root.querySelector('form'));
    expect(keys[2]).not.toBe(keys[0]);
    expect(root.textContent).toContain('送信しました。');
  });

  it('R-OPS-1 disables sending with the reason while service is closed, queueing nothing', async () => {
    const onSend = vi.fn(async () => undefined);
    const reason = sendBlockedReason(agencyAccount(), null, new Date('2026-11-27T16:00:00.000Z'))!;
    const root = await mount(<Composer reader="agency" label="本文" submitLabel="送信する" onSend={onSend} disabledReason={reason} />);
    await type(labelled(root, '本文'), 'はじめまして。');
    expect(button(root, '送信する')?.disabled).toBe(true);
    expect(root.textContent).toContain('2026年11月28日 06:00（日本時間）に再開します');
    await submit(root.querySelector('form'));
    expect(onSend).not.toHaveBeenCalled();
  });
});

describe('plain-text rendering', () => {
  const markup = '<img src=x onerror="alert(1)"><b>太字</b><script>alert(2)</script>\n二行目';

  it('R-MSG-6 shows message bodies as text: markup stays visible characters and creates no elements', async () => {
    const root = await mount(
      <MessageList
        agencyName="株式会社みらい人材"
        messages={[{ id: 'm1', conversationId: 'cv_1', from: 'seeker', kind: 'reply', body: markup, sentAt: '2026-11-27T03:00:00.000Z' }]}
      />,
    );
    const body = root.querySelector('.message-text');
    expect(body?.textContent).toBe(markup);
    expect(root.querySelector('img, b, script')).toBeNull();
    expect(body?.innerHTML).toContain('&lt;img');
  });

  it('R-MSG-6 shows the mandatory information as text too', async () => {
    const info = structuredClone(exampleMandatoryInformationShown) as unknown as MandatoryInformation;
    info.placementRecord.summary = markup;
    const root = await mount(<MandatoryInfoCard info={info} agencyName="<i>社名</i>" />);
    expect(root.querySelector('img, b, script, i')).toBeNull();
    expect(root.textContent).toContain('<b>太字</b>');
    expect(root.textContent).toContain('<i>社名</i>');
  });

  it('R-MSG-1 shows every part of the mandatory information by its Japanese names', async () => {
    const info = structuredClone(exampleMandatoryInformationShown) as unknown as MandatoryInformation;
    const root = await mount(<MandatoryInfoCard info={info} agencyName="株式会社みらい人材" version={1} />);
    const text = root.textContent ?? '';
    for (const part of [
      '職業紹介の実績',
      '2025年度 常用就職 42件',
      '施設介護の職業',
      '医療，福祉',
      '東京都',
      '神奈川県',
      '求職者から受け取る手数料',
      'なし',
      '個人情報管理・苦情の責任者',
      '山田 花子',
      '電話: 03-1234-5678',
    ]) {
      expect(text).toContain(part);
    }
  });
});
