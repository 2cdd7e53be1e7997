/**
 * The composer's contact-details check while typing (R-MSG-4): the worker's own detector runs once
 * typing pauses, its findings show before sending in a polite live region, as plain text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Composer } from '../../extension/components/Composer';
import { CONTACT_CHECK_DELAY_MS } from '../../extension/components/ContactCheck';
import { describeFindings, disallowedContactDetails } from '../../shared/rules/contact-details';
import { agencyAccount } from './fake-worker';
import { labelled, mount, submit, type } from './dom';

/** Types with the timers stopped: only `pause` moves them, so no machine load decides what fires. */
async function typeNow(el: Element, text: string): Promise<void> {
  (el as HTMLTextAreaElement).value = text;
  await act(() => {
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Stops the timers (after mounting, which waits on real ones). */
function stopTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

async function pause(ms: number): Promise<void> {
  await act(() => {
    vi.advanceTimersByTime(ms);
  });
}

function live(root: HTMLElement): HTMLElement {
  const region = root.querySelector<HTMLElement>('[data-testid="contact-live"]');
  if (!region) throw new Error('no live contact check');
  return region;
}

describe('the contact-details check while typing', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('R-MSG-4 shows what the worker’s detector finds once the agency pauses, before any send, and lets registered contacts pass', async () => {
    const onSend = vi.fn(async () => undefined);
    const registered = agencyAccount().contactMethods;
    const root = await mount(<Composer reader="agency" label="本文" submitLabel="送信する" registered={registered} onSend={onSend} />);
    const textarea = labelled(root, '本文')!;
    expect(live(root).getAttribute('aria-live')).toBe('polite');
    expect(textarea.getAttribute('aria-describedby')).toContain(live(root).id);
    stopTimers();

    const text = '担当の携帯 090-1111-2222 までお電話ください。';
    await typeNow(textarea, text);
    // Not on every key: nothing until typing has paused for the delay.
    expect(live(root).textContent).toBe('');
    await pause(CONTACT_CHECK_DELAY_MS - 50);
    await typeNow(textarea, `${text} よろしくお願いします。`);
    await pause(CONTACT_CHECK_DELAY_MS - 50);
    expect(live(root).textContent).toBe('');
    await pause(60);
    const shown = live(root).textContent ?? '';
    expect(shown).toContain('電話番号（090-1111-2222）');
    // The very sentence the worker's refusal would give, from the same function.
    expect(shown).toContain(describeFindings(disallowedContactDetails(`${text} よろしくお願いします。`, registered)));
    expect(shown).toContain('登録した連絡方法のほかは');
    expect(onSend).not.toHaveBeenCalled();

    await typeNow(textarea, 'ご不明点は 03-1234-5678 または https://mirai.example.jp/contact までどうぞ。');
    await pause(CONTACT_CHECK_DELAY_MS);
    expect(live(root).textContent).toBe('');
  });

  it('R-MSG-4 shows the findings as text, never as markup, and does not repeat the send-time alert', async () => {
    const root = await mount(
      <Composer reader="agency" label="本文" submitLabel="送信する" registered={[]} onSend={async () => undefined} />,
    );
    const textarea = labelled(root, '本文')!;
    stopTimers();
    await typeNow(textarea, '<b onclick="x()">taro@example.com</b><img src=x onerror="alert(1)">');
    await pause(CONTACT_CHECK_DELAY_MS);
    expect(live(root).textContent).toContain('メールアドレス');
    expect(live(root).querySelector('b, img')).toBeNull();

    vi.useRealTimers();
    await submit(root.querySelector('form'));
    expect(root.querySelector('[data-testid="contact-findings"]')?.getAttribute('role')).toBe('alert');
    expect(live(root).textContent).toBe('');
    // Emptied text: nothing to report.
    await type(textarea, '');
    expect(live(root).textContent).toBe('');
  });

  it('R-MSG-4 tells a jobseeker politely, as they type, that names and contacts are not sent', async () => {
    const root = await mount(<Composer reader="seeker" label="質問" submitLabel="送る" onSend={async () => undefined} />);
    stopTimers();
    await typeNow(labelled(root, '質問')!, '090-1234-5678 に電話をください');
    await pause(CONTACT_CHECK_DELAY_MS);
    const shown = live(root).textContent ?? '';
    expect(shown).toContain('電話番号');
    expect(shown).toContain('その部分を消してからお送りください');
  });
});
