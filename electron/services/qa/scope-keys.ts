/**
 * Keys of `qa_term_changes` (which termbase a changed Korean term belongs to) and of a desk's quality settings. A project's own terms are keyed by the
 * project (ids are unique across desks); desk-wide terms by their desk, so a change in one desk's termbase never
 * re-translates another desk's projects.
 */

/** The change key of a desk's desk-wide terms (`desk` for the embedded app, as before desks had a memory). */
export const deskScopeKey = (desk: string): string => (desk === '' ? 'desk' : `desk:${desk}`);

/** The `qa_settings` key of the checks a desk switched off (`disabled` for the embedded app, as before). */
export const disabledKey = (desk: string): string => (desk === '' ? 'disabled' : `disabled:${desk}`);

/** The change key of a project's own terms. */
export const projectScopeKey = (projectId: string): string => `project:${projectId}`;
