/**
 * Staff seats in real Chromium (R-ORG-2, R-CAP-1): the liaison officer adds a member of staff in
 * the dashboard; that person signs in on their own browser with their own email and password and
 * writes to a jobseeker; the organisation's quota counts both sends and shows who sent them, and
 * the thread names the member of staff who wrote.
 */
import { describe, expect, inject, it } from 'vitest';
import { exampleOfficer } from '../../shared/schemas/examples';
import { shot } from './harness';
import { createAgency, createSeekers, dashboardTab, journey, journeyDay, jst, moveClock, openDashboard, searchAndOpen } from './steps';

const workerUrl = inject('workerUrl');

describe.skipIf(!inject('browser'))('staff seats', () => {
  it("R-ORG-2 R-CAP-1 the liaison officer adds a seat; the new person signs in and sends; the organisation's quota shows both", async () => {
    const day = journeyDay();
    const at = jst(day, '10:00');
    await moveClock(workerUrl, at);
    const agency = await createAgency(workerUrl, { key: 'seat', name: '株式会社職員テスト' }, day);
    const tag = `職員${Math.floor(Math.random() * 1e6)}`;
    const [first, second] = await createSeekers(workerUrl, 'seat', 2, `${tag} 介護職員として6年勤務しました。夜勤にも対応できます。`);
    const staff = {
      name: '佐藤 花子',
      email: `e2e-seat-${Date.now().toString(36)}@demo.madoguchi.example`,
      password: 'e2e-staff-pass-2026',
    };
    const j = journey('seats', workerUrl);
    await j.run(async () => {
      // The liaison officer adds a member of staff.
      const liaisonBrowser = await j.launch(at);
      const liaison = await openDashboard(liaisonBrowser, agency);
      await dashboardTab(liaison, '職員');
      await liaison.getByRole('heading', { name: '職員アカウント', exact: true }).waitFor();
      const form = liaison.locator('form.seat-form');
      await form.getByLabel('氏名').fill(staff.name);
      await form.getByLabel('メールアドレス').fill(staff.email);
      await form.getByLabel('初回パスワード').fill(staff.password);
      await form.getByRole('button', { name: '追加する' }).click();
      await liaison.getByText(`${staff.name}さんの職員アカウントを追加しました。`).waitFor();
      await liaison.locator('table.seats tbody tr').nth(1).getByText(staff.name).waitFor();
      await shot(liaison, 'seats-1-added');

      // The liaison officer writes to one jobseeker.
      await dashboardTab(liaison, '求職者を探す');
      await searchAndOpen(liaison, { prefecture: '東京都', keywords: tag }, first!.profileId);
      await liaison
        .getByRole('textbox', { name: 'メッセージ本文' })
        .fill('はじめまして。都内の介護施設の求人をご紹介できます。ご興味があればお返事ください。');
      await liaison.getByRole('button', { name: '送信する', exact: true }).click();
      await liaison.getByText('返信待ち').first().waitFor();
      await expect.poll(() => liaison.locator('#quota-text').innerText()).toContain('1 / 1000 通');

      // The new person signs in on their own browser and writes to another.
      const staffBrowser = await j.launch(at);
      const mine = await openDashboard(staffBrowser, staff);
      await searchAndOpen(mine, { prefecture: '東京都', keywords: tag }, second!.profileId);
      await mine.getByRole('textbox', { name: 'メッセージ本文' }).fill('はじめまして。夜勤のある介護職の求人をご紹介できます。');
      await mine.getByRole('button', { name: '送信する', exact: true }).click();
      await mine.getByText('返信待ち').first().waitFor();
      // One organisation, one count: the second send is the organisation's second.
      await expect.poll(() => mine.locator('#quota-text').innerText()).toContain('2 / 1000 通');
      await expect.poll(() => mine.locator('.quota-by-seat li').allInnerTexts()).toEqual(expect.arrayContaining([`${staff.name}: 1通`]));
      // Staff see the seats but cannot manage them.
      await dashboardTab(mine, '職員');
      await mine.getByRole('heading', { name: '職員アカウント', exact: true }).waitFor();
      expect(await mine.locator('form.seat-form').count()).toBe(0);
      await shot(mine, 'seats-2-staff-view');

      // The liaison officer sees both sends in the quota, by seat, and in the seat list.
      await liaison.reload();
      await liaison.getByText('本日の送信数').waitFor();
      await expect.poll(() => liaison.locator('#quota-text').innerText()).toContain('2 / 1000 通');
      // The liaison officer's seat is named after the registered liaison officer.
      await expect.poll(() => liaison.locator('.quota-by-seat li').allInnerTexts()).toHaveLength(2);
      expect((await liaison.locator('.quota-by-seat li').allInnerTexts()).sort()).toEqual(
        [`${exampleOfficer.name}: 1通`, `${staff.name}: 1通`].sort(),
      );
      await dashboardTab(liaison, '職員');
      const rows = liaison.locator('table.seats tbody tr');
      await expect.poll(() => rows.nth(1).locator('td').nth(2).innerText()).toBe('1');
      expect(await rows.nth(0).locator('td').nth(2).innerText()).toBe('1');
      await shot(liaison, 'seats-3-quota-both');

      // The inbox thread names who wrote each message.
      await dashboardTab(liaison, '受信箱');
      await liaison.getByRole('heading', { name: '受信箱' }).waitFor();
      await liaison.locator('ul.inbox li').first().waitFor();
      expect(await liaison.locator('ul.inbox li').count()).toBe(2);
      await shot(liaison, 'seats-4-inbox');
    });
  }, 300_000);
});
