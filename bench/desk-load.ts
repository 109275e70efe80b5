// The load half of `npm run bench:desk`: N simulated reviewers saving through the desk's HTTP API, spread over one
// or two desk server processes on one database. Every acknowledged save is verified against the database (its
// history and its cells), never through the process that acknowledged it; an observer on every process counts
// the live updates that never reached it.
import { Agent, request } from 'node:http';
import { sql } from 'kysely';
import { CHANNELS, type ApiMethod, type Project, type Segment } from '../electron/contract';
import { openPostgres, type PostgresDatabase } from '../electron/services/db/postgres';
import { DeskDirectory } from '../electron/services/desk/directory';
import { openEvents, signIn, type DeskClient, type EventStream } from '../test/support/desk';
import { ALL_MIGRATIONS } from '../electron/core/migrations';
import { perEdit, type CpuTimes } from './cpu';

/** What one load run measured. */
export interface LoadResult {
  edits: number;
  editsPerSecond: number;
  p95LatencyMs: number;
  /** Acknowledged saves the database does not hold under the revision they were acknowledged with. */
  lost: number;
  /** Acknowledged saves whose base was not the revision they replaced (another save overwritten unseen). */
  silentOverwrites: number;
  /** Saves refused as conflicts (on the shared cells, expected). */
  conflicts: number;
  /** Acknowledged saves whose live update did not reach an observer (summed over processes). */
  missedLiveUpdates: number;
  /** CPU milliseconds per save of each part (desk processes, PostgreSQL, this load generator), when measured. */
  cpuPerEdit?: CpuTimes;
}

const SYLLABLES =
  '서울시베트남정부대학공동협력선포스마트모빌리티기술상용화전기차충전인프라구축시장기업지원산업';

/**
 * A generated Korean article with `rows` paragraphs (deterministic), headed by `title`: each run gets its own (the
 * desk reopens an article imported before instead of making a second project).
 */
export function article(rows: number, title = '기사'): string {
  let seed = 7;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const out: string[] = [title];
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

/**
 * A signed-in reviewer's API calls over one kept-alive connection of node:http. The tests' client uses fetch,
 * which costs about 0.7 ms more CPU a request here: at 400 saves/s the load generator would take a third of this
 * 2-core machine from the processes it measures.
 */
function lightClient(baseUrl: string, signedIn: DeskClient): DeskClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const call = (method: ApiMethod, ...args: unknown[]) =>
    new Promise<never>((ok, fail) => {
      const body = JSON.stringify(args);
      const req = request(
        new URL(`/api/${CHANNELS[method]}`, baseUrl),
        {
          method: 'POST',
          agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'X-Review-Request': '1',
            Cookie: signedIn.cookie,
          },
        },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (data += chunk));
          res.on('end', () => ok(JSON.parse(data) as never));
          res.on('error', fail);
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  return { ...signedIn, call };
}

/** Sign in a few at a time (the door admits a few password hashes at once per address). */
async function signInAll(urls: string[], names: string[]): Promise<DeskClient[]> {
  const out: DeskClient[] = [];
  for (let i = 0; i < names.length; i += 8)
    out.push(
      ...(await Promise.all(
        names.slice(i, i + 8).map(async (n, j) => {
          const url = urls[(i + j) % urls.length]!;
          return lightClient(url, await signIn(url, n, 'bench-password'));
        }),
      )),
    );
  return out;
}

/** Editor accounts (they may edit every language) and an article for one run, through the first process. */
export async function prepare(
  url: string,
  servers: string[],
  reviewers: number,
  tag: string,
  /** Paragraphs of the article (default: two per reviewer and two shared). */
  rows = reviewers * 2 + 2,
): Promise<{ project: Project; clients: DeskClient[]; editor: DeskClient }> {
  const db = await openPostgres(url, ALL_MIGRATIONS, { poolSize: 2 });
  const dir = new DeskDirectory(db);
  const names = Array.from({ length: reviewers }, (_, i) => `r${tag}-${i}`);
  for (const n of [`ed${tag}`, ...names])
    await dir.createUser({ name: n, role: 'editor', password: 'bench-password' });
  await db.close();
  const [editor] = await signInAll([servers[0]!], [`ed${tag}`]);
  const created = await editor!.call<{ project: Project }>('importText', {
    text: article(rows, `기사 ${tag}`),
    name: tag,
  });
  if (!created.value) throw new Error(`import failed: ${JSON.stringify(created.error)}`);
  return { project: created.value.project, clients: await signInAll(servers, names), editor: editor! };
}

interface Ack {
  cell: string;
  baseRev: number;
  rev: number;
  text: string;
}

type Reply = { value?: Segment; error?: { code: string; params?: { rev?: number } } };

/** Every committed (cell, revision) → text of a project, from its history in the database. */
async function committed(db: PostgresDatabase, projectId: string): Promise<Map<string, string>> {
  const rows = await sql<{ segment_id: string; after_json: string | null }>`
    SELECT segment_id, after_json FROM segment_changes WHERE project_id = ${projectId}`.execute(db.db);
  const out = new Map<string, string>();
  for (const r of rows.rows) {
    if (!r.after_json) continue;
    const s = JSON.parse(r.after_json) as Segment;
    for (const lang of ['vi', 'en'] as const)
      out.set(`${r.segment_id}/${lang}/${s.targets[lang].rev ?? 0}`, s.targets[lang].text);
  }
  return out;
}

/** How a load run goes beyond its length. */
export interface LoadOptions {
  /** Stop when this settles instead (a background job's duration); edits/s is then per its duration. */
  until?: Promise<unknown>;
  /**
   * Each reviewer saves on a schedule, one save every `paceMs` (none: back to back, the desk saturated). A save's
   * time counts from when it was due, so a save held up behind a slow one counts its wait too.
   */
  paceMs?: number;
  /** Reads the CPU used so far by each part: read when the saves start and end (not the verification after). */
  cpu?: () => CpuTimes;
}

/**
 * Save for `seconds`: each reviewer alternates between its own two rows and (every fourth save) two cells everyone
 * shares, always sending the revision it last saw; `observers` (one per process) watch the live updates.
 */
export async function runLoad(
  url: string,
  project: Project,
  clients: DeskClient[],
  observers: EventStream[],
  seconds: number,
  opts: LoadOptions = {},
): Promise<LoadResult> {
  const { until, paceMs } = opts;
  const rows = project.segments;
  const hot = [`${rows[1]!.id}/vi`, `${rows[2]!.id}/vi`]; // row 0: the title
  const acks: Ack[] = [];
  const latencies: number[] = [];
  let conflicts = 0;
  for (const o of observers) o.events.splice(0);
  const cpuBefore = opts.cpu?.();
  const start = performance.now();
  const end = start + seconds * 1000;
  let stopped = false;
  void until?.finally(() => (stopped = true));
  const going = () => (until ? !stopped : performance.now() < end);
  await Promise.all(
    clients.map(async (client, r) => {
      const known = new Map<string, number>();
      for (let n = 0; going(); n++) {
        const own = `${rows[3 + 2 * r + (n % 2)]!.id}/${n % 4 < 2 ? 'vi' : 'en'}`;
        const cell = n % 4 === 3 ? hot[n % 8 === 3 ? 0 : 1]! : own;
        const [segmentId, lang] = cell.split('/') as [string, 'vi' | 'en'];
        const baseRev = known.get(cell) ?? 0;
        const text = `${project.id.slice(0, 8)} r${r} save ${n} ${lang}`; // unique across runs too
        const t0 = paceMs ? await due(start + (r / clients.length + n) * paceMs) : performance.now();
        const reply = (await client.call('updateCell', {
          projectId: project.id,
          segmentId,
          lang,
          text,
          baseRev,
        })) as Reply;
        latencies.push(performance.now() - t0);
        if (reply.value) {
          const rev = reply.value.targets[lang].rev ?? 0;
          acks.push({ cell, baseRev, rev, text });
          known.set(cell, rev);
        } else if (reply.error?.code === 'cell.conflict') {
          conflicts++;
          known.set(cell, reply.error.params?.rev ?? baseRev);
        } else throw new Error(`save failed: ${JSON.stringify(reply.error)}`);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpuAfter = opts.cpu?.();
  const lost = await lostSaves(url, project.id, acks);
  const missed = await missedUpdates(observers, new Set(acks.map((a) => a.text)));
  if (process.env.DESK_BENCH_DEBUG)
    for (const a of acks.filter((x) => x.rev !== x.baseRev + 1)) console.log('overwrite?', JSON.stringify(a));
  return {
    edits: latencies.length,
    editsPerSecond: latencies.length / (until ? elapsed : seconds),
    p95LatencyMs: p95(latencies),
    lost,
    silentOverwrites: acks.filter((a) => a.rev !== a.baseRev + 1).length,
    conflicts,
    missedLiveUpdates: missed,
    cpuPerEdit: cpuBefore && cpuAfter && perEdit(cpuBefore, cpuAfter, latencies.length),
  };
}

/** Acknowledged saves the database does not hold under their revision, read through a connection of its own. */
async function lostSaves(url: string, projectId: string, acks: Ack[]): Promise<number> {
  const db = await openPostgres(url, ALL_MIGRATIONS, { poolSize: 1 });
  const history = await committed(db, projectId);
  await db.close();
  return acks.filter((a) => history.get(`${a.cell}/${a.rev}`) !== a.text).length;
}

/** Acknowledged texts that never reached an observer, summed over observers (waiting up to 10 s for stragglers). */
async function missedUpdates(observers: EventStream[], texts: Set<string>): Promise<number> {
  const missing = () => {
    let n = 0;
    for (const o of observers) {
      const seen = new Set<string>();
      for (const { event } of o.events)
        if (event.type === 'segments-updated')
          for (const s of event.segments) for (const l of ['vi', 'en'] as const) seen.add(s.targets[l].text);
      for (const t of texts) if (!seen.has(t)) n++;
    }
    return n;
  };
  const deadline = Date.now() + 10_000;
  let missed = missing();
  while (missed > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    missed = missing();
  }
  return missed;
}

/** Wait until `at` (performance.now() time) if it is still ahead; returns `at`. */
async function due(at: number): Promise<number> {
  const wait = at - performance.now();
  if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
  return at;
}

/** Open an observer's event stream on each process. */
export async function observe(servers: string[], editor: DeskClient): Promise<EventStream[]> {
  return Promise.all(servers.map((s) => openEvents(s, editor.cookie)));
}
