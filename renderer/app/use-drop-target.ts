import { useState, type DragEvent } from 'react';

const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

/**
 * The window as a drop target for article files; `active` while a file is dragged over it. When `enabled` is false
 * (a desk role that cannot open articles) a dropped file is refused: not opened, and not left to the browser,
 * which would navigate away from the desk to show it.
 */
export function useDropTarget(onFile: (file: File) => void, enabled = true) {
  const [depth, setDepth] = useState(0);
  if (!enabled)
    return {
      active: false,
      handlers: {
        onDragOver(e: DragEvent) {
          if (!hasFiles(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'none';
        },
        onDrop(e: DragEvent) {
          if (hasFiles(e)) e.preventDefault();
        },
      },
    };
  return {
    active: depth > 0,
    handlers: {
      onDragEnter(e: DragEvent) {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDepth((d) => d + 1);
      },
      onDragOver(e: DragEvent) {
        if (hasFiles(e)) e.preventDefault();
      },
      onDragLeave(e: DragEvent) {
        if (hasFiles(e)) setDepth((d) => Math.max(0, d - 1));
      },
      onDrop(e: DragEvent) {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDepth(0);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      },
    },
  };
}
