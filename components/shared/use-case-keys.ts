import { useEffect, useLayoutEffect, useRef } from 'react';

/** What the single-key shortcuts do on a page; a missing action leaves its key alone. */
export interface CaseKeyActions {
  /** j (+1) / k (-1). */
  move: (delta: 1 | -1) => void;
  /** o, and Enter on a row unless `enter` is given. */
  open: () => void;
  /** Enter on a row (the dashboard opens the details). */
  enter?: () => void;
  /** e: done until the vendor acts. */
  done?: () => void;
  /** s: the snooze menu of the current row. */
  snooze?: () => void;
  /** "/" */
  search: () => void;
  /** "?" */
  help: () => void;
  /** Escape outside fields and dialogs. */
  escape?: () => void;
}

const isTyping = (el: Element | null) =>
  !!el &&
  (el.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]') ||
    !!el.closest('dialog[open]'));

/**
 * Gmail-style single keys on the whole document. Keys typed into fields, with Ctrl/Alt/Meta, or inside
 * an open dialog are left to them; Enter only acts on a focused row (never on a button or link).
 */
export function useCaseKeys(actions: CaseKeyActions): void {
  const ref = useRef(actions);
  // The latest actions, for a listener bound once; updated after render, as React wants refs to be.
  useLayoutEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (isTyping(target)) return;
      const a = ref.current;
      const onRow = !target || target === document.body || target.hasAttribute('data-row-index');
      const run: Record<string, (() => void) | undefined> = {
        j: () => a.move(1),
        k: () => a.move(-1),
        o: a.open,
        Enter: onRow ? (a.enter ?? a.open) : undefined,
        e: a.done,
        s: a.snooze,
        '/': a.search,
        '?': a.help,
        Escape: a.escape,
      };
      const action = run[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** Focuses the row with this index inside `container`, once it is rendered (virtual lists render late). */
export function focusRow(container: HTMLElement | null, index: number, tries = 6): void {
  const row = container?.querySelector<HTMLElement>(`[data-row-index="${index}"]`);
  if (row) {
    row.focus();
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusRow(container, index, tries - 1));
}

/** Opens a case link in a new tab; only http(s) links ever get here (safeHref). */
export function openCaseLink(href: string | undefined): void {
  if (href) window.open(href, '_blank', 'noopener,noreferrer');
}
