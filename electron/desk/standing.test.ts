import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type DeskRole, type ImportOutcome, type Project, type TargetLang } from '../contract';
import { ALL_MIGRATIONS } from '../core/migrations';
import { openPostgres, type PostgresDatabase } from '../services/db/postgres';
import { signIn, startTestDesk, type TestDesk } from '../../test/support/desk';

const ARTICLE = ['제목', '첫 문단입니다.', '둘째 문단입니다.'].join('\n\n');
const LANGS: TargetLang[] = ['vi', 'en'];

/** Lan's standing as committed, changed behind the desk processes' backs (straight in the database). */
interface Model {
  signedIn: boolean;
  disabled: boolean;
  role: DeskRole;
  assigned: Set<TargetLang>;
  signedOff: Set<TargetLang>;
  cells: Record<TargetLang, { text: string; rev: number }>;
}

type Step =
  | { kind: 'edit'; lang: TargetLang; via: 0 | 1; how: 'new' | 'stale' | 'same' }
  | { kind: 'logout' | 'signIn' }
  | { kind: 'disable'; on: boolean }
  | { kind: 'role'; role: DeskRole }
  | { kind: 'assign' | 'signOff'; lang: TargetLang; on: boolean };

const lang = fc.constantFrom(...LANGS);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      lang,
      via: fc.constantFrom(0 as const, 1 as const),
      how: fc.constantFrom('new' as const, 'new' as const, 'stale' as const, 'same' as const),
    }),
  },
  fc.record({ kind: fc.constantFrom('logout' as const, 'signIn' as const) }),
  fc.record({ kind: fc.constant('disable' as const), on: fc.boolean() }),
  fc.record({
    kind: fc.constant('role' as const),
    role: fc.constantFrom<DeskRole>('reviewer', 'editor', 'admin'),
  }),
  fc.record({ kind: fc.constantFrom('assign' as const, 'signOff' as const), lang, on: fc.boolean() }),
);

/** What an edit must answer, from the standing as committed (the order of the guard's refusals). */
function expected(m: Model, l: TargetLang, how: Step & { kind: 'edit' }): string {
  if (!m.signedIn || m.disabled) return 'desk.notSignedIn';
  const editor = m.role !== 'reviewer';
  if (!editor && m.assigned.size === 0) return 'project.notFound';
  if (m.signedOff.has(l)) return 'desk.languageLocked';
  if (!editor && !m.assigned.has(l)) return 'desk.notAssigned';
  if (how.how === 'stale') return 'cell.conflict';
  return 'ok';
}

// A desk process remembers who is behind a session for its edit calls, and checks their standing inside the
// edit's own transaction. Sessions ended, accounts disabled, roles, assignments and sign-offs changed in the
// database behind its back (no notification reaches it) must still decide every edit at once, through either
// process, a conflict or a save of the same text included: the answer and the database both follow the standing.
describe('desk: an edit follows its author’s standing as committed, whatever a process remembers', () => {
  let desk: TestDesk;
  let db: PostgresDatabase;
  let urls: string[];
  let project: Project;
  let lanId: string;
  let cookie = '';

  beforeAll(async () => {
    desk = await startTestDesk('standing', [
      { name: 'minh', role: 'editor', password: 'minh-password' },
      { name: 'lan', role: 'editor', password: 'lan-password' },
    ]);
    urls = [desk.server.url, (await desk.startPeer()).url];
    db = await openPostgres(desk.url, ALL_MIGRATIONS, { poolSize: 2 });
    const minh = await signIn(urls[0]!, 'minh', 'minh-password');
    project = (await minh.call<ImportOutcome>('importText', { text: ARTICLE, name: 'S' })).value!.project;
    const lan = await signIn(urls[0]!, 'lan', 'lan-password');
    lanId = (await lan.call<{ id: string }>('deskWhoAmI')).value!.id;
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await desk?.close();
  });

  const call = (via: number, method: 'updateCell', arg: unknown) =>
    fetch(new URL(`/api/${CHANNELS[method]}`, urls[via]), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Review-Request': '1', Cookie: cookie },
      body: JSON.stringify([arg]),
    }).then((r) => r.json() as Promise<{ value?: unknown; error?: { code: string } }>);

  async function stored(l: TargetLang): Promise<{ text: string; rev: number }> {
    const r = await sql<{ text: string; rev: number }>`SELECT text, rev FROM cells
      WHERE project_id = ${project.id} AND segment_id = ${project.segments[1]!.id} AND lang = ${l}`.execute(
      db.db,
    );
    return { text: r.rows[0]!.text, rev: Number(r.rows[0]!.rev) };
  }

  async function reset(m: Model): Promise<void> {
    await sql`DELETE FROM desk_assignments WHERE project_id = ${project.id}`.execute(db.db);
    await sql`DELETE FROM desk_signoffs WHERE project_id = ${project.id}`.execute(db.db);
    await sql`UPDATE desk_users SET role = 'editor', disabled = 0 WHERE id = ${lanId}`.execute(db.db);
    cookie = (await signIn(urls[0]!, 'lan', 'lan-password')).cookie;
    for (const l of LANGS) m.cells[l] = await stored(l);
    // Both processes remember Lan's session now (a save of the same text through each).
    for (const via of [0, 1]) await call(via, 'updateCell', edit(m, 'vi', 'same'));
  }

  function edit(m: Model, l: TargetLang, how: 'new' | 'stale' | 'same', n = 0) {
    const { text, rev } = m.cells[l];
    return {
      projectId: project.id,
      segmentId: project.segments[1]!.id,
      lang: l,
      text: how === 'same' ? text : `bản ${n} ${l}`,
      baseRev: how === 'stale' ? rev - 1 : rev,
    };
  }

  async function apply(m: Model, s: Step, n: number): Promise<void> {
    const q = (x: ReturnType<typeof sql>) => x.execute(db.db);
    switch (s.kind) {
      case 'edit': {
        if (s.how === 'stale' && m.cells[s.lang].rev === 0) return;
        const want = expected(m, s.lang, s);
        const reply = await call(s.via, 'updateCell', edit(m, s.lang, s.how, n));
        expect(reply.error?.code ?? 'ok', JSON.stringify(s)).toBe(want);
        if (want === 'ok' && s.how === 'new')
          m.cells[s.lang] = { text: `bản ${n} ${s.lang}`, rev: m.cells[s.lang].rev + 1 };
        for (const l of LANGS) expect(await stored(l), `${l} after ${JSON.stringify(s)}`).toEqual(m.cells[l]);
        return;
      }
      case 'logout':
        await q(sql`DELETE FROM desk_sessions WHERE user_id = ${lanId}`);
        m.signedIn = false;
        return;
      case 'signIn':
        if (m.disabled) return;
        cookie = (await signIn(urls[n % 2]!, 'lan', 'lan-password')).cookie;
        m.signedIn = true;
        return;
      case 'disable':
        await q(sql`UPDATE desk_users SET disabled = ${s.on ? 1 : 0} WHERE id = ${lanId}`);
        m.disabled = s.on;
        return;
      case 'role':
        await q(sql`UPDATE desk_users SET role = ${s.role} WHERE id = ${lanId}`);
        m.role = s.role;
        return;
      case 'assign':
        if (s.on)
          await q(sql`INSERT INTO desk_assignments (project_id, lang, user_id) VALUES (${project.id}, ${s.lang}, ${lanId})
            ON CONFLICT DO NOTHING`);
        else
          await q(
            sql`DELETE FROM desk_assignments WHERE project_id = ${project.id} AND lang = ${s.lang} AND user_id = ${lanId}`,
          );
        m.assigned[s.on ? 'add' : 'delete'](s.lang);
        return;
      case 'signOff':
        if (s.on)
          await q(sql`INSERT INTO desk_signoffs (project_id, lang, user_id, user_name, at) VALUES (${project.id}, ${s.lang}, ${lanId}, 'minh', ${new Date().toISOString()})
            ON CONFLICT DO NOTHING`);
        else await q(sql`DELETE FROM desk_signoffs WHERE project_id = ${project.id} AND lang = ${s.lang}`);
        m.signedOff[s.on ? 'add' : 'delete'](s.lang);
        return;
    }
  }

  it('in any sequence of changes to it', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        const m: Model = {
          signedIn: true,
          disabled: false,
          role: 'editor',
          assigned: new Set(),
          signedOff: new Set(),
          cells: { vi: { text: '', rev: 0 }, en: { text: '', rev: 0 } },
        };
        await reset(m);
        for (const s of steps) await apply(m, s, n++);
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
