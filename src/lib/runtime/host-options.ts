/**
 * How a SandboxHost is set up: how it starts its workers, its time and size limits, the gate
 * that compiles what the sandbox runs, and its first listeners.
 */
import type { CompileGate } from '../code/gate';
import type { PortFactory } from './port';
import type { DataUpdate, Incident, LogEntry } from './results';

/** How a SandboxHost starts its workers, its limits, and its first listeners. */
export interface HostOptions {
  /** Starts a fresh worker: at start, and after every watchdog restart. */
  readonly port: PortFactory;
  /**
   * The gate that compiles what the sandbox runs. By default one without the type check: the
   * host re-runs the stages that protect the sandbox (parse, policy, loop guard) on every model,
   * since a peer's document is untrusted; types are the commit gate's job, and a type error
   * that slips through fails at run time as a coded error, contained like any other.
   */
  readonly gate?: CompileGate;
  /** How long a request may take before the worker is replaced (default 500 ms). */
  readonly timeoutMs?: number;
  /** Extra time for the first request of a fresh worker, which also starts it (default 5 s). */
  readonly startupMs?: number;
  /** How long a network request of the app may take (default 5 s). */
  readonly fetchTimeoutMs?: number;
  /**
   * Keep a started spare worker, so a restart loads the app into a worker that has already
   * booted and locked down (a few ms) instead of starting one (100 to 250 ms). Default true.
   */
  readonly spare?: boolean;
  /**
   * Send a literal-only change as a `literals` request (default true). Off, every change is a
   * swap of whole modules: the benchmark's old path (tests/bench/literal-edit.ts).
   */
  readonly literalPatches?: boolean;
  /** Largest network response body the app may receive (default 1 MiB). */
  readonly maxResponseBytes?: number;
  /** The fetch the network capability uses (default the global one). */
  readonly fetch?: typeof fetch;
  readonly onData?: (update: DataUpdate) => void;
  readonly onLog?: (entry: LogEntry) => void;
  readonly onIncident?: (incident: Incident) => void;
}
