import { deskMethods } from './methods/desk';
import { qaMethods } from './methods/qa';
import { storageMethods } from './methods/storage';
import { styleMethods } from './methods/style';
import { workflowMethods } from './methods/workflow';

/**
 * The method table: every request/response method of the API, once. Each entry (see `method.ts`) gives its
 * channel, its argument schemas (the API's parameter types are inferred from them), who may call it on a desk,
 * whether it stays on this computer when the app is a desk's client, and how long it may take. The renderer's
 * `ReviewApi`, the handler map's type, validation, the desk guard, the UI's permissions and the desk client's
 * routing all read this; adding a method is one entry here and its handler in `core/` (a missing handler does not
 * compile).
 */
export const METHODS = {
  ...workflowMethods,
  ...storageMethods,
  ...qaMethods,
  ...deskMethods,
  ...styleMethods,
};

type W = typeof workflowMethods;
type S = typeof storageMethods;
type Q = typeof qaMethods;
type D = typeof deskMethods;
type T = typeof styleMethods;
/** A method listed in two parts of the table would silently override the other: this does not compile then. */
type Twice =
  | (keyof W & (keyof S | keyof Q | keyof D | keyof T))
  | (keyof S & (keyof Q | keyof D | keyof T))
  | (keyof Q & (keyof D | keyof T))
  | (keyof D & keyof T);
export const NO_METHOD_TWICE: [Twice] extends [never] ? true : Twice = true;

/** The request/response methods of the API (everything but the event stream). */
export type ApiMethod = keyof typeof METHODS;

/** Every method name, in table order. */
export const API_METHODS = Object.keys(METHODS) as ApiMethod[];
