import { createContext, useContext, useEffect, useRef } from 'react';

/** A section's save: resolves true once stored, false when refused (it has said why; the dialog stays open). */
export type SectionSave = () => Promise<boolean>;
type Slot = { current: SectionSave | null };

/**
 * The sections of one dialog that store through their own API method (the house style) but are saved by the
 * dialog's one Save button, so nothing typed in them is lost by pressing Save and closing.
 */
export class SaveTogether {
  private readonly slots = new Set<Slot>();

  add(slot: Slot): () => void {
    this.slots.add(slot);
    return () => this.slots.delete(slot);
  }

  /** Every section's save, in order; stops at the first refusal. */
  async saveAll(): Promise<boolean> {
    for (const slot of [...this.slots]) if (slot.current && !(await slot.current())) return false;
    return true;
  }
}

export const SaveTogetherContext = createContext<SaveTogether | null>(null);

/** Take part in the enclosing dialog's Save with `save` (null: nothing to save now). */
export function useSaveTogether(save: SectionSave | null): void {
  const together = useContext(SaveTogetherContext);
  const slot = useRef<SectionSave | null>(null);
  useEffect(() => {
    slot.current = save;
  });
  useEffect(() => together?.add(slot), [together]);
}
