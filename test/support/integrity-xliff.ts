/**
 * XLIFF round trips in the model-based integrity test: a recorded export, a file edited the way a CAT tool edits
 * it (new target text, a segment approved) or cut off, and what the three-way import must make of it.
 */
import type { TargetLang } from '../../electron/contract';
import { keyOf, type MCell, type Model } from './integrity-model';

/** An XLIFF 2.0 export: its text, and the cells of its language as the model had them then. */
export interface Exported {
  lang: TargetLang;
  xml: string;
  snap: Map<string, MCell>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The unit of row `r` with a new target text and/or its segment approved (`final`). */
function editUnit(xml: string, r: number, text: string | undefined, approve: boolean): string {
  const unit = new RegExp(`(<unit id="r${r}"[\\s\\S]*?</unit>)`);
  return xml.replace(unit, (u: string) => {
    let out = u;
    if (approve) out = out.replace(/(<segment [^>]*state=")[^"]*/, '$1final');
    if (text !== undefined) {
      const target = `<target xml:space="preserve">${esc(text)}</target>`;
      out = /<target/.test(out)
        ? out.replace(/<target[^>]*>[\s\S]*?<\/target>/, target)
        : out.replace('</source>', `</source>${target}`);
    }
    return out;
  });
}

/** The edited (or cut off) file, and what importing it must do to the model's cells. */
export function applyFile(
  exported: Exported,
  edits: Array<{ row: number; text?: string; approve: boolean }>,
  cut: number | null,
) {
  const last = new Map<number, { text?: string; approve: boolean }>();
  for (const e of edits)
    last.set(e.row, { ...last.get(e.row), ...e, approve: e.approve || !!last.get(e.row)?.approve });
  let xml = exported.xml;
  for (const [r, e] of last) xml = editUnit(xml, r, e.text, e.approve);
  if (cut !== null) xml = xml.slice(0, Math.max(1, Math.floor((xml.lastIndexOf('</xliff>') * cut) / 1000)));
  return {
    xml,
    rows: [...last.keys()],
    /** The cells the import sets (three-way: only where the project did not change since the export). */
    expected(model: Model, theirs: boolean): Map<string, MCell> {
      const next = new Map<string, MCell>();
      for (const [r, e] of last) {
        const k = keyOf(r, exported.lang);
        const base = exported.snap.get(k)!;
        const now = model.cell(k);
        const fileText = e.text !== undefined && e.text !== base.text;
        const fileState = e.approve && base.status !== 'approved';
        if (!fileText && !fileState) continue;
        const localChanged = now.text !== base.text || now.status !== base.status;
        if (localChanged && !theirs) continue;
        // Changed on both sides to the same: no conflict, nothing to take.
        const incoming = fileText ? e.text! : now.text;
        if (localChanged && incoming === now.text && (!fileState || now.status === 'approved')) continue;
        const text = fileText ? e.text! : now.text;
        let status: MCell['status'] = fileState ? 'approved' : fileText ? 'edited' : now.status;
        if (text.trim() === '') status = 'empty';
        else if (status === 'empty' || status === 'error') status = 'edited';
        else if (status === 'machine' && text !== now.mt) status = 'edited';
        const { approvedBy: _a, ...rest } = now;
        const by =
          status === 'approved' ? (fileState ? 'imported from back.xlf' : now.approvedBy) : undefined;
        next.set(k, { ...rest, text, status, ...(by ? { approvedBy: by } : {}) });
      }
      return next;
    },
  };
}
