// Types for SvelteKit's app-wide interfaces.
// See https://svelte.dev/docs/kit/types#app.d.ts
import type { StudioServer } from '$lib/server/studio';

declare global {
  namespace App {
    // interface Error {}
    /** What the `handle` hook (src/hooks.server.ts) gives every request. */
    interface Locals {
      /**
       * The process's studio server (store, links, owner token, open apps). Routes reach it
       * here, never through `studioServer()`, so what a request may touch is passed to it.
       */
      studio: StudioServer;
    }
    // interface PageData {}
    // interface PageState {}
    // interface Platform {}
  }
}

export {};
