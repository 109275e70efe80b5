import { DESK_MIGRATIONS } from '../desk/migrations';
import type { DomainMigration } from './index';

/**
 * Every domain's migrations, one line a domain. Names carry a global order (`NNNN-domain-what`); a domain appends
 * its own list here and never edits another's.
 */
export const ALL_MIGRATIONS: readonly DomainMigration[] = [
  // project (storage): projects, rows, cells, history
  // tm: translation memory; mt: machine-translation cache
  // qa: termbase, dismissed findings
  // desk: users, sessions, assignments
  ...DESK_MIGRATIONS,
];
