import type { DomainMigration, Database } from '../db';
import { NO_HOUSE_STYLE, type HouseStyle, type HouseStyleView } from '../../contract';
import { cleanHouseStyle } from './house-style';

/**
 * The house style table: one row per desk (`''` for the single-user app), the style of every target language as
 * JSON, and who set it when.
 */
export const HOUSE_STYLE_MIGRATION: DomainMigration = {
  name: '0260-mt-house-style',
  async up(db) {
    await db.schema
      .createTable('mt_house_style')
      .addColumn('desk', 'text', (c) => c.primaryKey())
      .addColumn('style', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
  },
};

interface Row {
  desk: string;
  style: string;
  updated_at: string;
  updated_by: string;
}

/** A stored style read back: anything missing or unreadable counts as not set. */
function parseStyle(json: string): HouseStyle {
  try {
    const s = JSON.parse(json) as Partial<HouseStyle>;
    return cleanHouseStyle({ vi: { ...NO_HOUSE_STYLE.vi, ...s.vi }, en: { ...NO_HOUSE_STYLE.en, ...s.en } });
  } catch {
    return NO_HOUSE_STYLE;
  }
}

/** The house style of each desk, in the database the desk's projects live in. */
export class HouseStyleStore {
  constructor(private readonly database: Database) {}

  async get(desk: string): Promise<HouseStyleView> {
    const row = (await this.database.db
      .selectFrom('mt_house_style')
      .selectAll()
      .where('desk', '=', desk)
      .executeTakeFirst()) as Row | undefined;
    if (!row) return { style: NO_HOUSE_STYLE, updatedAt: null, updatedBy: null };
    return { style: parseStyle(row.style), updatedAt: row.updated_at, updatedBy: row.updated_by };
  }

  /** Check and store a desk's house style; resolves once committed. */
  async set(desk: string, style: HouseStyle, by: string, at: string): Promise<HouseStyleView> {
    const clean = cleanHouseStyle(style);
    const row: Row = { desk, style: JSON.stringify(clean), updated_at: at, updated_by: by };
    await this.database.db
      .insertInto('mt_house_style')
      .values(row)
      .onConflict((oc) => oc.column('desk').doUpdateSet({ style: row.style, updated_at: at, updated_by: by }))
      .execute();
    return { style: clean, updatedAt: at, updatedBy: by };
  }
}
