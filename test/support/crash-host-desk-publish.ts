// The crash test's desk server (crash-host-desk.ts), killed by itself at the worst moment for live updates: with
// SIGKILL as it is about to publish a change's event, i.e. after the change committed and before the save is
// answered or anything reached the event log. What other processes learn of the change is what was committed.
import { PgEventBus } from '../../electron/services/desk/bus';
import './crash-host-desk';

const publish = PgEventBus.prototype.publish;
PgEventBus.prototype.publish = function (this: PgEventBus, event) {
  if (event.type === 'segments-updated') process.kill(process.pid, 'SIGKILL');
  return publish.call(this, event);
};
