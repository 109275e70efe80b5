import type { ApiHandlers, HouseStyle } from '../contract';
import type { Database } from '../services/db';
import { HouseStyleStore } from '../services/mt/house-style-store';
import type { CoreContext } from './context';

type HouseStyleHandlers = Pick<ApiHandlers, 'getHouseStyle' | 'setHouseStyle'>;

// One store per database (the memory's: in the CLI, the app's data folder, as for the memory itself).
const stores = new WeakMap<Database, HouseStyleStore>();
function store(ctx: CoreContext): HouseStyleStore {
  let s = stores.get(ctx.memoryDatabase);
  if (!s) stores.set(ctx.memoryDatabase, (s = new HouseStyleStore(ctx.memoryDatabase)));
  return s;
}

/** The house style of the caller's desk (the single-user app's own without a desk), for a translation run. */
export async function houseStyleOf(ctx: CoreContext): Promise<HouseStyle> {
  return (await store(ctx).get(ctx.actor().desk)).style;
}

/** Reading and setting the house style DeepL is asked to follow (per desk; an editor sets it). */
export function houseStyleHandlers(ctx: CoreContext): HouseStyleHandlers {
  return {
    getHouseStyle: () => store(ctx).get(ctx.actor().desk),
    setHouseStyle: (style) => {
      const actor = ctx.actor();
      return store(ctx).set(actor.desk, style, actor.name, ctx.iso());
    },
  };
}
