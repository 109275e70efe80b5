import { request } from 'node:http';
import { connect, createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Segment } from '../contract';
import { twoEditorsWithProject } from '../../test/support/desk-project';

const ARTICLE = ['제목', '첫 문단입니다.', '둘째 문단입니다.'].join('\n\n');

type Reply = { value?: Segment; error?: { code: string; params?: { rev?: number; text?: string } } };

/**
 * A connection to `target` that carries the request whole and cuts the line as the answer starts to come back:
 * the desk commits the save, the sender never hears so (fault injection).
 */
async function answerLost(target: string): Promise<Server> {
  const { port } = new URL(target);
  const proxy = createServer((client) => {
    const upstream = connect(Number(port), '127.0.0.1');
    client.pipe(upstream);
    upstream.once('data', () => {
      upstream.destroy();
      client.destroy();
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  return proxy;
}

/** POST an API call through `proxy`, naming the desk's own host (its Host check); resolves once the line is cut. */
function callThrough(
  proxy: Server,
  target: string,
  cookie: string,
  body: unknown,
): Promise<'lost' | 'answered'> {
  const { port } = proxy.address() as { port: number };
  return new Promise((resolve) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/${CHANNELS.updateCell}`,
      headers: {
        Host: new URL(target).host,
        'Content-Type': 'application/json',
        'X-Review-Request': '1',
        Cookie: cookie,
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve('answered'));
      res.on('error', () => resolve('lost'));
    });
    req.on('error', () => resolve('lost'));
    req.end(JSON.stringify([body]));
  });
}

// A save committed but whose answer was lost, sent again (through the other process, after a colleague changed
// the cell on top of it): recognised by its key as the sender's own, answered as done, never a conflict.
describe('desk: idempotency keys on saves', () => {
  const t = twoEditorsWithProject('keys', { text: ARTICLE, name: 'K' }, 'minhA');

  /** The cell as the database holds it. */
  async function stored(segmentId: string): Promise<{ text: string; rev: number }> {
    const { text, rev } = await t.cell(segmentId);
    return { text, rev };
  }

  it('a retried save whose answer was lost is the sender’s own, through the other process too', async () => {
    const segmentId = t.project.segments[1]!.id;
    const save = { projectId: t.project.id, segmentId, lang: 'vi', text: 'bản của Minh', baseRev: 0 };
    const key = 'minh-save-0001';
    const proxy = await answerLost(t.a.url);
    expect(await callThrough(proxy, t.a.url, t.minhA.cookie, { ...save, key })).toBe('lost');
    proxy.close();
    expect(await stored(segmentId)).toEqual({ text: 'bản của Minh', rev: 1 }); // committed nonetheless
    // A colleague builds on it before the retry comes.
    const lan = (await t.lan.call('updateCell', { ...save, text: 'Lan sửa tiếp', baseRev: 1 })) as Reply;
    expect(lan.value?.targets.vi.rev).toBe(2);

    // Without its key the retry is indistinguishable from a stale save: a conflict with Lan's text.
    const blind = (await t.minhB.call('updateCell', save)) as Reply;
    expect(blind.error).toMatchObject({ code: 'cell.conflict', params: { rev: 2, text: 'Lan sửa tiếp' } });
    // With it, through the other process: done, answered with the row as stored now; nothing is written again.
    const retried = (await t.minhB.call('updateCell', { ...save, key })) as Reply;
    expect(retried.error).toBeUndefined();
    expect(retried.value?.targets.vi).toMatchObject({ text: 'Lan sửa tiếp', rev: 2 });
    expect(await stored(segmentId)).toEqual({ text: 'Lan sửa tiếp', rev: 2 });
    const { rows } = await t.a.database.pool.query<{ rev: number }>(
      'SELECT rev FROM save_keys WHERE key = $1 AND segment_id = $2',
      [key, segmentId],
    );
    expect(rows).toEqual([{ rev: 1 }]);
  }, 30_000);

  it('a key is its sender’s and its cell’s: another person or another cell does not take it over', async () => {
    const [first, second] = [t.project.segments[0]!.id, t.project.segments[2]!.id];
    const key = 'minh-save-0002';
    const mine = (await t.minhA.call('updateCell', {
      projectId: t.project.id,
      segmentId: first,
      lang: 'vi',
      text: 'một',
      baseRev: 0,
      key,
    })) as Reply;
    expect(mine.value?.targets.vi.rev).toBe(1);
    // Lan, sending a stale save under Minh's key, is told of the conflict as anyone would be.
    const lan = (await t.lan.call('updateCell', {
      projectId: t.project.id,
      segmentId: first,
      lang: 'vi',
      text: 'khác',
      baseRev: 0,
      key,
    })) as Reply;
    expect(lan.error?.code).toBe('cell.conflict');
    // The same key on another cell is a save of its own (written, not answered from the first cell).
    const other = (await t.minhB.call('updateCell', {
      projectId: t.project.id,
      segmentId: second,
      lang: 'vi',
      text: 'hai',
      baseRev: 0,
      key,
    })) as Reply;
    expect(other.value?.targets.vi).toMatchObject({ text: 'hai', rev: 1 });
    expect(await stored(second)).toEqual({ text: 'hai', rev: 1 });
  }, 30_000);
});
