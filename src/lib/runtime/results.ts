/**
 * What the sandbox host answers (a view, an event's new data, a migrated value, or a failure)
 * and what it announces to listeners with no caller waiting (incidents, log messages, data a
 * network response changed).
 */
import type { JsonValue } from '../model/types';
import type { Failure, SandboxError } from './failure';
import type { AppData } from './state-check';
import type { ViewNode } from './view';

/** A render's outcome: the view, or why there is none. */
export type ViewResult = { readonly ok: true; readonly view: ViewNode } | Failure;

/** An event's outcome: the new data (unchanged when only an instance's local state changed). */
export type DispatchResult =
  | { readonly ok: true; readonly data: AppData; readonly view: ViewNode; readonly local: boolean }
  | Failure;

/** A migration's outcome: the migrated value, or why it failed. */
export type MigrationResult =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly message: string };

/** Something that went wrong with no caller waiting for it, or a watchdog restart. */
export interface Incident {
  readonly error: SandboxError;
  /** What was running: `handler toggle of App`, `the change to Row`, `network request ...`. */
  readonly running: string;
  /** True when the worker was replaced; `restartMs` is how long until the app answered again. */
  readonly restarted: boolean;
  readonly restartMs?: number;
  /**
   * After a restart, the view the fresh worker rendered: its refs replace the old view's (which
   * the new worker refuses as stale), so whoever shows the app must show this one.
   */
  readonly view?: ViewNode;
}

/** A message of the `log` capability. */
export interface LogEntry {
  readonly component: string;
  readonly level: 'info' | 'warn' | 'error';
  readonly args: readonly unknown[];
}

/** Data changed with no caller waiting: a network response's `then` handler ran. */
export interface DataUpdate {
  /** The data the handler started from, and the data it left (validated). */
  readonly prev: AppData;
  readonly data: AppData;
  readonly view: ViewNode;
  readonly cause: string;
}
