/**
 * Read a server-sent event stream (the desk's `/api/events`): each event's `data:` lines joined, with the event's
 * `id:` (the last one seen, as EventSource keeps it); comments and other fields ignored. An event of another
 * type (the desk's `resume` point) only moves the resume point (`onId`). Resolves when the stream ends.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onData: (data: string, id: string | undefined) => void,
  onId: (id: string) => void = () => undefined,
): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let id: string | undefined;
  let type = '';
  const field = (text: string, name: string) =>
    text.slice(text[name.length + 1] === ' ' ? name.length + 2 : name.length + 1);
  const line = (text: string) => {
    if (text === '') {
      if (data.length && (type === '' || type === 'message')) onData(data.join('\n'), id);
      else if (data.length && id !== undefined) onId(id);
      data = [];
      type = '';
    } else if (text.startsWith('data:')) data.push(field(text, 'data'));
    else if (text.startsWith('event:')) type = field(text, 'event');
    else if (text.startsWith('id:') && !text.includes('\0')) id = field(text, 'id');
  };
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let at: number;
    while ((at = buffer.search(/\r\n|\r|\n/)) >= 0) {
      // A CR ending the chunk may be the first half of CRLF: wait for the next chunk.
      if (buffer[at] === '\r' && at === buffer.length - 1) break;
      const eol = buffer.startsWith('\r\n', at) ? 2 : 1;
      line(buffer.slice(0, at));
      buffer = buffer.slice(at + eol);
    }
  }
}
