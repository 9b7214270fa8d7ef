/**
 * Work held back until the frame that shows an edit has been drawn (issue 13). A local edit is
 * drawn on the canvas in the task of the input (./view-patch.ts); the panels' reading of the new
 * model (the outline, the inspector, the frames around the selection) costs more than that, and
 * done in the same task it delays the frame by as much. So it runs in the task after the frame,
 * and whoever needs the model as written before then runs it at once (`flush`).
 */

/** Schedules `run` after the next drawn frame; a hidden tab (no frames) runs it on a timer. */
export type FrameScheduler = (run: () => void) => void;

/** `scheduler.postTask` where the browser has it (Chromium, Firefox). */
interface TaskScheduler {
  postTask(run: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * The frame after which a task runs: `requestAnimationFrame`, then a task, so after the paint.
 * The task has background priority where the browser has one: an input that came meanwhile (the
 * next key) is handled before the panels catch up.
 */
export const afterNextFrame: FrameScheduler = (run) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  const tasks = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  const later =
    typeof tasks?.postTask === 'function'
      ? () => void (tasks as TaskScheduler).postTask(once, { priority: 'background' })
      : () => setTimeout(once, 0);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
  // A hidden tab draws no frames: the work must not wait for one.
  setTimeout(once, 100);
};

/** One piece of work, held back to after the next frame, run at most once per scheduling. */
export class AfterFrame {
  private scheduled = false;
  private generation = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly work: () => void,
    private readonly schedule: FrameScheduler = afterNextFrame
  ) {}

  /** Whether the work waits for a frame now. */
  get pending(): boolean {
    return this.scheduled;
  }

  /** Runs the work after the next frame (once, however often this is called before). */
  request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const mine = ++this.generation;
    this.schedule(() => {
      if (this.scheduled && this.generation === mine) this.flush();
    });
  }

  /** Runs waiting work now (nothing when none waits). */
  flush(): void {
    if (!this.scheduled) return;
    this.scheduled = false;
    try {
      this.work();
    } finally {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Resolves once no work waits (at once when none does). */
  done(): Promise<void> {
    if (!this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
