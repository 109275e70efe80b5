import { featureCore, type FeatureCore } from '../../test/support/project';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '../contract';
import type { Core } from '../handlers';
import type { SettingsStore } from '../services/settings';

let core: Core;
let settings: SettingsStore;
let fixture: FeatureCore;
beforeEach(async () => {
  fixture = await featureCore({
    prefix: 'core-tm-',
    reviewer: 'Trần Lan',
    now: () => new Date('2026-11-25T08:00:00.000Z'),
  });
  ({ core, settings } = fixture);
});
afterEach(async () => {
  await fixture.close();
});

const HEADLINE_A = '서울시, 베트남과 스마트 모빌리티 협력';
const DATELINE = '[서울=뉴시스]홍길동 기자 =';
const PARA = '서울시는 4일 베트남 하노이시와 스마트 모빌리티 분야 협력을 위한 업무협약을 체결했다고 밝혔다.';
const COPYRIGHT = '<저작권자ⓒ 공감언론 뉴시스통신사. 무단전재-재배포 금지.>';

async function article(lines: string[]): Promise<Project> {
  return (await core.handlers.importText({ text: lines.join('\n') })).project;
}
const rowOf = (p: Project, source: string) => p.segments.find((s) => s.source === source)!;

describe('translation memory through the API', () => {
  it('remembers an approval; the next article gets 100 %, and 101 % where the neighbours match too', async () => {
    const a = await article([HEADLINE_A, DATELINE, PARA, COPYRIGHT]);
    expect(rowOf(a, COPYRIGHT).translate).toBe(true); // copyright lines are translated by default
    for (const [source, text] of [
      [DATELINE, '[Seoul=Newsis] Phóng viên Hong Gil-dong ='],
      [PARA, 'Thành phố Seoul ngày 4 cho biết…'],
      [COPYRIGHT, '<Bản quyền © Newsis. Nghiêm cấm sao chép.>'],
    ] as const) {
      const ref = { projectId: a.id, segmentId: rowOf(a, source).id, lang: 'vi' as const };
      await core.handlers.updateCell({ ...ref, text });
      await core.handlers.approveCell(ref);
    }
    // Not approved: not remembered.
    const en = { projectId: a.id, segmentId: rowOf(a, PARA).id, lang: 'en' as const };
    await core.handlers.updateCell({ ...en, text: 'Seoul said…' });

    const b = await article(['부산시, 일본과 관광 협력', DATELINE, PARA, COPYRIGHT]);
    const look = (source: string, lang: 'vi' | 'en' = 'vi') =>
      core.handlers.tmLookup({ projectId: b.id, segmentId: rowOf(b, source).id, lang });
    // The dateline follows another headline here: an exact match, not in context.
    expect(await look(DATELINE)).toMatchObject([
      {
        score: 100,
        kind: 'exact',
        target: '[Seoul=Newsis] Phóng viên Hong Gil-dong =',
        projectName: HEADLINE_A,
        reviewer: 'Trần Lan',
      },
    ]);
    // The paragraph sits between the same dateline and copyright line as in A: in context.
    expect(await look(PARA)).toMatchObject([
      { score: 101, kind: 'context', target: 'Thành phố Seoul ngày 4 cho biết…' },
    ]);
    expect(await look(COPYRIGHT)).toMatchObject([
      { score: 101, target: '<Bản quyền © Newsis. Nghiêm cấm sao chép.>' },
    ]);
    expect(await look(PARA, 'en')).toEqual([]);

    // The whole memory exports as TMX: the three approved cells, nothing else.
    const exported = Buffer.from((await core.handlers.exportTmx()).dataBase64, 'base64').toString('utf8');
    expect(exported.match(/<tu /g)).toHaveLength(3);
  });

  it('badges: the best match of each open cell from the threshold up, gone once taken or approved', async () => {
    const a = await article([HEADLINE_A, PARA]);
    const ref = { projectId: a.id, segmentId: rowOf(a, PARA).id, lang: 'vi' as const };
    await core.handlers.updateCell({ ...ref, text: 'Seoul ký với Hà Nội.' });
    await core.handlers.approveCell(ref);
    // One syllable differs (하노이 → 호찌민: about 95 %), another row is unrelated.
    const near = PARA.replace('하노이시', '호찌민시');
    const b = await article(['부산시, 일본과 관광 협력', near, '전혀 관계없는 문장이다.']);
    const ids = b.segments.map((s) => s.id);
    const badges = await core.handlers.tmBadges({ projectId: b.id, segmentIds: ids });
    expect(badges).toEqual([
      { segmentId: rowOf(b, near).id, lang: 'vi', score: expect.any(Number), target: 'Seoul ký với Hà Nội.' },
    ]);
    expect(badges[0]!.score).toBeGreaterThanOrEqual(85);
    expect(badges[0]!.score).toBeLessThan(100);
    // Above the threshold set in Settings › Memory: none.
    await settings.update({ memory: { badgeThreshold: 99 } });
    expect(await core.handlers.tmBadges({ projectId: b.id, segmentIds: ids })).toEqual([]);
    await settings.update({ memory: { badgeThreshold: 85 } });
    // Taken (the cell holds the match's text): no badge; nor once approved.
    const cell = { projectId: b.id, segmentId: rowOf(b, near).id, lang: 'vi' as const };
    await core.handlers.updateCell({ ...cell, text: 'Seoul ký với Hà Nội.' });
    expect(await core.handlers.tmBadges({ projectId: b.id, segmentIds: ids })).toEqual([]);
    await core.handlers.updateCell({ ...cell, text: 'Seoul ký với TP.HCM.' });
    await core.handlers.approveCell(cell);
    expect(await core.handlers.tmBadges({ projectId: b.id, segmentIds: ids })).toEqual([]);
  });

  it('a cell holding the match decomposed (an older project) is offered neither its own text nor a badge', async () => {
    const text = 'Seoul ký với Hà Nội về giao thông thông minh.';
    const decomposed = (p: Project, source: string) =>
      core.store.update(p.id, (x) => {
        const s = x.segments.find((r) => r.source === source)!;
        s.targets.vi = { ...s.targets.vi, text: text.normalize('NFD'), status: 'edited' };
      });
    const a = await article([HEADLINE_A, PARA]);
    await decomposed(a, PARA);
    const ref = { projectId: a.id, segmentId: rowOf(a, PARA).id, lang: 'vi' as const };
    await core.handlers.approveCell(ref);
    expect(await core.handlers.tmLookup(ref)).toEqual([]);
    const near = PARA.replace('하노이시', '호찌민시');
    const b = await article(['부산시, 일본과 관광 협력', near]);
    await decomposed(b, near);
    expect(await core.handlers.tmBadges({ projectId: b.id, segmentIds: [rowOf(b, near).id] })).toEqual([]);
  });
});
