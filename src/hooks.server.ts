/**
 * Server start: the studio server (database, collaboration) comes up with the process, and the
 * HTTP server outside SvelteKit gets its WebSocket and shutdown entry points (see runtime.ts).
 */
import type { ServerInit } from '@sveltejs/kit';
import { registerRuntime } from '$lib/server/runtime';

export const init: ServerInit = () => {
  registerRuntime();
};
