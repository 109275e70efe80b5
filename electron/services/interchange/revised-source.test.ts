/**
 * An XLIFF file goes out, the Korean article is revised meanwhile (Article › Open revised version), and the file
 * comes back translated and approved in a CAT tool. Its work is on the earlier Korean: applied, a row whose fare
 * changed would be approved with the old figures and lose its "changed by revision" mark. Such a unit is refused
 * and listed; units whose Korean did not change apply. The article: `test/fixtures/articles/busan-fare.ko.html`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../contract';
import { reviewedArticle } from '../../../test/support/hunt-articles';
import { testCores } from '../../../test/support/project-cores';

const cores = testCores();
const HTML = join(import.meta.dirname, '../../../test/fixtures/articles/busan-fare.ko.html');
const OLD = '1,600원으로 150원(10.3%)';
const NEW = '1,550원으로 100원(6.9%)';

/** The article with the fare row typed over but not approved (the rest approved), in a core. */
async function reviewed(): Promise<{ project: Project; fare: string; last: string }> {
  const project = await reviewedArticle('busan');
  const fare = project.segments.find((s) => s.source.includes(OLD))!;
  for (const lang of ['vi', 'en'] as const) {
    const { approvedAt: _a, approvedBy: _b, ...cell } = fare.targets[lang];
    fare.targets[lang] = { ...cell, status: 'edited' };
  }
  return { project, fare: fare.id, last: project.segments.at(-1)!.id };
}

/** Approve a unit of our XLIFF 2.0 export and retype its target, as a CAT tool would. */
function approveIn(xml: string, id: string, text: string): string {
  return xml.replace(
    new RegExp(
      `(<unit id="${id}"[\\s\\S]*?<segment[^>]*?state=")[^"]*("[\\s\\S]*?<target[^>]*>)[^<]*(</target>)`,
    ),
    `$1final$2${text}$3`,
  );
}

describe('a file translated from the Korean as it was before a revision', () => {
  it('its units whose Korean changed are refused and listed, the row still awaiting review; the rest applies', async () => {
    const { core } = await cores.open();
    const { project, fare, last } = await reviewed();
    await core.store.insert(structuredClone(project));
    const out = await core.handlers.buildExport({
      projectId: project.id,
      lang: 'vi',
      format: 'xliff2',
      policy: 'include-unapproved',
    });
    // The newsroom revises the fare paragraph.
    const revised = readFileSync(HTML, 'utf8').replace('<strong>1,600원</strong>으로 150원(10.3%)', NEW);
    const merged = await core.handlers.importArticle({
      fileName: 'busan-fare.ko.html',
      dataBase64: Buffer.from(revised).toString('base64'),
      intoProjectId: project.id,
    });
    expect(merged.reimport).toMatchObject({ changed: 1, new: 0, removed: 0 });
    const before = (await core.store.get(project.id)).segments.find((s) => s.id === fare)!;
    expect(before).toMatchObject({ change: 'changed', targets: { vi: { status: 'edited' } } });

    let xml = Buffer.from(out.dataBase64, 'base64').toString('utf8');
    xml = approveIn(xml, fare, 'Giá vé tăng lên 1.600 won, thêm 150 won (10,3%).');
    xml = approveIn(xml, last, 'Kim Min-ji, phóng viên.');
    const summary = await core.handlers.importInterchange({
      projectId: project.id,
      fileName: 'back.xlf',
      dataBase64: Buffer.from(xml).toString('base64'),
    });
    expect(summary.refused).toEqual([{ segmentId: fare, reason: 'sourceChanged' }]);
    const after = await core.store.get(project.id);
    expect(after.segments.find((s) => s.id === fare)).toEqual(before);
    expect(after.segments.find((s) => s.id === last)!.targets.vi.text).toBe('Kim Min-ji, phóng viên.');
  });
});
