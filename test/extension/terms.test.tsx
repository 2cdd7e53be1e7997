/**
 * A change of the terms in the dashboard (R-TOS-1): the seat reads the summary and confirms with
 * one button; the notice goes once the worker has recorded it.
 */
import { describe, expect, it } from 'vitest';
import { TermsNotice } from '../../extension/components/TermsNotice';
import type { TermsStatus } from '../../shared/schemas/terms';
import { click, mount, settle } from './dom';

const v2 = {
  version: 2,
  effectiveOn: '2035-04-01',
  summary: '第7条(2)を改めました。<script>x</script>',
  publishedAt: '2035-03-30T01:00:00.000Z',
  publishedBy: 'S1',
};
const v1 = { ...v2, version: 1, effectiveOn: '2026-04-01', summary: '最初の版' };
const ctx = { baseUrl: 'http://worker.test', token: 't' };

describe('TermsNotice', () => {
  it('R-TOS-1 a seat that must confirm sees the summary as text and confirms with one button; the notice then goes', async () => {
    let confirmed: number | null = null;
    const load = async (): Promise<TermsStatus> =>
      confirmed === 2
        ? { inForce: v2, mustConfirm: null, upcoming: null, confirmedVersion: 2 }
        : { inForce: v2, mustConfirm: v2, upcoming: null, confirmedVersion: null };
    const root = await mount(
      <TermsNotice
        ctx={ctx}
        load={load}
        confirm={async (_c, v) => {
          confirmed = v;
        }}
      />,
    );
    const notice = root.querySelector('section[aria-label="利用規約の変更"]')!;
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('利用規約の第2版が2035年4月1日から施行されています');
    expect(notice.textContent).toContain('<script>x</script>');
    expect(notice.querySelector('script')).toBeNull();
    await click(notice.querySelector('button'));
    await settle();
    expect(confirmed).toBe(2);
    expect(root.querySelector('section')).toBeNull();
  });

  it('R-TOS-1 a version announced for a later day is shown ahead; nothing shows when all is confirmed', async () => {
    const ahead = await mount(
      <TermsNotice ctx={ctx} load={async () => ({ inForce: v1, mustConfirm: null, upcoming: v2, confirmedVersion: null })} />,
    );
    expect(ahead.querySelector('section')?.getAttribute('role')).toBe('status');
    expect(ahead.textContent).toContain('2035年4月1日から施行されます');
    const none = await mount(
      <TermsNotice ctx={ctx} load={async () => ({ inForce: v1, mustConfirm: null, upcoming: null, confirmedVersion: 1 })} />,
    );
    expect(none.querySelector('section')).toBeNull();
  });
});
