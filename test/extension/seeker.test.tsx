/**
 * The jobseeker's popup (R-SEC-6, R-MSG-*, R-BLOCK-*): sign-in and activation, the inbox and a thread with the
 * agency's mandatory information, asking with contact details caught politely, block and unblock,
 * deletion requests and their outcome, who holds the data, a complaint, leaving the feed, and the
 * unread badge. Real components in happy-dom; the worker is a fake `fetch`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Popup } from '../../extension/components/Popup';
import { SeekerApp } from '../../extension/components/seeker/SeekerApp';
import { SeekerSignIn } from '../../extension/components/seeker/SeekerSignIn';
import type { ApiContext } from '../../extension/utils/api';
import { pollRound } from '../../extension/utils/poller';
import { accountKey, getSession, setSession, type Session } from '../../extension/utils/session';
import type { Conversation, ConversationThread } from '../../shared/schemas/message';
import { AGENCY_ID, FakeWorker, WORKER, dataHolder, problem } from './fake-worker';
import { button, click, labelled, mount, settle, submit, type } from './dom';

const PROFILE = '13-7K3QM2XPA9';
const SEEKER_TOKEN = `s.${PROFILE}.${'y'.repeat(32)}`;
const session: Session = {
  role: 'seeker',
  accountId: PROFILE,
  account: accountKey('seeker', PROFILE),
  token: SEEKER_TOKEN,
  expiresAt: '2099-01-01T00:00:00.000Z',
  displayName: PROFILE,
};

let w: FakeWorker;
let ctx: ApiContext;

function conversationFor(worker: FakeWorker, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'cv_1',
    agencyId: AGENCY_ID,
    agencyName: '株式会社みらい人材',
    profileId: PROFILE,
    state: 'awaiting_seeker',
    mandatoryInformationVersion: 2,
    mandatoryInformationVersionSeen: 1,
    unread: 2,
    lastMessageAt: '2026-11-27T02:00:00.000Z',
    ...overrides,
  };
}

function seedThread(worker: FakeWorker): ConversationThread {
  const conversation = conversationFor(worker);
  const v1 = worker.agency.mandatoryInformation!;
  const v2 = {
    ...v1,
    version: 2,
    content: { ...v1.content, feesToJobseekers: { hasFees: true, text: '就職決定時に2万円をいただきます。' } },
  };
  const thread: ConversationThread = {
    conversation,
    mandatoryInformation: v2,
    messages: [
      {
        id: 'm1',
        conversationId: 'cv_1',
        from: 'agency',
        kind: 'first_contact',
        body: 'はじめまして。介護職の求人をご紹介できます。',
        sentAt: '2026-11-27T01:00:00.000Z',
        mandatoryInformation: v1,
      },
      {
        id: 'm2',
        conversationId: 'cv_1',
        from: 'system',
        kind: 'notice',
        body: '事業者の必須情報が変更されました。',
        sentAt: '2026-11-27T02:00:00.000Z',
        mandatoryInformation: v2,
      },
    ],
  };
  worker.seeker.conversations = [conversation];
  worker.seeker.threads.set('cv_1', thread);
  return thread;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T03:00:00.000Z') });
  w = new FakeWorker();
  ctx = { baseUrl: WORKER, token: SEEKER_TOKEN, fetch: w.fetch };
  await fakeBrowser.storage.local.set({ workerUrl: WORKER });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('jobseeker sign-in', () => {
  it('activates with the code from Hello Work, checking the passphrase twice', async () => {
    const root = await mount(<SeekerSignIn ctx={ctx} />);
    await click(button(root, 'はじめての方'));
    await type(labelled(root, '求職者ID'), '13-7k3qm2xpa9');
    await type(labelled(root, '有効化コード'), 'k7qm-2xpa-9rtd');
    await type(labelled(root, '新しいパスフレーズ'), 'さくらが咲く春の朝に吹く風');
    await type(labelled(root, 'もう一度入力'), 'さくらが咲く春の朝に吹く');
    await submit(root.querySelector('form'));
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('一致しません');
    expect(w.requests).toHaveLength(0);

    await type(labelled(root, 'もう一度入力'), 'さくらが咲く春の朝に吹く風');
    await submit(root.querySelector('form'));
    expect(w.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/seeker/activation',
      body: { profileId: PROFILE, code: 'K7QM-2XPA-9RTD' },
    });
    expect(await getSession()).toMatchObject({ role: 'seeker', account: `seeker:${PROFILE}`, displayName: PROFILE });
  });

  it('explains a wrong passphrase in plain words', async () => {
    w.overrides.set('POST /v1/seeker/sessions', problem(401, 'invalid_credentials'));
    const root = await mount(<SeekerSignIn ctx={ctx} />);
    await type(labelled(root, '求職者ID'), PROFILE);
    await type(labelled(root, 'パスフレーズ'), 'まちがったパスフレーズです');
    await submit(root.querySelector('form'));
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('求職者IDまたはパスフレーズが正しくありません');
  });

  it('the signed-out popup offers the jobseeker sign-in and sends agencies to the dashboard', async () => {
    vi.stubGlobal('fetch', w.fetch);
    const root = await mount(<Popup />);
    await settle(12);
    expect(root.textContent).toContain('求職者の方のサインイン');
    expect(root.textContent).toContain('事業者の方');
    expect(button(root, 'ダッシュボードを開く')).not.toBeNull();
  });
});

describe('jobseeker popup', () => {
  it('R-MSG-1 shows the inbox with unread marks, and a thread with the mandatory information as a card and the change notice (R-MSG-3)', async () => {
    seedThread(w);
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    const line = root.querySelector('.inbox-line');
    expect(line?.getAttribute('aria-label')).toBe('株式会社みらい人材からのメッセージを開く（未読2件）');
    expect(line?.textContent).toContain('未読2');

    await click(line);
    const text = root.textContent ?? '';
    expect(text).toContain('この事業者の必須情報が変更されました');
    expect(text).toContain('必須情報の変更のお知らせ');
    const card = root.querySelector('.mandatory-card');
    expect(card?.textContent).toContain('第2版');
    expect(card?.textContent).toContain('求職者から受け取る手数料あり就職決定時に2万円をいただきます。');
    expect(card?.textContent).toContain('山田 花子');
    expect(card?.textContent).toContain('電話: 03-1234-5678');
  });

  it('R-MSG-4 catches a phone number before sending, politely, and sends a clean question', async () => {
    seedThread(w);
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    await click(root.querySelector('.inbox-line'));
    await type(labelled(root, '質問・返信を書く'), '山田です。090-1234-5678 に電話ください。');
    await submit(root.querySelector('form.composer'));
    expect(w.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(root.querySelector('[data-testid="contact-findings"]')?.textContent).toContain('サービスの外でお伝えください');

    await type(labelled(root, '質問・返信を書く'), '夜勤は月に何回ありますか。');
    await submit(root.querySelector('form.composer'));
    expect(w.requests.find((r) => r.method === 'POST')).toMatchObject({
      path: '/v1/seeker/conversations/cv_1/messages',
      body: { body: '夜勤は月に何回ありますか。' },
    });
    expect(root.textContent).toContain('夜勤は月に何回ありますか。');
  });

  it('R-MSG-7 consents in the thread to hear about paid services, and withdraws it', async () => {
    seedThread(w);
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    await click(root.querySelector('.inbox-line'));
    expect(root.querySelector('.paid-service-consent')?.textContent).toContain('同意がなければ有料サービスの案内は届きません');
    await click(button(root, '有料サービスの案内を受けることに同意する'));
    await settle(12);
    expect(w.requests.find((r) => r.method === 'PUT')).toMatchObject({ path: '/v1/seeker/conversations/cv_1/paid-service-consent' });
    expect(root.querySelector('.paid-service-consent')?.textContent).toContain('有料サービスの案内を受けることに同意しました');
    await click(button(root, '同意を取り消す'));
    await settle(12);
    expect(w.requests.find((r) => r.method === 'DELETE')).toMatchObject({ path: '/v1/seeker/conversations/cv_1/paid-service-consent' });
    expect(button(root, '有料サービスの案内を受けることに同意する')).toBeTruthy();
  });

  it('R-MSG-4 shows the worker’s refusal of contact details in the jobseeker’s wording', async () => {
    seedThread(w);
    w.overrides.set(
      'POST /v1/seeker/conversations/cv_1/messages',
      problem(422, 'contact_details_not_allowed', { detail: '「メッセンジャーID（LINE: taro）」が含まれています。' }),
    );
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    await click(root.querySelector('.inbox-line'));
    await type(labelled(root, '質問・返信を書く'), 'よろしくお願いします。');
    await submit(root.querySelector('form.composer'));
    const alert = root.querySelector('.alert-problem')?.textContent ?? '';
    expect(alert).toContain('お名前や連絡先はお送りできません');
  });

  it('R-BLOCK-1 blocks in one step from the inbox after a plain confirmation of what it does', async () => {
    seedThread(w);
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    await click(button(root, 'この事業者をブロックする'));
    const confirm = root.querySelector('.confirm');
    expect(confirm?.textContent).toContain('株式会社みらい人材をブロックしますか？');
    expect(confirm?.textContent).toContain('メッセージを送れなくなります');
    expect(confirm?.textContent).toContain('削除しなければなりません');
    expect(document.activeElement?.textContent).toContain('ブロックしますか');
    expect(w.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);

    await click(button(confirm!, 'ブロックする'));
    expect(w.requests.find((r) => r.method === 'PUT')?.path).toBe(`/v1/seeker/blocks/${AGENCY_ID}`);
    expect(root.textContent).toContain('株式会社みらい人材をブロックしました。');
  });

  it("R-BLOCK-1 bug B: says it once, and the inbox row turns to ブロック中 even before the worker's list shows it", async () => {
    seedThread(w);
    // The worker answers the block but its inbox still lists the thread as it was (as after a deletion request).
    w.overrides.set(`PUT /v1/seeker/blocks/${AGENCY_ID}`, {
      status: 200,
      body: { agencyId: AGENCY_ID, agencyName: '株式会社みらい人材', blockedAt: '2026-11-27T03:00:00.000Z', agencyDeletedAt: null },
    } as never);
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    await click(button(root, 'この事業者をブロックする'));
    await click(button(root.querySelector('.confirm')!, 'ブロックする'));
    await settle();
    expect((root.textContent ?? '').split('株式会社みらい人材をブロックしました。').length - 1).toBe(1);
    const row = root.querySelector('ul.inbox li');
    expect(row?.textContent).toContain('ブロック中');
    expect(button(row!, 'この事業者をブロックする')).toBeNull();
  });

  it('R-DEL-1 the empty deletion tab offers to ask each agency that wrote', async () => {
    seedThread(w);
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    await click(button(root, '削除の依頼'));
    await settle();
    expect(root.textContent).toContain('削除の依頼はありません。');
    expect(root.querySelector('main button')?.textContent).toContain('株式会社みらい人材');
  });

  it('R-BLOCK-3 lists blocks and lifts one, saying deleted data does not come back', async () => {
    w.seeker.blocks = [
      {
        agencyId: AGENCY_ID,
        agencyName: '株式会社みらい人材',
        blockedAt: '2026-11-20T01:00:00.000Z',
        agencyDeletedAt: '2026-11-20T01:00:04.000Z',
      },
    ];
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    await click(button(root, 'ブロック'));
    expect(root.textContent).toContain('（2026年11月20日 10:00にブロック）');
    // R-BLOCK-2: the jobseeker sees that the agency confirmed the deletion.
    expect(root.textContent).toContain('事業者はあなたの情報の削除を2026年11月20日 10:00に確認しました。');
    await click(button(root, 'ブロックを解除する'));
    expect(root.querySelector('.confirm')?.textContent).toContain('以前に削除された情報が事業者に戻ることはありません');
    await click(button(root.querySelector('.confirm')!, '解除する'));
    expect(w.requests.find((r) => r.method === 'DELETE')?.path).toBe(`/v1/seeker/blocks/${AGENCY_ID}`);
    expect(w.seeker.blocks).toHaveLength(0);
  });

  it('R-DEL-1 asks an agency holding the data to delete it, and R-DEL-2 shows when it was done', async () => {
    w.seeker.holders = [dataHolder()];
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    await click(button(root, 'あなたの情報を持っている事業者'));
    expect(root.textContent).toContain('2026年11月20日');
    expect(root.textContent).toContain('保存できるのは2027年1月31日まで（あと65日）');
    await click(button(root, '株式会社みらい人材に情報の削除を頼む'));
    await click(button(root.querySelector('.confirm')!, '削除を頼む'));
    expect(w.requests.find((r) => r.method === 'POST')).toMatchObject({
      path: '/v1/seeker/deletion-requests',
      body: { agencyId: AGENCY_ID },
    });

    await click(button(root, '削除の依頼'));
    expect(root.textContent).toContain('サーバー上の事業者の情報は2026年11月27日 12:00に削除されました。');
    expect(root.textContent).toContain('事業者の端末での削除の確認を待っています。');

    Object.assign(w.seeker.deletionRequests[0]!, {
      state: 'deleted',
      agencyDeletedAt: '2026-11-27T03:01:00.000Z',
      completedAt: '2026-11-27T03:01:00.000Z',
    });
    await click(button(root, 'あなたの情報を持っている事業者'));
    await click(button(root, '削除の依頼'));
    expect(root.textContent).toContain('削除がすべて終わりました（2026年11月27日 12:01）。');
  });

  it('R-CMP-1 sends a complaint about an agency to the bureau', async () => {
    seedThread(w);
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    await click(button(root, '労働局への苦情'));
    const select = labelled(root, '事業者') as unknown as HTMLSelectElement;
    select.value = AGENCY_ID;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(2);
    await type(labelled(root, '内容'), 'セミナーへの参加を何度も勧められました。');
    await submit(root.querySelector('form'));
    expect(w.seeker.complaints).toEqual([{ agencyId: AGENCY_ID, content: 'セミナーへの参加を何度も勧められました。' }]);
    expect(root.textContent).toContain('労働局に送りました。');
  });

  it('leaves the feed after a confirmation', async () => {
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    await click(button(root, '掲載をやめる'));
    await click(root.querySelector('section button.danger'));
    await click(button(root.querySelector('.confirm')!, '掲載をやめる'));
    expect(w.seeker.listed).toBe(false);
    expect(root.textContent).toContain('掲載をやめました。');
  });

  it('shows the unread count on the toolbar badge, refreshed by the background', async () => {
    seedThread(w);
    await setSession(session);
    await pollRound({ now: new Date('2026-11-27T03:00:00.000Z'), fetch: w.fetch });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('labels every control for screen readers', async () => {
    seedThread(w);
    const root = await mount(<SeekerApp session={session} ctx={ctx} />);
    await click(root.querySelector('.inbox-line'));
    for (const control of root.querySelectorAll('input, select, textarea')) {
      const id = control.getAttribute('id');
      expect((id && root.querySelector(`label[for="${id}"]`)) || control.getAttribute('aria-label'), control.outerHTML).toBeTruthy();
    }
    for (const b of root.querySelectorAll('button')) expect((b.textContent ?? '').trim() || b.getAttribute('aria-label')).toBeTruthy();
  });
});
