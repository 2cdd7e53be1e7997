/**
 * The user journeys in real Chromium with the built extension, against `wrangler dev` with
 * the demo data: each checked on screen and in storage (the extension's IndexedDB, the worker's
 * API), with screenshots of the key screens under test/e2e/screenshots/.
 *
 * Each journey sets the worker's clock (and its browsers' page clocks) to its own instant in
 * service hours and uses its own agency and jobseekers, so the journeys do not depend on order.
 */
import { describe, expect, inject, it } from 'vitest';
import { DEMO } from '../../scripts/lib/demo';
import { addDays, addMonthsClamped, capResetsAt, retentionDeadline, suspensionLastDay } from '../../shared/rules';
import { api, shot } from './harness';
import {
  createAgency,
  createSeekers,
  dashboardTab,
  extensionSession,
  heldData,
  idb,
  inParallel,
  journey,
  journeyDay,
  jst,
  moveClock,
  must,
  openDashboard,
  openSeekerPopup,
  pollNow,
  searchAndOpen,
  send,
  signInAgency,
  staffToken,
} from './steps';

const workerUrl = inject('workerUrl');
const demoSeekers = inject('seekers');

const FIRST_CONTACT =
  'はじめまして。株式会社みらい人材の採用担当です。都内の特別養護老人ホームで介護職員を募集しており、ご経験を生かせると考えご連絡しました。ご興味があればお返事ください。';

describe.skipIf(!inject('browser'))('browser journeys', () => {
  it('R-BLOCK-2 R-BLOCK-1 R-MSG-1 R-FEED-4: an agency finds 介護 in 東京都 and writes; the jobseeker reads it with the mandatory information and blocks; the extension deletes the profile and says why; the next send is refused', async () => {
    const day = journeyDay();
    const at = jst(day, '10:00');
    await moveClock(workerUrl, at);
    const j = journey('j1', workerUrl);
    await j.run(async () => {
      const agencyBrowser = await j.launch(at);
      const seekerBrowser = await j.launch(at);
      const mirai = DEMO.agencies[0];
      const seeker = demoSeekers[0]!;

      // The agency signs in, searches 介護 in 東京都 and opens the jobseeker's profile.
      const dash = await openDashboard(agencyBrowser, mirai);
      const session = (await extensionSession(agencyBrowser))!;
      expect(session.account).toMatch(/^agency:A/);
      await searchAndOpen(dash, { prefecture: '東京都', keywords: '介護' }, seeker.profileId);
      await dash.getByText('特別養護老人ホームで8年勤務').waitFor();
      await expect.poll(async () => (await heldData(dash, session.account)).profiles.map((p) => p.profileId)).toContain(seeker.profileId);
      const acquisition = (await heldData(dash, session.account)).acquisitions.find((a) => a.profileId === seeker.profileId);
      expect(acquisition).toMatchObject({ acquiredOn: day, acceptedOn: null });

      // The first contact, previewed with the mandatory information the system attaches.
      await dash.getByRole('textbox', { name: 'メッセージ本文' }).fill(FIRST_CONTACT);
      const preview = dash.getByRole('article', { name: '求職者にはこのように表示されます' });
      await expect
        .poll(() => preview.getByRole('region', { name: '事業者の必須情報' }).innerText())
        .toContain('個人情報管理・苦情の責任者');
      await shot(dash, 'j1-1-agency-first-contact');
      await dash.getByRole('button', { name: '送信する', exact: true }).click();
      await dash.getByRole('heading', { name: `求職者 ${seeker.profileId} とのやり取り` }).waitFor();
      await dash.getByText('返信待ち').waitFor();
      await expect
        .poll(async () => (await heldData(dash, session.account)).conversations.filter((c) => c.profileId === seeker.profileId).length)
        .toBe(1);
      const conversationId = (await heldData(dash, session.account)).conversations.find((c) => c.profileId === seeker.profileId)!
        .id as string;

      // The jobseeker's popup shows it with the mandatory information.
      const popup = await openSeekerPopup(seekerBrowser, seeker);
      await popup.getByRole('button', { name: /株式会社みらい人材からのメッセージを開く（未読1件）/ }).click();
      await popup.getByRole('heading', { name: '株式会社みらい人材', exact: true }).waitFor();
      await popup.getByText(FIRST_CONTACT).waitFor();
      const card = popup.getByRole('region', { name: '事業者の必須情報' }).first();
      const cardText = await card.innerText();
      for (const part of [
        '職業紹介の実績',
        '2025年度 常用就職 42件',
        '取り扱う職種・地域',
        '求職者から受け取る手数料',
        'なし',
        '個人情報管理・苦情の責任者',
        '山田 花子',
      ]) {
        expect(cardText).toContain(part);
      }
      await shot(popup, 'j1-2-seeker-message-with-mandatory-information');

      // The jobseeker asks a question (so the agency could answer), then blocks the agency.
      await popup.getByRole('textbox', { name: '質問・返信を書く' }).fill('夜勤のない求人もありますか。');
      await popup.getByRole('button', { name: '送る', exact: true }).click();
      await popup.getByRole('listitem').filter({ hasText: '夜勤のない求人もありますか。' }).waitFor();
      await popup.getByRole('button', { name: 'この事業者をブロックする' }).click();
      await popup.getByText('この事業者は、持っているあなたの情報を削除しなければなりません。').waitFor();
      await popup.getByRole('button', { name: 'ブロックする', exact: true }).click();
      await popup.getByText('この事業者はブロック中です。メッセージは届きません。').waitFor();
      await shot(popup, 'j1-3-seeker-blocked');

      // The agency's extension deletes the profile at its next round, and says why.
      await pollNow(agencyBrowser, async (page) => {
        const events = (await idb(page, 'events')).filter((e) => e.account === session.account && e.type === 'block');
        return events.length === 1 && events[0].ackedAt !== null;
      });
      const held = await heldData(dash, session.account);
      for (const table of ['acquisitions', 'profiles', 'conversations', 'messages'] as const) {
        expect(
          held[table].filter((r) => r.profileId === seeker.profileId),
          table,
        ).toEqual([]);
      }
      const [blockEvent] = (await idb(dash, 'events')).filter((e) => e.account === session.account && e.type === 'block');
      expect(blockEvent).toMatchObject({ rule: 'R-BLOCK-2' });
      expect(blockEvent.deletedRecords).toBeGreaterThanOrEqual(4);
      const deletions = (await idb(dash, 'deletions')).filter((d) => d.account === session.account && d.rule === 'R-BLOCK-2');
      expect(deletions.map((d) => d.recordKind).sort()).toEqual(['acquisition', 'conversation', 'message', 'profile']);
      expect(JSON.stringify(deletions)).not.toContain(seeker.profileId);
      await dash.getByText('このやり取りは削除されました。理由は「お知らせ・削除記録」でご確認ください。').waitFor();
      await dashboardTab(dash, 'お知らせ・削除記録');
      await dash.getByText(/求職者がブロックしたため、その方の情報を削除しました（\d+件）。/).waitFor();
      await expect(dash.getByRole('table').innerText()).resolves.toContain('求職者がブロックした (R-BLOCK-2)');
      await shot(dash, 'j1-4-agency-deleted-and-why');

      // The worker removed the agency's access too; the next send is refused, whatever its kind.
      const acquisitions = await api(workerUrl, 'GET', '/v1/agency/acquisitions', { token: session.token });
      expect(acquisitions.body.items.find((a: any) => a.profileId === seeker.profileId)).toMatchObject({
        state: 'deleted',
        deletedRule: 'R-BLOCK-2',
      });
      const again = await send(
        workerUrl,
        session.token,
        'first',
        seeker.profileId,
        'もう一度ご連絡いたします。',
        `e2e-j1-first-${Date.now()}`,
      );
      expect(again.status).toBe(403);
      expect(again.body.code).toBe('blocked_by_recipient');
      const answer = await send(
        workerUrl,
        session.token,
        'reply',
        conversationId,
        '夜勤のない求人もございます。',
        `e2e-j1-reply-${Date.now()}`,
      );
      expect([403, 410]).toContain(answer.status);
      const quota = await api(workerUrl, 'GET', '/v1/agency/quota', { token: session.token });
      expect(quota.body.used).toBe(1);

      // R-FEED-4: the jobseeker no longer appears in this agency's results.
      const feed = await api(workerUrl, 'GET', `/v1/agency/feed?prefecture=13&q=${encodeURIComponent('特別養護老人ホームで8年')}`, {
        token: session.token,
      });
      expect(feed.status).toBe(200);
      expect(feed.body.items.map((p: any) => p.id)).not.toContain(seeker.profileId);

      // The jobseeker sees that the agency confirmed the deletion.
      await popup.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name: 'ブロック', exact: true }).click();
      await popup.getByText(/事業者はあなたの情報の削除を.+に確認しました。/).waitFor();
      await shot(popup, 'j1-5-seeker-agency-confirmed-deletion');
    });
  });

  it('R-DEL-2 R-DEL-1: a jobseeker asks an agency to delete their data; the extension deletes it; the jobseeker sees when it was done', async () => {
    const day = journeyDay();
    const at = jst(day, '11:00');
    await moveClock(workerUrl, at);
    const j = journey('j2', workerUrl);
    await j.run(async () => {
      const agencyBrowser = await j.launch(at);
      const seekerBrowser = await j.launch(at);
      const hikari = DEMO.agencies[1];
      const seeker = demoSeekers[1]!;

      // The agency acquires the profile and writes.
      const dash = await openDashboard(agencyBrowser, hikari);
      const session = (await extensionSession(agencyBrowser))!;
      await searchAndOpen(dash, { prefecture: '東京都', keywords: '営業事務' }, seeker.profileId);
      await dash
        .getByRole('textbox', { name: 'メッセージ本文' })
        .fill('はじめまして。NPO法人ひかり就労支援です。事務職のお仕事探しをお手伝いできます。');
      await dash.getByRole('button', { name: '送信する', exact: true }).click();
      await dash.getByText('返信待ち').waitFor();
      await expect
        .poll(async () => {
          const held = await heldData(dash, session.account);
          return [held.acquisitions, held.profiles, held.conversations, held.messages].map(
            (rows) => rows.filter((r) => r.profileId === seeker.profileId).length,
          );
        })
        .toEqual([1, 1, 1, 1]);

      // The jobseeker reads the message and asks that agency to delete their data.
      const popup = await openSeekerPopup(seekerBrowser, seeker);
      const menu = popup.getByRole('navigation', { name: 'メニュー' });
      await popup.getByRole('button', { name: /NPO法人ひかり就労支援からのメッセージを開く/ }).click();
      await popup.getByText('事務職のお仕事探しをお手伝いできます。').waitFor();
      await popup.getByRole('button', { name: 'この事業者に情報の削除を頼む' }).click();
      await shot(popup, 'j2-1-seeker-asks-for-deletion');
      await popup.getByRole('button', { name: '削除を頼む', exact: true }).click();
      await popup.getByText('NPO法人ひかり就労支援に削除を依頼しました。').waitFor();
      const seekerSession = (await extensionSession(seekerBrowser))!;

      // The worker's copy went at once; the agency's device is still to confirm.
      await menu.getByRole('button', { name: '削除の依頼' }).click();
      await popup.getByText(/サーバー上の事業者の情報は.+に削除されました。/).waitFor();
      await popup.getByText('事業者の端末での削除の確認を待っています。').waitFor();
      await shot(popup, 'j2-2-seeker-deletion-pending');
      const acquisitions = await api(workerUrl, 'GET', '/v1/agency/acquisitions', { token: session.token });
      expect(acquisitions.body.items.find((a: any) => a.profileId === seeker.profileId)).toMatchObject({
        state: 'deleted',
        deletedRule: 'R-DEL-1',
      });

      // The agency's extension deletes its copy at its next round and confirms it to the worker.
      await pollNow(agencyBrowser, async (page) => {
        const events = (await idb(page, 'events')).filter((e) => e.account === session.account && e.type === 'deletion_request');
        return events.length === 1 && events[0].ackedAt !== null;
      });
      const held = await heldData(dash, session.account);
      for (const table of ['acquisitions', 'profiles', 'conversations', 'messages'] as const) {
        expect(
          held[table].filter((r) => r.profileId === seeker.profileId),
          table,
        ).toEqual([]);
      }
      const deletions = (await idb(dash, 'deletions')).filter((d) => d.account === session.account && d.rule === 'R-DEL-1');
      expect(deletions.map((d) => d.recordKind).sort()).toEqual(['acquisition', 'conversation', 'message', 'profile']);
      await dash.getByText('このやり取りは削除されました。理由は「お知らせ・削除記録」でご確認ください。').waitFor();
      await dashboardTab(dash, 'お知らせ・削除記録');
      await dash.getByText(/求職者から削除の申出があったため、その方の情報を削除しました（4件）。/).waitFor();
      await expect(dash.getByRole('table').innerText()).resolves.toContain('求職者から削除の申出があった (R-DEL-1)');
      await shot(dash, 'j2-3-agency-deleted-on-request');

      // The jobseeker sees when it was done: the request's outcome and a system notice.
      const requests = await api(workerUrl, 'GET', '/v1/seeker/deletion-requests', { token: seekerSession.token });
      const [request] = requests.body.items;
      expect(request).toMatchObject({ agencyName: 'NPO法人ひかり就労支援', agencyHeldData: true });
      expect(request.completedAt).toEqual(expect.any(String));
      expect(Date.parse(request.completedAt)).toBeGreaterThanOrEqual(at.getTime());
      await menu.getByRole('button', { name: 'メッセージ' }).click();
      await menu.getByRole('button', { name: '削除の依頼' }).click();
      await popup.getByText(`削除がすべて終わりました（${jstText(request.completedAt)}）。`).waitFor();
      await shot(popup, 'j2-4-seeker-deletion-done');
      await menu.getByRole('button', { name: 'メッセージ' }).click();
      await popup.getByRole('button', { name: /NPO法人ひかり就労支援からのメッセージを開く/ }).click();
      await popup
        .getByRole('listitem')
        .filter({ hasText: 'お知らせ（システム）' })
        .filter({ hasText: 'のご依頼を受けて、あなたの情報を削除しました。' })
        .waitFor();
      await shot(popup, 'j2-5-seeker-deletion-notice');
    });
  });

  it('R-CAP-1: after 1,000 sends today the dashboard refuses the next, with the time the count resets', async () => {
    const day = journeyDay();
    const at = jst(day, '13:00');
    await moveClock(workerUrl, at);
    const agency = await createAgency(workerUrl, { key: 'cap', name: '株式会社あおば介護人材' }, day);
    const seekers = await createSeekers(workerUrl, 'cap', 3, '福祉用具の貸与で三年間、相談員をしていました。');
    const j = journey('j3', workerUrl);
    await j.run(async () => {
      const browser = await j.launch(at);
      const dash = await openDashboard(browser, agency);
      const session = (await extensionSession(browser))!;
      const stamp = Date.now().toString(36);

      // One first contact on screen (so the extension holds that jobseeker's acquisition), two through
      // the worker's API with the agency's own token; the jobseekers ask questions; then answers
      // through the API in the other two conversations, up to 998 sends today.
      await searchAndOpen(dash, { prefecture: '東京都', keywords: '福祉用具' }, seekers[2]!.profileId);
      await dash.getByRole('textbox', { name: 'メッセージ本文' }).fill('はじめまして。福祉用具の専門相談員を募集しています。');
      await dash.getByRole('button', { name: '送信する', exact: true }).click();
      await dash.getByText('返信待ち').waitFor();
      const onScreen = (await heldData(dash, session.account)).conversations.find((c) => c.profileId === seekers[2]!.profileId)!
        .id as string;
      const conversations: string[] = [];
      for (const [i, s] of seekers.slice(0, 2).entries()) {
        const sent = must(
          await send(
            workerUrl,
            session.token,
            'first',
            s.profileId,
            `はじめまして。介護職のお仕事をご紹介できます（${i + 1}）。`,
            `e2e-cap-first-${stamp}-${i}`,
          ),
          201,
          'first contact',
        );
        conversations.push(sent.conversationId as string);
      }
      conversations.push(onScreen);
      for (const [i, s] of seekers.entries()) {
        must(
          await api(workerUrl, 'POST', `/v1/seeker/conversations/${conversations[i]}/messages`, {
            token: s.token,
            body: { body: '勤務時間について教えてください。' },
          }),
          201,
          'question',
        );
      }
      await inParallel(
        Array.from({ length: 995 }, (_, i) => i),
        8,
        async (i) => {
          must(
            await send(
              workerUrl,
              session.token,
              'reply',
              conversations[i % 2]!,
              `ご質問への回答です（${i + 1}）。`,
              `e2e-cap-${stamp}-${i}`,
            ),
            201,
            `answer ${i + 1}`,
          );
        },
      );
      expect((await api(workerUrl, 'GET', '/v1/agency/quota', { token: session.token })).body).toMatchObject({ used: 998, remaining: 2 });

      // The dashboard learns the count at its next round; the last two sends are made on screen.
      await pollNow(
        browser,
        async (page) =>
          (await idb(page, 'meta')).find((m) => m.account === session.account && m.key === 'quota')?.value.used === 998 &&
          (await idb(page, 'conversations')).some((c) => c.account === session.account && c.id === onScreen && c.unread === 1),
      );
      await expect.poll(() => dash.locator('#quota-text').innerText()).toContain('998 / 1000 通');
      await dashboardTab(dash, '受信箱');
      await dash.getByRole('button', { name: new RegExp(`求職者 ${seekers[2]!.profileId} とのやり取り`) }).click();
      await dash.getByText('勤務時間について教えてください。').waitFor();
      const reply = dash.getByRole('textbox', { name: '返信' });
      const sendButton = dash.getByRole('button', { name: '返信する', exact: true });
      for (const n of [999, 1000]) {
        await reply.fill(`勤務時間は9時から18時です（${n}通目）。`);
        await sendButton.click();
        await expect.poll(() => dash.locator('#quota-text').innerText()).toContain(`${n} / 1000 通`);
        await dash.getByText(`勤務時間は9時から18時です（${n}通目）。`).waitFor();
      }

      // The 1,001st: refused on screen with the time the count resets (00:00 JST tomorrow).
      const resetsAt = capResetsAt(at);
      await dash.getByText(`本日の送信上限に達しています。${jstText(resetsAt.toISOString())}（日本時間）から再び送信できます。`).waitFor();
      await reply.fill('追加のご案内です。');
      expect(await sendButton.isDisabled()).toBe(true);
      await expect.poll(() => dash.locator('#quota-text').innerText()).toContain(`（${jstText(resetsAt.toISOString())}にリセット）`);
      await shot(dash, 'j3-1-agency-cap-reached');
      const quota = (await idb(dash, 'meta')).find((m) => m.account === session.account && m.key === 'quota')!.value;
      expect(quota).toMatchObject({ used: 1000, limit: 1000, remaining: 0, resetsAt: resetsAt.toISOString() });

      // The worker refuses it too, with the count and the reset time (R-CAP-1).
      const refused = await send(workerUrl, session.token, 'reply', conversations[2]!, '追加のご案内です。', `e2e-cap-${stamp}-1001`);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'cap_reached', used: 1000, limit: 1000, resetsAt: resetsAt.toISOString() });
      const seekerView = await api(workerUrl, 'GET', `/v1/seeker/conversations/${conversations[2]}`, { token: seekers[2]!.token });
      expect(seekerView.body.messages.filter((m: any) => m.from === 'agency')).toHaveLength(3);
    });
  });
  it('R-OPS-1 R-RET-1 R-RET-2: with the clock moved, the dashboard shows when service reopens; three months later the unaccepted profile is gone from the extension', async () => {
    const day = journeyDay();
    const at = jst(day, '20:00');
    await moveClock(workerUrl, at);
    const agency = await createAgency(workerUrl, { key: 'retention', name: '株式会社さくら福祉人材' }, day);
    const [unaccepted, accepted] = await createSeekers(workerUrl, 'retention', 2, '訪問入浴の介助を五年担当しました。');
    const j = journey('j4', workerUrl);
    await j.run(async () => {
      const browser = await j.launch(at);
      const dash = await openDashboard(browser, agency);
      const session = (await extensionSession(browser))!;

      // Two profiles acquired today; 求職受理 recorded for one of them.
      await searchAndOpen(dash, { prefecture: '東京都', keywords: '訪問入浴' }, unaccepted!.profileId);
      await dash.getByText(`保存期限 ${jaDate(retentionDeadline(day))}`).waitFor();
      await dashboardTab(dash, '求職者を探す');
      await searchAndOpen(dash, { prefecture: '東京都', keywords: '訪問入浴' }, accepted!.profileId);
      await dash.getByLabel('求職受理日').fill(day);
      // R-APP-5: a paid agency records that it explained its fees before accepting.
      await dash.getByRole('radio', { name: '受理の前に手数料を説明した' }).check();
      await dash.getByLabel('説明した日').fill(day);
      await dash.getByRole('button', { name: '記録する', exact: true }).click();
      await dash.getByText(`記録しました。保存期限は${jaDate(retentionDeadline(day, day))}になりました。`).waitFor();
      const before = await heldData(dash, session.account);
      expect(before.acquisitions.map((a) => [a.profileId, a.acceptedOn, a.retentionDeadline]).sort()).toEqual(
        [
          [unaccepted!.profileId, null, retentionDeadline(day)],
          [accepted!.profileId, day, retentionDeadline(day, day)],
        ].sort(),
      );

      // Maintenance (every day 00:00–06:00): the dashboard says when service reopens, and the
      // worker refuses with the same time.
      const night = jst(addDays(day, 1), '01:30');
      const reopens = jst(addDays(day, 1), '06:00');
      await moveClock(workerUrl, night, [browser]);
      await dash.reload();
      await dash
        .getByText(`${jstText(reopens.toISOString())}（日本時間）に再開します。メンテナンス中の操作は保存・予約されません。`)
        .waitFor();
      await dashboardTab(dash, '求職者を探す');
      await dash.getByRole('button', { name: '検索', exact: true }).click();
      await dash.getByText('ただいまメンテナンス中です').waitFor();
      await dash.getByText(`システムメンテナンスのため、${jstText(reopens.toISOString())}（日本時間）までご利用いただけません。`).waitFor();
      await shot(dash, 'j4-1-agency-maintenance');
      const closed = await fetch(`${workerUrl}/v1/agency/me`, { headers: { authorization: `Bearer ${session.token}` } });
      expect(closed.status).toBe(503);
      // The worker's clock runs on from 01:30, so Retry-After is the time left from when it answered.
      const retryAfter = Number(closed.headers.get('retry-after'));
      expect(retryAfter).toBeLessThanOrEqual((reopens.getTime() - night.getTime()) / 1000);
      expect(retryAfter).toBeGreaterThan((reopens.getTime() - night.getTime()) / 1000 - 120);
      expect(await closed.json()).toMatchObject({ code: 'maintenance', reopensAt: reopens.toISOString() });

      // Three months later: the unaccepted profile is gone (R-RET-1); the accepted one is kept (R-RET-2).
      const later = jst(addMonthsClamped(day, 3), '10:00');
      await moveClock(workerUrl, later, [browser]);
      await dash.reload();
      // The session ended meanwhile (12 hours at most): sign in again.
      await signInAgency(dash, agency.email, agency.password);
      const renewed = (await extensionSession(browser))!;
      expect(renewed.account).toBe(session.account);
      await expect
        .poll(
          async () =>
            (await idb(dash, 'events')).filter((e) => e.account === session.account && e.type === 'retention_expired' && e.ackedAt !== null)
              .length,
        )
        .toBe(1);
      const after = await heldData(dash, session.account);
      for (const table of ['acquisitions', 'profiles', 'conversations', 'messages'] as const) {
        expect(
          after[table].filter((r) => r.profileId === unaccepted!.profileId),
          table,
        ).toEqual([]);
      }
      expect(after.acquisitions.map((a) => a.profileId)).toEqual([accepted!.profileId]);
      expect(after.profiles.map((p) => p.profileId)).toEqual([accepted!.profileId]);
      const deletions = (await idb(dash, 'deletions')).filter((d) => d.account === session.account);
      expect(deletions.length).toBeGreaterThan(0);
      expect(new Set(deletions.map((d) => d.rule))).toEqual(new Set(['R-RET-1']));
      await dashboardTab(dash, '取得した求職者');
      const table = dash.getByRole('table');
      await expect.poll(() => table.innerText()).toContain(accepted!.profileId);
      expect(await table.innerText()).not.toContain(unaccepted!.profileId);
      await shot(dash, 'j4-2-agency-acquired-after-three-months');
      await dashboardTab(dash, 'お知らせ・削除記録');
      await dash.getByText(/求職受理のないまま保存期限（翌々月末）を過ぎたため、求職者の情報を削除しました（\d+件）。/).waitFor();
      await expect(dash.getByRole('table').innerText()).resolves.toContain('(R-RET-1)');
      await shot(dash, 'j4-3-agency-retention-notice');

      // The worker's side agrees: access gone, the accepted profile still held.
      const acquisitions = (await api(workerUrl, 'GET', '/v1/agency/acquisitions', { token: renewed.token })).body.items as any[];
      expect(acquisitions.find((a) => a.profileId === unaccepted!.profileId)).toMatchObject({ state: 'deleted', deletedRule: 'R-RET-1' });
      expect(acquisitions.find((a) => a.profileId === accepted!.profileId)).toMatchObject({ state: 'held', acceptedOn: day });
      const reopened = await api(workerUrl, 'GET', `/v1/agency/feed/${unaccepted!.profileId}`, { token: renewed.token });
      expect(reopened.status).toBe(410);
      expect(reopened.body.code).toBe('data_deleted');
    });
  });

  it('R-SAN-2 R-DIR-1 R-RET-3: a bureau officer suspends the agency; the directory shows 停止中 and the extension empties', async () => {
    const day = journeyDay();
    const at = jst(day, '15:00');
    await moveClock(workerUrl, at);
    const agency = await createAgency(workerUrl, { key: 'suspend', name: '株式会社つばさ介護人材' }, day);
    const [seeker] = await createSeekers(workerUrl, 'suspend', 1, '通所介護で送迎と入浴介助を担当しました。');
    const j = journey('j5', workerUrl);
    await j.run(async () => {
      const browser = await j.launch(at);
      const dash = await openDashboard(browser, agency);
      const session = (await extensionSession(browser))!;
      await searchAndOpen(dash, { prefecture: '東京都', keywords: '送迎' }, seeker!.profileId);
      await dash.getByRole('textbox', { name: 'メッセージ本文' }).fill('はじめまして。通所介護のお仕事をご紹介できます。');
      await dash.getByRole('button', { name: '送信する', exact: true }).click();
      await dash.getByText('返信待ち').waitFor();
      await expect.poll(async () => Object.values(await heldData(dash, session.account)).map((rows) => rows.length)).toEqual([1, 1, 1, 1]);
      const directory = async () =>
        (await api(workerUrl, 'GET', `/v1/public/agencies?q=${encodeURIComponent(agency.name)}`)).body.items.find(
          (a: any) => a.id === agency.id,
        );
      expect(await directory()).toMatchObject({ suspended: false, statusLabel: '利用中' });

      // The bureau suspends the agency for six months (§8(2)②).
      const token = await staffToken(workerUrl);
      const reason = '求職者への一方的な勧誘が繰り返されたため（利用規約§8(2)②）';
      const suspended = await api(workerUrl, 'POST', `/v1/admin/agencies/${agency.id}/suspensions`, {
        token,
        body: { kind: 'fixed', months: 6, reason },
      });
      expect(suspended.status).toBe(200);
      const endsOn = suspensionLastDay(at, 6);

      // The public directory, without an account, shows 停止中.
      expect(await directory()).toMatchObject({ name: agency.name, suspended: true, statusLabel: '停止中' });

      // The extension learns it at its next round and deletes every piece of jobseeker data.
      await pollNow(browser, async (page) => {
        const events = (await idb(page, 'events')).filter((e) => e.account === session.account && e.type === 'status_changed');
        return events.length === 1 && events[0].ackedAt !== null;
      });
      const held = await heldData(dash, session.account);
      expect(Object.values(held).map((rows) => rows.length)).toEqual([0, 0, 0, 0]);
      const agencyMeta = (await idb(dash, 'meta')).find((m) => m.account === session.account && m.key === 'agency')!.value;
      expect(agencyMeta).toMatchObject({ status: 'suspended', suspension: { endsOn, reason } });
      const deletions = (await idb(dash, 'deletions')).filter((d) => d.account === session.account);
      expect(deletions.map((d) => d.recordKind).sort()).toEqual(['acquisition', 'conversation', 'message', 'profile']);
      expect(new Set(deletions.map((d) => d.rule))).toEqual(new Set(['R-RET-3']));

      // On screen: 停止中 with its end and reason; no feed, nothing acquired, an empty inbox.
      await dash.getByText(`貴社は${jaDate(endsOn)}までサービスの利用を停止されています。`).waitFor();
      await dash.getByText(`理由: ${reason}`).waitFor();
      await dashboardTab(dash, '求職者を探す');
      await dash.getByText('利用停止・利用解除・退会の間は、求職者情報を検索できません。').waitFor();
      await shot(dash, 'j5-1-agency-suspended');
      await dashboardTab(dash, '取得した求職者');
      await dash.getByText('取得した求職者情報はありません。').waitFor();
      await dashboardTab(dash, '受信箱');
      await dash.getByText('やり取り中の求職者はいません。').waitFor();
      await dashboardTab(dash, 'お知らせ・削除記録');
      await dash
        .getByText(`状態が「停止中」（${jaDate(endsOn)}まで）になったため、受け取った求職者情報をすべて削除しました（4件）。`)
        .waitFor();
      await shot(dash, 'j5-2-agency-suspended-notices');

      // The worker gives it nothing and accepts no send.
      const feed = await api(workerUrl, 'GET', '/v1/agency/feed?prefecture=13', { token: session.token });
      expect([feed.status, feed.body.code]).toEqual([403, 'agency_suspended']);
      const sendRefused = await send(workerUrl, session.token, 'first', seeker!.profileId, 'ご案内です。', `e2e-suspended-${Date.now()}`);
      expect(sendRefused.status).toBe(403);
    });
  });
});

/** A JST calendar day as the extension shows it (`2027年2月28日`). */
function jaDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant as the extension shows it (`2026年11月29日 10:00`, Japan time). */
function jstText(at: string): string {
  const d = new Date(Date.parse(at) + 9 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}
