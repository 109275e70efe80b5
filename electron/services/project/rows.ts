import type { Project, Segment, TargetCell, TargetLang } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import type { ProjectTables } from './schema';

type ProjectRow = ProjectTables['projects'];
type SegmentRow = ProjectTables['segments'];
type CellRow = ProjectTables['cells'];

/** Split a segment into its row and its cells (the shape the tables store). */
export function segmentRow(projectId: string, s: Segment, position: number): SegmentRow {
  const { id, kind, source, translate, targets: _t, ...data } = s;
  return {
    project_id: projectId,
    id,
    position,
    kind,
    source,
    translate: translate ? 1 : 0,
    data_json: JSON.stringify(data),
  };
}

/** One target cell as a table row. */
export function cellRow(projectId: string, segmentId: string, lang: TargetLang, cell: TargetCell): CellRow {
  const { text, status, rev, ...data } = cell;
  return {
    project_id: projectId,
    segment_id: segmentId,
    lang,
    text,
    status,
    rev: rev ?? 0,
    data_json: JSON.stringify(data),
  };
}

/** Put a segment back together from its row and cells. */
export function assembleSegment(row: SegmentRow, cells: Map<string, CellRow>): Segment {
  const targets = {} as Record<TargetLang, TargetCell>;
  for (const lang of TARGET_LANGS) {
    const c = cells.get(lang);
    targets[lang] = c
      ? ({ ...JSON.parse(c.data_json), text: c.text, status: c.status, rev: Number(c.rev) } as TargetCell)
      : { text: '', status: 'empty', rev: 0 };
  }
  return {
    ...(JSON.parse(row.data_json) as Partial<Segment>),
    id: row.id,
    kind: row.kind as Segment['kind'],
    source: row.source,
    translate: Number(row.translate) === 1,
    targets,
  };
}

/** Project fields stored in their own columns; every other field goes to `extras_json`. */
const COLUMN_FIELDS = new Set([
  'schemaVersion',
  'id',
  'name',
  'source',
  'englishVariant',
  'segments',
  'glossary',
  'createdAt',
  'updatedAt',
]);

/** The project's own row (everything but its segments). */
export function projectRow(p: Project): Omit<ProjectRow, 'deleted_at' | 'version'> {
  const extras: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (!COLUMN_FIELDS.has(k) && v !== undefined) extras[k] = v;
  return {
    id: p.id,
    name: p.name,
    english_variant: p.englishVariant,
    source_json: JSON.stringify(p.source),
    glossary_json: JSON.stringify(p.glossary),
    extras_json: JSON.stringify(extras),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

/** A project from its row and its segments in order. */
export function assembleProject(row: ProjectRow, segments: Segment[]): Project {
  return {
    ...(JSON.parse(row.extras_json) as Partial<Project>),
    schemaVersion: 1,
    id: row.id,
    name: row.name,
    source: JSON.parse(row.source_json) as Project['source'],
    englishVariant: row.english_variant as Project['englishVariant'],
    segments,
    glossary: JSON.parse(row.glossary_json) as Project['glossary'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The project-level fields that a change may touch (for diffing and undo), without segments and timestamps. */
export function projectMeta(p: Project): Record<string, unknown> {
  const { segments: _s, updatedAt: _u, ...meta } = p;
  return meta;
}

/** JSON with object keys sorted, so two equal values compare equal whatever order their keys were set in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** A segment's content without revisions, for "has anything changed since" checks. */
export function contentOf(s: Segment | null | undefined): string {
  if (!s) return 'null';
  const targets = Object.fromEntries(
    Object.entries(s.targets).map(([lang, c]) => {
      const { rev: _r, ...rest } = c;
      return [lang, rest];
    }),
  );
  return canonical({ ...s, targets });
}

/** A cell without its revision, serialised, for diffing. */
export function cellKey(cell: TargetCell): string {
  const { rev: _r, ...rest } = cell;
  return JSON.stringify(rest);
}
