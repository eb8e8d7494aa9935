/**
 * Menus from Radix's dropdown menu: focus, arrow keys, typeahead, Escape and the ARIA menu pattern are
 * theirs, well tested across browsers; we only style them. Used on pages where a menu is worth its
 * ~15 KB (the dashboard); the popup keeps its one native <details> snooze menu for first paint.
 */
import * as Dropdown from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  /** Shown in the danger colour (delete). */
  isDanger?: boolean;
}

/** A button that opens a menu of actions; `label` names the button for screen readers and tests. */
export function ActionMenu({
  label,
  trigger,
  items,
}: {
  label: string;
  trigger: ReactNode;
  items: (MenuItem | 'separator')[];
}) {
  return (
    <Dropdown.Root modal={false}>
      <Dropdown.Trigger className="menu-trigger" aria-label={label} title={label}>
        {trigger}
      </Dropdown.Trigger>
      <Dropdown.Portal>
        <Dropdown.Content className="menu" align="end" sideOffset={4} collisionPadding={8}>
          {items.map((item, i) =>
            item === 'separator' ? (
              <Dropdown.Separator key={`sep-${i}`} className="menu-separator" />
            ) : (
              <Dropdown.Item
                key={item.label}
                className={`menu-item${item.isDanger ? ' danger' : ''}`}
                onSelect={item.onSelect}
              >
                {item.label}
              </Dropdown.Item>
            ),
          )}
        </Dropdown.Content>
      </Dropdown.Portal>
    </Dropdown.Root>
  );
}
