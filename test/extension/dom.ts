/**
 * A few helpers to drive Preact components in happy-dom the way a person would: type, click,
 * submit, and wait for what follows (effects, fetches, Dexie live queries).
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** Renders into a fresh container attached to the document. */
export async function mount(vnode: ComponentChild): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  await act(() => {
    render(vnode, container);
  });
  await settle();
  return container;
}

/** Lets pending promises, effects and live queries run. */
export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
  }
}

/** Types into an input or textarea (replacing its value) and fires `input`. */
export async function type(el: Element | null, text: string): Promise<void> {
  if (!el) throw new Error('no element to type into');
  (el as HTMLInputElement).value = text;
  await act(() => {
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle(2);
}

/** Clicks an element. */
export async function click(el: Element | null): Promise<void> {
  if (!el) throw new Error('no element to click');
  await act(() => {
    (el as HTMLElement).click();
  });
  await settle();
}

/** Submits a form. */
export async function submit(form: Element | null): Promise<void> {
  if (!form) throw new Error('no form to submit');
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

/** The first button whose text includes `text`. */
export function button(container: Element, text: string): HTMLButtonElement | null {
  return [...container.querySelectorAll('button')].find((b) => b.textContent?.includes(text)) ?? null;
}

/** The control labelled `text` (by `<label for>`). */
export function labelled(container: Element, text: string): HTMLElement | null {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent?.includes(text));
  const id = label?.getAttribute('for');
  return id ? (container.querySelector(`#${CSS.escape(id)}`) as HTMLElement | null) : null;
}
