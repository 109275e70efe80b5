/**
 * Read a server-sent event stream (the desk's `/api/events`): each event's `data:` lines joined, comments and
 * other fields ignored (the desk sends only data and keep-alive comments). Resolves when the stream ends.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onData: (data: string) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  const line = (text: string) => {
    if (text === '') {
      if (data.length) onData(data.join('\n'));
      data = [];
    } else if (text.startsWith('data:')) data.push(text.slice(text[5] === ' ' ? 6 : 5));
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
