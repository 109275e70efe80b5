// The load half of `npm run bench:desk`: N simulated reviewers editing one article through the desk's HTTP API
// while an observer on a second server process measures how fast each change reaches it (LISTEN/NOTIFY → SSE).
import type { Project, Segment } from '../electron/contract';
import type { DeskServer } from '../electron/desk/server';
import { openEvents, signIn, type DeskClient } from '../test/support/desk';
import { openPostgres } from '../electron/services/db/postgres';
import { DeskAccess } from '../electron/services/desk/access';
import { DeskDirectory } from '../electron/services/desk/directory';

/** What one load run measured. */
export interface LoadResult {
  edits: number;
  editsPerSecond: number;
  p95LatencyMs: number;
  lostUpdates: number;
  /** Edits whose event never reached the observer. */
  undelivered: number;
  /** From the acknowledgement of an edit to its event at a client of the other process (0 when it came first). */
  p95FanoutMs: number;
  /** From sending an edit to its event at a client of the other process (includes the request's own queueing). */
  p95SendToOtherMs: number;
}

const SYLLABLES =
  '서울시베트남정부대학공동협력선포스마트모빌리티기술상용화전기차충전인프라구축시장기업지원산업';

/** A generated Korean article with `rows` paragraphs (deterministic). */
export function article(rows: number): string {
  let seed = 7;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    let s = `${i + 1}. `;
    while (s.length < 80) s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)] + (rand() < 0.25 ? ' ' : '');
    out.push(`${s}.`);
  }
  return out.join('\n\n');
}

export const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! : NaN;
};

/** Create the editor, observer and `reviewers` accounts, the article, and the assignments. */
export async function prepare(
  url: string,
  a: DeskServer,
  reviewers: number,
  tag: string,
): Promise<{ project: Project; clients: DeskClient[] }> {
  const db = await openPostgres(url, { poolSize: 2 });
  const dir = new DeskDirectory(db);
  const names = Array.from({ length: reviewers }, (_, i) => `r${tag}-${i}`);
  await dir.createUser({ name: `ed${tag}`, role: 'editor', password: 'bench-password' });
  const ids = [];
  for (const n of names)
    ids.push((await dir.createUser({ name: n, role: 'reviewer', password: 'bench-password' })).id);
  const editor = await signIn(a.url, `ed${tag}`, 'bench-password');
  const created = await editor.call<{ project: Project }>('importText', {
    text: article(reviewers * 2),
    name: tag,
  });
  if (!created.value) throw new Error(`import failed: ${JSON.stringify(created.error)}`);
  const project = created.value.project;
  const access = new DeskAccess(db);
  for (const id of ids)
    for (const lang of ['vi', 'en'] as const) await access.assign(project.id, lang, id, true);
  await db.close();
  const clients = await Promise.all(names.map((n) => signIn(a.url, n, 'bench-password')));
  return { project, clients: [editor, ...clients] };
}

/** Run the load for `seconds`: every reviewer edits its own two rows (both languages) as fast as answers come. */
export async function runLoad(
  a: DeskServer,
  b: DeskServer,
  project: Project,
  clients: DeskClient[],
  seconds: number,
  tag: string,
): Promise<LoadResult> {
  const [editor, ...reviewers] = clients as [DeskClient, ...DeskClient[]];
  const observer = await signIn(b.url, `ed${tag}`, 'bench-password');
  const stream = await openEvents(b.url, observer.cookie);
  const sentAt = new Map<string, number>();
  const ackAt = new Map<string, number>();
  const arrivedAt = new Map<string, number>();
  const fanout: number[] = [];
  const latencies: number[] = [];
  const acknowledged = new Map<string, string>();
  const seen = new Set<string>();
  const check = setInterval(() => {
    for (const { event, at } of stream.events.splice(0)) {
      if (event.type !== 'segments-updated') continue;
      for (const s of event.segments)
        for (const lang of ['vi', 'en'] as const) {
          const token = s.targets[lang].text;
          const t0 = sentAt.get(token);
          if (t0 !== undefined && !seen.has(token)) {
            seen.add(token);
            fanout.push(at - t0);
            arrivedAt.set(token, at);
          }
        }
    }
  }, 20);
  const rows = project.segments;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    reviewers.map(async (client, r) => {
      for (let n = 0; performance.now() < end; n++) {
        const segment: Segment = rows[(2 * r + (n % 2)) % rows.length]!;
        const lang = n % 4 < 2 ? 'vi' : 'en';
        const text = `r${r} edit ${n} ${lang}`;
        const t0 = performance.now();
        sentAt.set(text, t0);
        const reply = await client.call('updateCell', {
          projectId: project.id,
          segmentId: segment.id,
          lang,
          text,
        });
        latencies.push(performance.now() - t0);
        ackAt.set(text, performance.now());
        if (!reply.error) acknowledged.set(`${segment.id}/${lang}`, text);
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 1500)); // the last events in flight
  clearInterval(check);
  stream.close();
  const final = (await editor.call<Project>('openProject', project.id)).value!;
  let lost = 0;
  for (const [key, text] of acknowledged) {
    const [segmentId, lang] = key.split('/') as [string, 'vi' | 'en'];
    if (final.segments.find((s) => s.id === segmentId)?.targets[lang].text !== text) lost++;
  }
  return {
    edits: latencies.length,
    editsPerSecond: latencies.length / seconds,
    p95LatencyMs: p95(latencies),
    lostUpdates: lost,
    undelivered: latencies.length - fanout.length,
    p95SendToOtherMs: p95(fanout),
    p95FanoutMs: p95([...arrivedAt].map(([token, at]) => Math.max(0, at - (ackAt.get(token) ?? at)))),
  };
}
