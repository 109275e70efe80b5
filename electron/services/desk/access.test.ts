import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { migratedPostgres } from '../../../test/support/pg-database';
import type { TargetLang } from '../../contract';
import { isAppError } from '../errors';
import { DeskAccess } from './access';
import { DeskDirectory, type Principal } from './directory';

const LANGS: TargetLang[] = ['vi', 'en'];
const subsets = <T>(xs: T[]): T[][] =>
  xs.reduce<T[][]>((acc, x) => [...acc, ...acc.map((s) => [...s, x])], [[]]);

/** What the desk's rules say an attempt to edit gets (the rules in words, not the query that checks them). */
function expected(
  who: Principal,
  projectDesk: string,
  assigned: TargetLang[],
  signed: TargetLang[],
  lang: TargetLang,
): string {
  const editor = who.role !== 'reviewer';
  if (projectDesk !== who.desk || (!editor && !assigned.length)) return 'project.notFound';
  if (signed.includes(lang)) return 'desk.languageLocked';
  if (!editor && !assigned.includes(lang)) return 'desk.notAssigned';
  return 'ok';
}

describe('who may edit a language of a desk article', () => {
  const pg = migratedPostgres('access');

  it('answers every combination of role, desk, assignments and sign-offs as the rules say', async () => {
    const dir = new DeskDirectory(pg.database);
    const people: Principal[] = [];
    for (const [role, desk] of [
      ['reviewer', 'main'],
      ['editor', 'main'],
      ['admin', 'main'],
      ['reviewer', 'sports'],
      ['editor', 'sports'],
    ] as const)
      people.push(await dir.createUser({ name: `${role}-${desk}`, role, desk, password: 'long enough 123' }));
    const owner = people[1]!;
    // Two processes: what one remembers of a project must never make it answer differently from the other.
    const [first, second] = [new DeskAccess(pg.database), new DeskAccess(pg.database)];
    let cases = 0;
    for (const who of people)
      for (const assigned of subsets(LANGS))
        for (const signed of subsets(LANGS)) {
          const projectId = randomUUID();
          await first.registerProject(projectId, owner);
          for (const lang of assigned)
            await pg.database.db
              .insertInto('desk_assignments')
              .values({ project_id: projectId, lang, user_id: who.id })
              .execute();
          for (const lang of signed)
            await pg.database.db
              .insertInto('desk_signoffs')
              .values({ project_id: projectId, lang, user_id: owner.id, user_name: owner.name, at: 'now' })
              .execute();
          for (const lang of LANGS)
            for (const access of [first, second, first]) {
              const got = await access.requireEdit(who, projectId, lang).then(
                () => 'ok',
                (e: unknown) => (isAppError(e) ? e.code : String(e)),
              );
              expect(got, JSON.stringify({ who: who.name, assigned, signed, lang })).toBe(
                expected(who, 'main', assigned, signed, lang),
              );
              cases++;
            }
        }
    expect(cases).toBe(5 * 4 * 4 * 2 * 3);
  });

  it('refuses an article nobody registered, and still finds it once another process registers it', async () => {
    const [here, there] = [new DeskAccess(pg.database), new DeskAccess(pg.database)];
    const editor = await new DeskDirectory(pg.database).createUser({
      name: 'late-editor',
      role: 'editor',
      password: 'long enough 123',
    });
    const projectId = randomUUID();
    await expect(here.requireEdit(editor, projectId, 'vi')).rejects.toMatchObject({
      code: 'project.notFound',
    });
    await there.registerProject(projectId, editor);
    await expect(here.requireEdit(editor, projectId, 'vi')).resolves.toBeUndefined();
  });
});
