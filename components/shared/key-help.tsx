import { useEffect, useRef } from 'react';

/** One line of the shortcut list: the keys and what they do. */
export type KeyHelpLine = [keys: string[], does: string];

/** The "?" overlay: a modal dialog listing the page's single-key shortcuts. Escape or Close dismisses it. */
export function KeyHelp({ open, onClose, lines }: { open: boolean; onClose: () => void; lines: KeyHelpLine[] }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="key-help" aria-labelledby="key-help-title" onClose={onClose}>
      <h2 id="key-help-title">Keyboard shortcuts</h2>
      <dl>
        {lines.map(([keys, does]) => (
          <div key={does} className="key-line">
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' or '}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
