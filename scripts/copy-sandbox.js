// After `vite build`: puts the sandbox's Node entries (plain JavaScript, run by a child process or
// a worker thread) beside the built server, where src/lib/runtime/port.ts looks for them.
import { cpSync } from 'node:fs';

cpSync('src/lib/runtime/sandbox', 'build/sandbox', { recursive: true });
