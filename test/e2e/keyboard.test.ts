/**
 * The main journeys with the keyboard alone, in real Chromium: every action is a Tab, Enter,
 * Space or typed text (opening the extension's page is the only step that is not). The agency
 * signs in, searches, opens a profile, writes and reads its inbox; the jobseeker, in the popup,
 * reads, replies, blocks one agency and asks another to delete their data. The composer's contact
 * check speaks up as the agency types. axe runs on each screen.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeTally } from './axe';
import { api, shot } from './harness';
import { press, tabTo, typeInto } from './keys';
import { createAgency, createSeekers, journey, journeyDay, jst, moveClock, must } from './steps';

const workerUrl = inject('workerUrl');

describe.skipIf(!inject('browser'))('keyboard only', () => {
  it('R-MSG-1 R-MSG-4 R-BLOCK-1 R-DEL-1: an agency signs in, searches, opens a profile, writes and reads its inbox; a jobseeker reads, replies, blocks and asks for deletion — with the keyboard alone', async () => {
    const tally = axeTally();
    const day = journeyDay();
    const at = jst(day, '10:30');
    await moveClock(workerUrl, at);
    const agency = await createAgency(workerUrl, { key: 'kbd', name: '株式会社キーボード人材' }, day);
    const other = await createAgency(workerUrl, { key: 'kbd2', name: '株式会社てがき紹介' }, day);
    const tag = `鍵盤${Math.floor(Math.random() * 1e6)}`;
    const [seeker] = await createSeekers(workerUrl, 'kbd', 1, `${tag} 介護職員として5年勤務しました。日勤を希望します。`);

    const j = journey('kbd', workerUrl);
    await j.run(async () => {
      const b = await j.launch(at);
      const dash = await b.open('dashboard.html');
      await dash.getByRole('heading', { name: '窓口 ダッシュボード（事業者用）' }).waitFor();

      // Sign in.
      await typeInto(dash, dash.getByLabel('アカウントID（メールアドレス）'), agency.email);
      await typeInto(dash, dash.getByLabel('パスワード', { exact: true }), agency.password);
      await dash.keyboard.press('Enter');
      await dash.getByText('本日の送信数').waitFor();
      await tally.check(dash, 'kbd-dashboard-search');

      // Search: keyword, then the prefecture picker opened and ticked from the keyboard.
      await typeInto(dash, dash.getByLabel('キーワード'), tag);
      await press(dash, dash.locator('#prefecture-filter-box > summary'));
      const prefectures = dash.getByRole('group', { name: '希望勤務地（都道府県）' });
      await typeInto(dash, prefectures.getByLabel('名前で絞り込む'), '東京都');
      await press(dash, prefectures.getByRole('checkbox', { name: '東京都' }), 'Space');
      expect(await prefectures.getByRole('checkbox', { name: '東京都' }).isChecked()).toBe(true);
      await press(dash, dash.getByRole('button', { name: '検索', exact: true }));
      await dash.getByText(/^該当 [0-9,]+件(以上)?（[0-9,]+件を表示）$/).waitFor();

      // Open the profile and write.
      await press(dash, dash.getByRole('button', { name: `求職者 ${seeker!.profileId} を詳しく見る（取得として記録されます）` }));
      await dash.getByRole('heading', { name: `求職者 ${seeker!.profileId}`, exact: true }).waitFor();
      await tally.check(dash, 'kbd-dashboard-profile');
      // The contact-details check speaks up while typing, before any send (R-MSG-4).
      await typeInto(dash, dash.getByRole('textbox', { name: 'メッセージ本文' }), '担当の携帯 090-1111-2222 までどうぞ。');
      await dash.getByTestId('contact-live').getByText('電話番号（090-1111-2222）', { exact: false }).waitFor();
      await tally.check(dash, 'kbd-dashboard-contact-check');
      await typeInto(dash, dash.getByRole('textbox', { name: 'メッセージ本文' }), 'はじめまして。日勤の介護職の求人をご紹介できます。');
      await expect.poll(() => dash.getByTestId('contact-live').innerText()).toBe('');
      await press(dash, dash.getByRole('button', { name: '送信する', exact: true }));
      await dash.getByText('返信待ち').first().waitFor();

      // Another agency writes too (through the API), for the jobseeker's deletion request.
      const otherToken = must(
        await api(workerUrl, 'POST', '/v1/agency/sessions', { body: { email: other.email, password: other.password } }),
        201,
        'sign-in',
      ).token as string;
      must(await api(workerUrl, 'GET', `/v1/agency/feed/${seeker!.profileId}`, { token: otherToken }), 200, 'acquisition');
      must(
        await api(workerUrl, 'POST', '/v1/agency/conversations', {
          token: otherToken,
          body: {
            profileId: seeker!.profileId,
            body: 'はじめまして。施設介護の求人があります。',
            idempotencyKey: `kbd-other-${Date.now()}`,
          },
        }),
        201,
        'the other agency’s first contact',
      );

      // The jobseeker, in the popup: sign in, read, reply.
      const s = await j.launch(at);
      const popup = await s.open('popup.html');
      await popup.setViewportSize({ width: 400, height: 600 });
      await typeInto(popup, popup.getByLabel('求職者ID'), seeker!.profileId);
      await typeInto(popup, popup.getByLabel('パスフレーズ', { exact: true }), seeker!.passphrase);
      await popup.keyboard.press('Enter');
      await popup.getByRole('heading', { name: '事業者からのメッセージ' }).waitFor();
      await tally.check(popup, 'kbd-popup-inbox');
      await press(popup, popup.getByRole('button', { name: new RegExp(`${agency.name}からのメッセージを開く`) }));
      await popup.getByText('日勤の介護職の求人をご紹介できます。').waitFor();
      await tally.check(popup, 'kbd-popup-thread');
      await typeInto(popup, popup.getByRole('textbox', { name: '質問・返信を書く' }), '勤務地はどちらですか。');
      await press(popup, popup.getByRole('button', { name: '送る', exact: true }));
      await popup.getByRole('listitem').filter({ hasText: '勤務地はどちらですか。' }).waitFor();

      // The agency reads the reply in its inbox.
      await press(dash, dash.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name: /受信箱/ }));
      await dash.getByRole('heading', { name: '受信箱' }).waitFor();
      const line = dash.getByRole('button', { name: new RegExp(`求職者 ${seeker!.profileId} とのやり取り`) });
      await expect
        .poll(
          async () => {
            if ((await line.count()) === 1 && (await line.innerText()).includes('新しいメッセージがあります')) return true;
            await press(dash, dash.getByRole('button', { name: '最新の状態にする', exact: true }));
            return false;
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBe(true);
      await tally.check(dash, 'kbd-dashboard-inbox');
      await press(dash, line);
      await dash.getByText('勤務地はどちらですか。').first().waitFor();
      await tally.check(dash, 'kbd-dashboard-thread');
      await shot(dash, 'kbd-1-agency-thread');

      // The jobseeker blocks the first agency…
      await press(popup, popup.getByRole('button', { name: 'この事業者をブロックする' }));
      await popup.getByText('この事業者は、持っているあなたの情報を削除しなければなりません。').waitFor();
      await press(popup, popup.getByRole('button', { name: 'ブロックする', exact: true }));
      await popup.getByText('この事業者はブロック中です。メッセージは届きません。').waitFor();
      await shot(popup, 'kbd-2-seeker-blocked');

      // …and asks the other to delete their data.
      await press(popup, popup.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name: 'メッセージ', exact: true }));
      await press(popup, popup.getByRole('button', { name: new RegExp(`${other.name}からのメッセージを開く`) }));
      await popup.getByText('施設介護の求人があります。').waitFor();
      await press(popup, popup.getByRole('button', { name: 'この事業者に情報の削除を頼む' }));
      await press(popup, popup.getByRole('button', { name: '削除を頼む', exact: true }));
      await popup.getByText(`${other.name}に削除を依頼しました。`).waitFor();
      await tally.check(popup, 'kbd-popup-deletion');
      await shot(popup, 'kbd-3-seeker-asked-deletion');
      expect(tally.summary()).toEqual([]);
      expect(tally.landmarks()).toEqual([]);
      // Every screen of the keyboard journey passes axe with no finding at all (page-has-heading-one included).
      expect(tally.counts.filter((c) => c.total > 0).map((c) => `${c.screen}: ${c.ids.join(' ')}`)).toEqual([]);
    });
  });
});
