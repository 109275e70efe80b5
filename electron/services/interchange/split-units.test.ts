/**
 * A CAT tool splits a long row into sentences (XLIFF 2.0 segments, XLIFF 1.2 `<seg-source>` with `<mrk
 * mtype="seg">`) and the translator stops half way: the file then holds a translation of some sentences only. Taken
 * as the row's text, it would drop the rest of the row without a word; such a unit is refused and listed, and the
 * rest of the file applies. XLIFF 2.0 `order` (a translator moving a sentence) is honoured, and refused when it is
 * not one valid order. The row: the long paragraph of `test/fixtures/articles/busan-fare.ko.html`.
 */
import { describe, expect, it } from 'vitest';
import type { Project } from '../../contract';
import { exportRecorded } from '../../../test/support/interchange';
import { reviewedArticle } from '../../../test/support/hunt-articles';
import { roundTrip } from './roundtrip';

const NOW = new Date('2026-12-08T01:00:00Z');
const enc = (s: string) => new TextEncoder().encode(s);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article, its long paragraph (four sentences) and a short row edited in the same file. */
async function article(): Promise<{ project: Project; long: string; short: string; sentences: string[] }> {
  const project = await reviewedArticle('busan');
  const long = project.segments.find((s) => s.source.startsWith('시민단체'))!;
  const short = project.segments.find((s) => s.source === '끝.')!;
  const sentences = long.source.split(/(?<=다\.) /);
  expect(sentences).toHaveLength(4);
  return { project, long: long.id, short: short.id, sentences };
}

const VI = ['Câu một.', 'Câu hai {0} %s.', 'Câu ba <b>x</b>.', 'Câu bốn.'];

/** XLIFF 2.0: the long unit as four segments; `targets[i]` undefined = no target, `order[i]` its target's order. */
function split20(
  xml: string,
  id: string,
  ko: string[],
  targets: Array<string | undefined>,
  order: string[] = [],
) {
  const parts = ko.flatMap((s, i) => {
    const o = order[i] ? ` order="${order[i]}"` : '';
    const t = targets[i] === undefined ? '' : `<target${o}>${esc(targets[i]!)}</target>`;
    const seg = `<segment id="${id}-${i}" state="translated"><source>${esc(s)}</source>${t}</segment>`;
    return i < ko.length - 1 ? [seg, '<ignorable><source> </source></ignorable>'] : [seg];
  });
  return xml.replace(
    new RegExp(`(<unit id="${id}"[\\s\\S]*?</notes>)\\s*<segment[\\s\\S]*?</segment>`),
    (_m, head: string) => head + parts.join(''),
  );
}

/** XLIFF 1.2: the long unit with `<seg-source>`, its target holding the sentences `targets` gives (by index). */
function split12(xml: string, id: string, ko: string[], targets: Array<string | undefined>) {
  const mrk = (s: string, i: number) => `<mrk mtype="seg" mid="${i + 1}">${esc(s)}</mrk>`;
  const segSource = `<seg-source>${ko.map(mrk).join(' ')}</seg-source>`;
  const target = targets.flatMap((t, i) => (t === undefined ? [] : [mrk(t, i)])).join(' ');
  return xml.replace(
    new RegExp(
      `(<trans-unit id="${id}"[^>]*>\\s*<source[^>]*>[^<]*</source>)\\s*(<target[^>]*>)[^<]*(</target>)`,
    ),
    (_m, head: string, open: string, close: string) => `${head}${segSource}${open}${target}${close}`,
  );
}

/** The short row retyped in the file, so that the rest of the file is seen to apply. */
function retypeShort(xml: string, id: string): string {
  return xml.replace(
    new RegExp(`(<(?:unit|trans-unit) id="${id}"[\\s\\S]*?<target[^>]*>)[^<]*(</target>)`),
    '$1Hết.$2',
  );
}

describe('a unit split into sentences and translated only in part', () => {
  it.each([
    ['XLIFF 2.0, sentences without a target', 'xliff2', [VI[0], VI[1], undefined, undefined]],
    ['XLIFF 2.0, a sentence with an empty target', 'xliff2', [VI[0], '', VI[2], VI[3]]],
    ['XLIFF 1.2, sentences missing from the target', 'xliff12', [VI[0], VI[1], undefined, undefined]],
    ['XLIFF 1.2, an empty sentence marker', 'xliff12', [VI[0], '', VI[2], VI[3]]],
  ] as const)('%s: refused and listed, the row as it was; the rest applies', async (_n, format, targets) => {
    const { project, long, short, sentences } = await article();
    const recorded = await exportRecorded(project, format);
    const split = format === 'xliff2' ? split20 : split12;
    const xml = retypeShort(split(recorded.xml, long, sentences, [...targets]), short);
    const { project: next, summary } = roundTrip(recorded.project, 'back.xlf', enc(xml), NOW);
    expect(summary.refused).toEqual([{ segmentId: long, reason: 'partialTarget' }]);
    const before = recorded.project.segments.find((s) => s.id === long)!;
    expect(next.segments.find((s) => s.id === long)).toEqual(before);
    expect(next.segments.find((s) => s.id === short)!.targets.vi.text).toBe('Hết.');
    expect(summary.updated).toBe(1);
  });

  it.each(['xliff2', 'xliff12'] as const)(
    '%s: every sentence translated is joined into the row',
    async (format) => {
      const { project, long, sentences } = await article();
      const recorded = await exportRecorded(project, format);
      const split = format === 'xliff2' ? split20 : split12;
      const xml = split(recorded.xml, long, sentences, VI);
      const { project: next, summary } = roundTrip(recorded.project, 'back.xlf', enc(xml), NOW);
      expect(summary.refused).toEqual([]);
      expect(next.segments.find((s) => s.id === long)!.targets.vi.text).toBe(VI.join(' '));
    },
  );
});

describe('XLIFF 2.0 order: a translator moves a sentence', () => {
  it('the target sentences are joined in the order the file gives', async () => {
    const { project, long, sentences } = await article();
    const recorded = await exportRecorded(project, 'xliff2');
    // Parts 1…7: sentence, space, sentence…; the first two sentences (parts 1 and 3) trade places.
    const xml = split20(recorded.xml, long, sentences, VI, ['3', '1']);
    const { project: next, summary } = roundTrip(recorded.project, 'back.xlf', enc(xml), NOW);
    expect(summary.refused).toEqual([]);
    expect(next.segments.find((s) => s.id === long)!.targets.vi.text).toBe(
      `${VI[1]} ${VI[0]} ${VI[2]} ${VI[3]}`,
    );
  });

  it('an order that is not one valid order (two targets at one place) is refused, the row as it was', async () => {
    const { project, long, sentences } = await article();
    const recorded = await exportRecorded(project, 'xliff2');
    const xml = split20(recorded.xml, long, sentences, VI, ['3', '3']);
    const { project: next, summary } = roundTrip(recorded.project, 'back.xlf', enc(xml), NOW);
    expect(summary.refused).toEqual([{ segmentId: long, reason: 'segmentOrder' }]);
    expect(next.segments).toEqual(recorded.project.segments);
  });
});
