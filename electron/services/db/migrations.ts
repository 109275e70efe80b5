// Known debt (#23): the db knows every domain here (and so sits in an import cycle with their migrations); the
// composition root should pass the migrations in. tools/import-graph.mjs lists this cycle as the one left.
/* eslint-disable no-restricted-imports */
import { TM_MIGRATIONS } from '../tm/migrations';
import { PROJECT_MIGRATIONS } from '../project/schema';
import { QA_MIGRATIONS } from '../qa/migrations';
import { DESK_MIGRATIONS } from '../desk/migrations';
/* eslint-enable no-restricted-imports */
import type { DomainMigration } from './index';

/**
 * Every domain's migrations, one line a domain. Names carry a global order (`NNNN-domain-what`); a domain appends
 * its own list here and never edits another's.
 */
export const ALL_MIGRATIONS: readonly DomainMigration[] = [
  // project (storage): projects, rows, cells, history
  ...PROJECT_MIGRATIONS,
  // tm: translation memory; mt: machine-translation cache
  ...TM_MIGRATIONS,
  // qa: termbase, dismissed findings
  ...QA_MIGRATIONS,
  // desk: users, sessions, assignments
  ...DESK_MIGRATIONS,
];
