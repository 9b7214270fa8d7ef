/**
 * Reading and writing the CLI's files: text, JSON and app files in, app files out (atomically).
 * Brings the app file reader (the schemas, Ajv) and nothing heavier: no Yjs, Babel or TypeScript.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { fromAppFile, toAppFile } from '../model/appfile';
import type { AppModel } from '../model/types';
import { catalogError, editError } from '../errors';
import { CliExit, type CliIo } from './io';

/** Exit 2 with E_IO: `file` could not be read or written, and the system's reason. */
function ioFailure(action: 'read' | 'write', file: string, e: unknown): CliExit {
  const why = (e as NodeJS.ErrnoException).code ?? String(e);
  return new CliExit(2, [catalogError('E_IO', { action, file, why })]);
}

/** A file's text, relative to the CLI's working folder; exit 2 when it cannot be read. */
export async function readText(io: CliIo, file: string): Promise<string> {
  try {
    return await readFile(resolvePath(io.cwd, file), 'utf8');
  } catch (e) {
    throw ioFailure('read', file, e);
  }
}

/** A JSON file; exit 1 when it does not parse. */
export async function readJson(io: CliIo, file: string): Promise<unknown> {
  const text = await readText(io, file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliExit(1, [
      editError('E_JSON_PARSE', `${file} is not valid JSON: ${(e as Error).message}`)
    ]);
  }
}

/** Writes atomically (temp file, then rename) so a failed write never leaves half a file. */
export async function writeOut(io: CliIo, file: string, text: string): Promise<void> {
  const target = resolvePath(io.cwd, file);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw ioFailure('write', file, e);
  }
}

/** Reads an app file: the schemas and the model's rules, or exit 1 with every problem. */
export async function readApp(io: CliIo, file: string): Promise<AppModel> {
  const loaded = fromAppFile(await readJson(io, file));
  if (!loaded.ok) throw new CliExit(1, loaded.errors);
  return loaded.model;
}

/** An app file's text as the CLI writes it: indented JSON with a final newline. */
export function appText(model: AppModel): string {
  return JSON.stringify(toAppFile(model), null, 2) + '\n';
}

/** "1 component, 14 nodes". */
export function count(model: AppModel): string {
  return `${model.components.size} component${model.components.size === 1 ? '' : 's'}, ${model.nodes.size} nodes`;
}
