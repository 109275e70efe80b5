import type { DomainMigration } from '../services/db';
import { DESK_MIGRATIONS } from '../services/desk/migrations';
import { HOUSE_STYLE_MIGRATION } from '../services/mt/house-style-store';
import { PROJECT_MIGRATIONS } from '../services/project/schema';
import { QA_MIGRATIONS } from '../services/qa/migrations';
import { TM_MIGRATIONS } from '../services/tm/migrations';

/**
 * Every domain's migrations, one line a domain: the composition root (the app's core, the desk server, the CLIs)
 * passes this list to `openSqlite`, `openPostgres` or `openDataFolder`; `services/db` knows no domain. Names carry
 * a global order (`NNNN-domain-what`); a domain appends its own list here and never edits another's.
 */
export const ALL_MIGRATIONS: readonly DomainMigration[] = [
  // project (storage): projects, rows, cells, history
  ...PROJECT_MIGRATIONS,
  // tm: translation memory; mt: machine-translation cache
  ...TM_MIGRATIONS,
  // mt: the house style DeepL is asked to follow, per desk
  HOUSE_STYLE_MIGRATION,
  // qa: termbase, dismissed findings
  ...QA_MIGRATIONS,
  // desk: users, sessions, assignments
  ...DESK_MIGRATIONS,
];
