/**
 * Writes docs/errors/: README.md (every error code by stage) and one page per code, from the
 * catalog in src/lib/errors/. Pages of codes no longer in the catalog are removed.
 *
 *   npm run errors:docs                          write the pages
 *   npx tsx scripts/gen-error-docs.ts --check    exit 1 if a page is out of date
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_DOCS_DIR, errorDocs } from '../src/lib/errors';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The paths (from the root) that differ from what the catalog gives, stale pages included. */
export function staleErrorDocs(): string[] {
  const pages = errorDocs();
  const stale = [...pages].filter(([file, text]) => {
    try {
      return readFileSync(join(root, file), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  const extra = onDisk().filter((file) => !pages.has(file));
  return [...stale.map(([file]) => file), ...extra];
}

function onDisk(): string[] {
  try {
    return readdirSync(join(root, ERROR_DOCS_DIR))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `${ERROR_DOCS_DIR}/${f}`);
  } catch {
    return [];
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const stale = staleErrorDocs();
    for (const file of stale) console.error(`out of date: ${file} (npm run errors:docs)`);
    process.exit(stale.length ? 1 : 0);
  }
  const pages = errorDocs();
  mkdirSync(join(root, ERROR_DOCS_DIR), { recursive: true });
  for (const file of onDisk()) if (!pages.has(file)) rmSync(join(root, file));
  for (const [file, text] of pages) writeFileSync(join(root, file), text);
  console.log(`wrote ${pages.size} pages to ${ERROR_DOCS_DIR}/`);
}
