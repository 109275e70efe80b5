import type { DeskRole } from '../../../electron/contract';

/** The roles an admin can give, least first. */
export const DESK_ROLES: DeskRole[] = ['reviewer', 'editor', 'admin'];
