import type { ApiHandlers, DeskProjectAccess, DeskRole, ReviewEvent } from '../contract';
import { AppError } from '../services/errors';
import { DeskAccess } from '../services/desk/access';
import { DeskDirectory, roleAtLeast, type Principal } from '../services/desk/directory';
import type { CoreContext } from './context';
import type { ProjectDb } from '../services/project/repository';

type DeskHandlers = Pick<
  ApiHandlers,
  | 'deskWhoAmI'
  | 'deskListUsers'
  | 'deskCreateUser'
  | 'deskUpdateUser'
  | 'deskProjectAccess'
  | 'deskAssign'
  | 'deskSignOff'
  | 'setPresence'
  | 'listPresence'
>;

/**
 * The team desk's API: accounts (admin), assignments and sign-off (editor), presence (everyone). The person comes
 * from the request's actor (the desk server wraps every call in `runAsActor`); in the single-user app there is no
 * desk account, so account methods refuse and presence is empty.
 */
export function deskHandlers(ctx: CoreContext): DeskHandlers {
  const directory = new DeskDirectory(ctx.database, ctx.now);
  const access = new DeskAccess(ctx.database, ctx.now);

  /** The signed-in desk account with at least `role`, re-read from the database so a demotion applies at once. */
  async function me(role: DeskRole = 'reviewer'): Promise<Principal> {
    const actor = ctx.actor();
    const user = actor.id === 'local' ? undefined : await directory.user(actor.id);
    if (!user || user.disabled) throw new AppError('desk.notSignedIn');
    if (!roleAtLeast(user.role, role)) throw new AppError('desk.roleRequired', { role });
    return { id: user.id, name: user.name, role: user.role, desk: user.desk };
  }

  /**
   * Make a change of an article's access, then push its assignments and sign-offs as committed with it to every
   * page that may see it, and return them. The news is read and recorded in the change's own transaction (the
   * desk's outbox): a process killed after the commit loses no page's update.
   */
  async function changeAndTell(
    projectId: string,
    change: (then: (trx: ProjectDb) => Promise<void>) => Promise<void>,
  ): Promise<DeskProjectAccess> {
    let event: Extract<ReviewEvent, { type: 'desk-access' }> | undefined;
    await change(async (trx) => {
      event = { type: 'desk-access', projectId, access: await access.projectAccess(projectId, trx) };
      await ctx.opts.record?.(trx, event);
    });
    ctx.emit(event!);
    return event!.access;
  }

  return {
    async deskWhoAmI() {
      const actor = ctx.actor();
      if (actor.id === 'local') return null;
      const user = await directory.user(actor.id);
      return user && !user.disabled ? user : null;
    },
    async deskListUsers() {
      // Editors list accounts too: they assign languages to reviewers.
      return directory.listUsers((await me('editor')).desk);
    },
    async deskCreateUser(req) {
      const admin = await me('admin');
      return directory.createUser({ ...req, desk: admin.desk });
    },
    async deskUpdateUser(req) {
      const admin = await me('admin');
      // An admin cannot lock themselves out (the desk would be left without anyone to undo it).
      if (req.userId === admin.id && (req.disabled || (req.role && req.role !== 'admin')))
        throw new AppError('desk.cannotChangeSelf');
      const { userId, ...patch } = req;
      return directory.updateUser(admin.desk, userId, patch);
    },
    async deskProjectAccess(projectId) {
      await access.requireSee(await me(), projectId);
      return access.projectAccess(projectId);
    },
    async deskAssign(req) {
      const editor = await me('editor');
      await access.requireSee(editor, req.projectId);
      return changeAndTell(req.projectId, (then) =>
        access.assign(req.projectId, req.lang, req.userId, req.assigned, then),
      );
    },
    async deskSignOff(req) {
      const editor = await me('editor');
      await access.requireSee(editor, req.projectId);
      // Sign-off means "ready to publish": every translated row of the language must be approved, as committed
      // (checked under the sign-off lock, so no edit can slip in between).
      return changeAndTell(req.projectId, (then) =>
        access.signOff(req.projectId, req.lang, editor, req.signed, then),
      );
    },
    async setPresence(req) {
      const actor = ctx.actor();
      if (actor.id === 'local') return;
      const who = await me();
      await access.requireSee(who, req.projectId);
      const entries = await access.setPresence(who, req.projectId, req.segmentId, req.lang);
      // Published after the commit, not through the outbox: presence is fleeting (every page sends its own again on
      // a heartbeat and reads the list again after `events-missed`), so one lost in a crash leaves no page wrong.
      ctx.emit({ type: 'presence', projectId: req.projectId, entries });
    },
    async listPresence(projectId) {
      if (ctx.actor().id === 'local') return [];
      await access.requireSee(await me(), projectId);
      return access.presence(projectId);
    },
  };
}
