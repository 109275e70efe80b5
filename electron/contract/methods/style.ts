import { z } from 'zod';
import type { HouseStyleView } from '../house-style';
import { method, returns } from '../method';

// Bounds against abuse only; DeepL's own limits (10 instructions of 300 characters, ids) are checked by the
// service with a message saying which limit was passed.
const langStyle = z
  .object({
    styleId: z.string().max(1000),
    customInstructions: z.array(z.string().max(5000)).max(100),
    translationMemoryId: z.string().max(1000),
  })
  .strict();

/** The house style DeepL is asked to follow: the desk's while the app works on one, else this computer's. */
export const styleMethods = {
  getHouseStyle: method({
    channel: 'style:get',
    args: [],
    returns: returns<HouseStyleView>(),
    desk: 'any',
  }),
  /** Replace the house style of every target language (an editor of the desk). */
  setHouseStyle: method({
    channel: 'style:set',
    args: [z.object({ vi: langStyle, en: langStyle }).strict()],
    returns: returns<HouseStyleView>(),
    desk: 'desk-editor',
  }),
};
