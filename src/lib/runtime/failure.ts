/**
 * How the sandbox host reports what went wrong: coded errors (codes from ../ops/errors.ts)
 * naming the component and node when known, returned as values. The worker runs guest code, so
 * its error replies are read as untrusted data: only the shape is taken, the message capped.
 */
import { capText } from '../code/cap';
import { editError, type EditError, type ErrorCode } from '../ops/errors';
import type { ViewNode } from './view';

/** A coded error from the sandbox, naming the component (and node) when it is known. */
export interface SandboxError extends EditError {
  readonly component?: string;
  readonly node?: string;
}

/** A failure: the first error, and all of them (a compile can find several). */
export interface Failure {
  readonly ok: false;
  readonly error: SandboxError;
  readonly errors: readonly SandboxError[];
}

/** A failure of `errors` (at least one). */
export function failure(errors: readonly SandboxError[]): Failure {
  return { ok: false, error: errors[0], errors };
}

/** A failure of one coded error. */
export function fail(code: ErrorCode, message: string, where: Partial<SandboxError> = {}): Failure {
  return failure([{ ...editError(code, message), ...where }]);
}

/** The coded error of an `error` reply (the worker is trusted for its shape, not its code). */
export function wireError(reply: { readonly [field: string]: unknown }): SandboxError {
  const e = (reply.error ?? {}) as Partial<SandboxError>;
  return {
    code: (typeof e.code === 'string' ? e.code : 'E_RENDER') as ErrorCode,
    // Capped here too: the worker runs guest code and is trusted for nothing it sends.
    message: typeof e.message === 'string' ? capText(e.message) : 'the sandbox failed',
    ...(typeof e.component === 'string' ? { component: e.component } : {}),
    ...(typeof e.node === 'string' ? { node: e.node } : {})
  };
}

/** The errors of nested components the sandbox contained in a view (drawn as error cards). */
export function containedErrors(view: ViewNode): EditError[] {
  const out: EditError[] = [];
  const stack = [view];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const error = (node as { error?: { message?: unknown; component?: unknown } }).error;
    if (error) {
      const where = typeof error.component === 'string' ? ` (component ${error.component})` : '';
      out.push(
        editError('E_RENDER', capText(`${String(error.message ?? 'a view threw')}${where}`))
      );
    }
    for (const child of node.children) stack.push(child);
  }
  return out;
}
