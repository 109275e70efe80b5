// The crash test's desk server (crash-host-desk.ts), killed by itself at the worst moment for live updates: with
// SIGKILL as it is about to publish an event of the type in CRASH_ON_EVENT (default: a change's
// `segments-updated`), i.e. after what it tells of committed and before the call is answered or anything reached
// the event log. What other processes learn of it is what was committed.
import { PgEventBus } from '../../electron/services/desk/bus';
import './crash-host-desk';

const fatal = process.env.CRASH_ON_EVENT || 'segments-updated';
const publish = PgEventBus.prototype.publish;
PgEventBus.prototype.publish = function (this: PgEventBus, event) {
  if (event.type === fatal) process.kill(process.pid, 'SIGKILL');
  return publish.call(this, event);
};
