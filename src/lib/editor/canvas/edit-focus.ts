/**
 * In Edit mode the app's own controls are pictures of controls: the canvas catches their keys
 * and clicks, so a Tab that lands on one can go nowhere (the keyboard trap of issue 16). While
 * editing, every focusable element of the app is taken out of the Tab order (`tabindex="-1"`,
 * its own tabindex kept in `data-edit-tabindex`), as it renders; Use mode gives them back. The
 * canvas page itself is the one Tab stop, and its keys move the selection (`./canvas-keys.ts`).
 */

const FOCUSABLE =
  'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';
/** Where an element's own tabindex is kept while Edit mode holds it ('' for none). */
const KEPT = 'data-edit-tabindex';

function hold(el: Element): void {
  if (el.hasAttribute(KEPT)) return;
  el.setAttribute(KEPT, el.getAttribute('tabindex') ?? '');
  el.setAttribute('tabindex', '-1');
}

function release(el: Element): void {
  const kept = el.getAttribute(KEPT);
  if (kept === null) return;
  el.removeAttribute(KEPT);
  if (kept === '') el.removeAttribute('tabindex');
  else el.setAttribute('tabindex', kept);
}

/**
 * Holds the focusable elements under `app` out of the Tab order until the returned function is
 * called, which gives them back. Elements the app renders later are held as they appear.
 */
export function holdTabOrder(app: HTMLElement): () => void {
  const holdAll = (root: Element) => {
    if (root.matches(FOCUSABLE)) hold(root);
    for (const el of root.querySelectorAll(FOCUSABLE)) hold(el);
  };
  holdAll(app);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        // The app set a tabindex of its own (a re-render): keep it, and hold the element again.
        const el = record.target as Element;
        if (el.getAttribute('tabindex') !== '-1') {
          el.removeAttribute(KEPT);
          hold(el);
        }
        continue;
      }
      for (const added of record.addedNodes) if (added instanceof Element) holdAll(added);
    }
  });
  observer.observe(app, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['tabindex']
  });
  return () => {
    observer.disconnect();
    for (const el of app.querySelectorAll(`[${KEPT}]`)) release(el);
  };
}
