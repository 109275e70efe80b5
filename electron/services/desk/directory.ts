import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DeskRole, DeskUser } from '../../contract';
import type { Database } from '../db';
import { AppError } from '../errors';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { DEFAULT_DESK } from '../db/desk-scope';
import { nameSkeleton } from './skeleton';

/** The roles, weakest first: an editor can do what a reviewer can, an admin what an editor can. */
export const DESK_ROLES: readonly DeskRole[] = ['reviewer', 'editor', 'admin'];

/** True when `role` is at least `needed`. */
export function roleAtLeast(role: DeskRole, needed: DeskRole): boolean {
  return DESK_ROLES.indexOf(role) >= DESK_ROLES.indexOf(needed);
}

/** A signed-in person as the desk server sees them. */
export interface Principal {
  id: string;
  name: string;
  role: DeskRole;
  desk: string;
}

interface Row {
  id: string;
  desk: string;
  name: string;
  role: DeskRole;
  password_hash: string;
  disabled: number;
  created_at: string;
}

/** How long a session lives without signing in again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

// A hash of a wrong password is still computed for unknown names, so a login's timing does not reveal which
// account names exist.
let dummyHash: Promise<string> | null = null;

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

/** The key a session is stored under (`desk_sessions.id_hash`): the cookie value itself is never stored. */
export const sessionKey = (token: string): string => sha256(token);

/** Accounts and sessions of the team desk, on either engine. */
export class DeskDirectory {
  private readonly db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  constructor(
    database: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = database.db;
  }

  /** Create an account; names are unique across desks (they are the login). */
  async createUser(input: {
    name: string;
    role: DeskRole;
    password: string;
    desk?: string;
  }): Promise<DeskUser> {
    const name = input.name.trim();
    if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(name)) throw new AppError('desk.badUserName');
    if (!DESK_ROLES.includes(input.role)) throw new AppError('desk.badRole');
    if (passwordProblem(input.password)) throw new AppError('desk.passwordTooShort', { min: 10 });
    // One account per look-alike name: `Boss`, `boss` and Cyrillic `bоss` are the same name (the unique index on
    // the skeleton also settles two desk processes creating look-alikes at once).
    const nameKey = nameSkeleton(name);
    const existing = await this.db
      .selectFrom('desk_users')
      .select('name')
      .where('name_key', '=', nameKey)
      .executeTakeFirst();
    if (existing) throw new AppError('desk.userExists', { name: existing.name as string });
    const row: Row = {
      id: randomUUID(),
      desk: input.desk ?? DEFAULT_DESK,
      name,
      role: input.role,
      password_hash: await hashPassword(input.password),
      disabled: 0,
      created_at: this.now().toISOString(),
    };
    try {
      await this.db
        .insertInto('desk_users')
        .values({ ...row, name_key: nameKey })
        .execute();
    } catch (e) {
      if (
        await this.db.selectFrom('desk_users').select('id').where('name_key', '=', nameKey).executeTakeFirst()
      )
        throw new AppError('desk.userExists', { name });
      throw e;
    }
    return toUser(row);
  }

  /** Every account of one desk, by name. */
  async listUsers(desk: string): Promise<DeskUser[]> {
    const rows = (await this.db
      .selectFrom('desk_users')
      .selectAll()
      .where('desk', '=', desk)
      .orderBy('name')
      .execute()) as Row[];
    return rows.map(toUser);
  }

  /** One account by id, or undefined. */
  async user(id: string): Promise<DeskUser | undefined> {
    const row = (await this.db
      .selectFrom('desk_users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()) as Row | undefined;
    return row && toUser(row);
  }

  /** Change role, password or the disabled flag of an account in `desk`. Disabling ends its sessions. */
  async updateUser(
    desk: string,
    id: string,
    patch: { role?: DeskRole; password?: string; disabled?: boolean },
  ): Promise<DeskUser> {
    const user = await this.user(id);
    if (!user || user.desk !== desk) throw new AppError('desk.userNotFound');
    const set: Partial<Row> = {};
    if (patch.role) {
      if (!DESK_ROLES.includes(patch.role)) throw new AppError('desk.badRole');
      set.role = patch.role;
    }
    if (patch.password !== undefined) {
      if (passwordProblem(patch.password)) throw new AppError('desk.passwordTooShort', { min: 10 });
      set.password_hash = await hashPassword(patch.password);
    }
    if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
    if (Object.keys(set).length)
      await this.db.updateTable('desk_users').set(set).where('id', '=', id).execute();
    if (patch.disabled || patch.password !== undefined)
      await this.db.deleteFrom('desk_sessions').where('user_id', '=', id).execute();
    return (await this.user(id))!;
  }

  /**
   * Check name and password; on success open a session and return its (secret) cookie value. The name is looked up
   * by its skeleton (`Boss` signs in as `boss`). `hash` runs the password check (the sign-in door's admission queue).
   */
  async login(
    name: string,
    password: string,
    hash: <T>(job: () => Promise<T>) => Promise<T> = (job) => job(),
  ): Promise<{ token: string; principal: Principal } | null> {
    const row = (await this.db
      .selectFrom('desk_users')
      .selectAll()
      .where('name_key', '=', nameSkeleton(name))
      .executeTakeFirst()) as Row | undefined;
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const stored = row?.password_hash ?? (await dummyHash);
    const ok = await hash(() => verifyPassword(password, stored));
    if (!row || !ok || row.disabled) return null;
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.db
      .insertInto('desk_sessions')
      .values({
        id_hash: sha256(token),
        user_id: row.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      })
      .execute();
    return { token, principal: toPrincipal(row) };
  }

  /** The person behind a session cookie value, or null when unknown, expired or disabled. */
  async session(token: string): Promise<Principal | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const row = (await this.db
      .selectFrom('desk_sessions')
      .innerJoin('desk_users', 'desk_users.id', 'desk_sessions.user_id')
      .selectAll('desk_users')
      .select('desk_sessions.expires_at')
      .where('desk_sessions.id_hash', '=', sha256(token))
      .executeTakeFirst()) as (Row & { expires_at: string }) | undefined;
    if (!row || row.disabled || row.expires_at <= this.now().toISOString()) return null;
    return toPrincipal(row);
  }

  /** End one session (sign out). */
  async logout(token: string): Promise<void> {
    await this.db.deleteFrom('desk_sessions').where('id_hash', '=', sha256(token)).execute();
  }

  /** Remove expired sessions (run now and then by the server). */
  async pruneSessions(): Promise<number> {
    const r = await this.db
      .deleteFrom('desk_sessions')
      .where('expires_at', '<=', this.now().toISOString())
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

function toUser(row: Row): DeskUser {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    desk: row.desk,
    disabled: Boolean(row.disabled),
    createdAt: row.created_at,
  };
}

function toPrincipal(row: Row): Principal {
  return { id: row.id, name: row.name, role: row.role, desk: row.desk };
}
