/**
 * A message body shown as text, never as HTML (R-MSG-6): Preact puts it in a text node, so markup
 * in it stays visible characters; line breaks are kept by CSS.
 *
 * @example
 * <MessageText body={message.body} />
 */
export function MessageText({ body, id }: { body: string; id?: string }) {
  return (
    <p class="message-text" id={id}>
      {body}
    </p>
  );
}
