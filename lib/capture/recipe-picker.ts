/**
 * The recipe picker: a small toolbar on the portal page itself. The user clicks a case row, then the
 * id, title, status and updated fields inside it; we turn the clicks into selectors, show how many
 * rows they find, and send the recipe to the background (which stores it only for tracked origins).
 * Everything is built with DOM text nodes inside a shadow root: no page content becomes HTML here.
 */
import { sendFromPage as send } from '../core/send-from-page';
import type { RecipeInput } from './recipe-schema';
import { applyRecipe, fieldSelectorFor, rowSelectorFor } from './recipes';

type Step = 'row' | 'id' | 'title' | 'status' | 'updated' | 'save' | 'done';
const PROMPTS: Record<Step, string> = {
  row: 'Click one case row in the list.',
  id: 'Now click the case number in the highlighted row.',
  title: 'Click the case title in the row.',
  status: 'Click the status in the row (or Skip).',
  updated: 'Click the "last updated" date in the row (or Skip).',
  save: 'Name this portal and save the recipe.',
  done: 'Saved. Caseradar reads these rows each time you visit this page.',
};
const OPTIONAL: Step[] = ['status', 'updated'];
const STYLE = `
  :host { all: initial; }
  .bar { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 320px; padding: 12px;
    font: 14px/1.4 system-ui, sans-serif; color: #111; background: #fff; border: 2px solid #2557d6;
    border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
  .bar h2 { font-size: 14px; margin: 0 0 6px; }
  .bar p { margin: 0 0 8px; }
  .bar label { display: block; margin: 6px 0; }
  .bar input { width: 100%; box-sizing: border-box; font: inherit; padding: 4px; }
  .bar button { font: inherit; margin-right: 6px; padding: 4px 10px; cursor: pointer; }
  .box { position: fixed; pointer-events: none; z-index: 2147483646; outline: 3px solid #2557d6;
    background: rgba(37,87,214,.08); }
  .row { outline-color: #1a7f37; background: rgba(26,127,55,.08); }
  .error { color: #b42318; }
`;

/** The repeating element around a click: the nearest ancestor whose siblings share its tag and first class. */
export function rowOf(el: Element): Element {
  for (let cur: Element | null = el; cur && cur.parentElement && cur.tagName !== 'BODY'; cur = cur.parentElement) {
    const first = cur.classList[0];
    const twins = [...cur.parentElement.children].filter(
      (s) => s.tagName === cur!.tagName && (!first || s.classList.contains(first)),
    );
    if (twins.length >= 2) return cur;
  }
  return el;
}

export function startPicker(): void {
  if (document.querySelector('caseradar-picker')) return; // Already open on this page.
  const host = document.createElement('caseradar-picker');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const hover = Object.assign(document.createElement('div'), { className: 'box' });
  const rowBox = Object.assign(document.createElement('div'), { className: 'box row' });
  rowBox.hidden = true;
  const bar = document.createElement('section');
  bar.className = 'bar';
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', 'Caseradar recipe picker');
  root.append(style, hover, rowBox, bar);
  document.documentElement.append(host);

  let step: Step = 'row';
  let row: Element | null = null;
  const fields: RecipeInput['fields'] = { id: '', title: '', status: '', updated: '', link: '' };
  let error = '';

  const place = (box: HTMLElement, el: Element | null) => {
    box.hidden = !el;
    if (!el) return;
    const r = el.getBoundingClientRect();
    Object.assign(box.style, {
      left: `${r.left}px`,
      top: `${r.top}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
  };
  const button = (label: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  };
  const close = () => {
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('mouseover', onHover, true);
    host.remove();
  };
  const next = () => {
    const order: Step[] = ['row', 'id', 'title', 'status', 'updated', 'save'];
    step = order[order.indexOf(step) + 1] ?? 'save';
    error = '';
    render();
  };
  const draft = (name: string, pathPrefix: string): RecipeInput => ({
    name,
    pathPrefix,
    rowSelector: row ? rowSelectorFor(row) : '',
    fields,
  });

  function render() {
    bar.replaceChildren();
    const title = document.createElement('h2');
    title.textContent = 'Caseradar: make a recipe';
    const prompt = document.createElement('p');
    prompt.textContent = PROMPTS[step];
    prompt.setAttribute('aria-live', 'polite');
    bar.append(title, prompt);
    if (error) bar.append(Object.assign(document.createElement('p'), { className: 'error', textContent: error }));
    if (step === 'save') {
      const name = Object.assign(document.createElement('input'), {
        value: location.hostname.replace(/^www\./, ''),
        name: 'name',
      });
      const path = Object.assign(document.createElement('input'), { value: location.pathname, name: 'pathPrefix' });
      const nameLabel = document.createElement('label');
      nameLabel.append('Portal name ', name);
      const pathLabel = document.createElement('label');
      pathLabel.append('Pages starting with ', path);
      let found = 0;
      try {
        found = applyRecipe(document, new URL(location.href), draft('preview', '/')).cases.length;
      } catch {
        found = 0;
      }
      const preview = Object.assign(document.createElement('p'), {
        textContent: `${found} case row${found === 1 ? '' : 's'} found on this page.`,
      });
      preview.dataset.testid = 'recipe-preview';
      bar.append(
        nameLabel,
        pathLabel,
        preview,
        button('Save recipe', () => {
          void send('cs:save-recipe', draft(name.value, path.value || '/'))
            .then(() => {
              step = 'done';
              render();
            })
            .catch((e: unknown) => {
              error = e instanceof Error ? e.message : String(e);
              render();
            });
        }),
      );
    }
    if (OPTIONAL.includes(step)) bar.append(button('Skip', next));
    if (step === 'done') {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('mouseover', onHover, true);
      hover.hidden = true;
      bar.append(button('Close', close));
    } else {
      bar.append(button('Cancel', close));
    }
  }

  function onHover(e: Event) {
    if (e.composedPath().includes(host)) return;
    place(hover, e.target as Element);
  }
  function onClick(e: Event) {
    if (e.composedPath().includes(host) || step === 'save' || step === 'done') return;
    // The page must not act on clicks made for picking (links would navigate away).
    e.preventDefault();
    e.stopImmediatePropagation();
    const target = e.target as Element;
    if (step === 'row') {
      row = rowOf(target);
      place(rowBox, row);
      next();
      return;
    }
    if (!row || !row.contains(target)) {
      error = 'Pick inside the highlighted row.';
      render();
      return;
    }
    const selector = fieldSelectorFor(row, target);
    if (step === 'id') {
      fields.id = selector;
      const link = target.closest('a[href]');
      if (link && row.contains(link)) fields.link = fieldSelectorFor(row, link);
    } else if (step === 'title') fields.title = selector;
    else if (step === 'status') fields.status = selector;
    else if (step === 'updated') fields.updated = selector;
    next();
  }

  document.addEventListener('click', onClick, true);
  document.addEventListener('mouseover', onHover, true);
  render();
}
