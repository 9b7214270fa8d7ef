/**
 * The TypeScript program host of the type checker: strict compiler options, an in-memory
 * language service host holding the check files (TypeScript's own lib files read from disk once
 * per process and shared through one document registry), and the per-unit result cache.
 */
import ts from 'typescript';
import type { EditError } from '../ops/errors';

/** Compiler options: strict, because catching mistakes is the point. */
export const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  lib: ['lib.es2022.d.ts'],
  types: [],
  strict: true,
  // A caught error is `any`, as in JavaScript, so `catch (e) { state.error = e.message }` works.
  useUnknownInCatchVariables: false,
  noEmit: true,
  skipLibCheck: true,
  // Each check file is its own module, so the State of one component never merges with another's.
  moduleDetection: ts.ModuleDetectionKind.Force
};

/** Shared by every checker of the process, so TypeScript's lib files are parsed once. */
export const documentRegistry = ts.createDocumentRegistry();
const libSnapshots = new Map<string, ts.IScriptSnapshot | undefined>();

/** A unit's cached result: its errors, most recently used last. */
export class UnitCache {
  private readonly entries = new Map<string, readonly EditError[]>();
  constructor(private readonly limit: number) {}

  get(key: string): readonly EditError[] | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, errors: readonly EditError[]): void {
    this.entries.delete(key);
    this.entries.set(key, errors);
    while (this.entries.size > this.limit) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/** One in-memory check file per component, versioned so the language service reuses the rest. */
export class MemoryHost implements ts.LanguageServiceHost {
  readonly files = new Map<string, { version: number; snapshot: ts.IScriptSnapshot }>();

  constructor(
    private readonly libDirectory: string,
    private readonly readLib: (path: string) => string | undefined
  ) {}

  write(fileName: string, text: string): void {
    const version = (this.files.get(fileName)?.version ?? 0) + 1;
    this.files.set(fileName, { version, snapshot: ts.ScriptSnapshot.fromString(text) });
  }

  getCompilationSettings(): ts.CompilerOptions {
    return COMPILER_OPTIONS;
  }
  getScriptFileNames(): string[] {
    return [...this.files.keys()];
  }
  getScriptVersion(fileName: string): string {
    return String(this.files.get(fileName)?.version ?? 0);
  }
  getScriptSnapshot(fileName: string): ts.IScriptSnapshot | undefined {
    const own = this.files.get(fileName);
    if (own) return own.snapshot;
    if (!libSnapshots.has(fileName)) {
      const text = fileName.startsWith(this.libDirectory) ? this.readLib(fileName) : undefined;
      libSnapshots.set(
        fileName,
        text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
      );
    }
    return libSnapshots.get(fileName);
  }
  getCurrentDirectory(): string {
    return '/';
  }
  getDefaultLibFileName(): string {
    return `${this.libDirectory}/lib.es2022.d.ts`;
  }
  fileExists(fileName: string): boolean {
    return this.getScriptSnapshot(fileName) !== undefined;
  }
  readFile(fileName: string): string | undefined {
    const snapshot = this.getScriptSnapshot(fileName);
    return snapshot?.getText(0, snapshot.getLength());
  }
}
