/**
 * Work that must not compete with opening an app: it runs once the canvas has drawn the app's
 * first view, and then only when the page is idle. Before this, "when idle" alone ran such work
 * while the page waited for its workers, which is most of an open: the code editor's module and
 * the browser's own copy of the document (a write of the whole document) landed in the middle of
 * drawing a large app.
 */
export class FirstDraw {
  private drawn = false;
  private waiting: (() => void)[] = [];

  /** The canvas shows the app for the first time: queued work goes to idle time now. */
  markDrawn(): void {
    if (this.drawn) return;
    this.drawn = true;
    const waiting = this.waiting;
    this.waiting = [];
    for (const run of waiting) whenIdle(run);
  }

  /** Runs `run` in idle time once the first view is drawn (at once to idle if it was). */
  afterDrawn(run: () => void): void {
    if (this.drawn) whenIdle(run);
    else this.waiting.push(run);
  }
}

/** `requestIdleCallback` where there is one (a timeout keeps a busy page from starving it). */
function whenIdle(run: () => void): void {
  if (typeof window === 'undefined') return;
  if (window.requestIdleCallback) window.requestIdleCallback(() => run(), { timeout: 2_000 });
  else setTimeout(run, 200);
}
