/**
 * Where a database thread finds the libSQL native addon.
 *
 * Run from source, each thread loads `@libsql/<platform>` from node_modules itself, so this says
 * nothing. The one-file bundle (scripts/build.mjs) replaces this module with one that extracts the
 * addon it carries to the private cache and answers that directory, so the threads load the same file.
 * @module
 */

/** The directory holding `libsql-<platform>.node` for the database threads; undefined: they find it themselves. */
export function libsqlDirForWorkers(): string | undefined {
  return undefined;
}
