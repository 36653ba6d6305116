/**
 * The database: the only importer of the database driver (@libsql/client). A local file runs in
 * worker threads (one writer, DB_READERS readers: threads.ts, worker*.ts); a remote libSQL
 * server is reached from the serving thread. Also busy handling, file-fault detection (guard.ts,
 * faults.ts) and the migrations (migrations/).
 *
 * @module
 */
import type {
  Client,
  Config as ClientConfig,
  InStatement,
  InValue,
  Transaction,
  Value,
} from "@libsql/client";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { DatabaseLocation } from "../config/config.ts";
import { createSerialQueue, mayWrite } from "./busy.ts";
import { openThreadedDatabase } from "./threads.ts";

/** A value bound to a SQL parameter. */
export type SqlValue = string | number | bigint | boolean | null | Uint8Array;
/** A SQL statement with its positional or named arguments. */
export interface Statement {
  readonly sql: string;
  readonly args?: readonly SqlValue[] | Record<string, SqlValue>;
}
/** A row as a plain object keyed by column name. */
export type Row = Record<string, SqlValue>;

/** What a statement returned: plain rows, plus counts for writes. */
export interface QueryResult {
  readonly rows: Row[];
  readonly rowsAffected: number;
  readonly lastInsertRowid: number | null;
}

/** Runs statements; both the database and an open transaction are executors. */
export interface Executor {
  execute(sql: string, args?: Statement["args"]): Promise<QueryResult>;
}

/** The drilling database. The only thing in the project that knows the driver. */
export interface Db extends Executor {
  readonly location: DatabaseLocation;
  /** Runs the statements atomically (all or none), returning each result. */
  batch(statements: readonly Statement[]): Promise<QueryResult[]>;
  /** Runs `work` in one write transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
  /** Runs the named analysis job (lib/data/run-job.ts) in a reader thread; only a database with threads has it. */
  runJob?(name: string, input: unknown): Promise<unknown>;
  /** The CSV bytes of one page of an export, made in a reader thread (lib/data/export.ts); only a database with threads has it. */
  exportChunk?(request: ExportChunkRequest): Promise<ExportChunk>;
  close(): void;
}

/** One page of a table's export: its live rows after `after` in key order, at most `limit`. */
export interface ExportChunkRequest {
  readonly table: string;
  readonly key: string;
  readonly columns: readonly string[];
  /** The key of the last row already sent; null for the first page. */
  readonly after: string | number | null;
  readonly limit: number;
  /** Only rows up to this key (the end of a page found ahead). */
  readonly through?: string | number;
  /** Also find where the page after this one ends (`ahead`), so it and the one after can be made at once. */
  readonly ahead?: boolean;
}

/** A page of an export as UTF-8 CSV lines, with the key of its last row. */
export interface ExportChunk {
  readonly bytes: Uint8Array;
  readonly rows: number;
  readonly last: string | number | null;
  /** Asked `ahead`: the key of the `limit`-th live row after `last`, null when fewer are left. */
  readonly ahead?: string | number | null;
}

/** Statements run by a connection of their own, each row an array (no row objects): the export's bulk reads. */
export interface RawReader {
  /** The rows `sql` returns, one at a time, as arrays of column values; the statement is prepared once per text. */
  rows(sql: string, args: readonly SqlValue[]): Iterable<SqlValue[]>;
  close(): void;
}

/**
 * Opens the driver's own read-only connections to a local database file; `use` names the reads
 * in the error when the database is not a local file.
 */
async function readOnlyOpener(
  location: DatabaseLocation,
  options: OpenDatabaseOptions,
  use: string,
) {
  const path = location.path;
  if (location.kind !== "file" || !path) {
    throw new Error(`${use} need a local database file, not "${location.url}"`);
  }
  // Imported when first needed, like the client: loading it loads the native addon.
  const { default: Libsql } = await import("libsql");
  const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_MS;
  return () => new Libsql(path, { readonly: true, timeout });
}

/**
 * A read-only connection to a local database file that answers with plain arrays, several
 * times cheaper per row than the client's row objects; for bulk reads in a database thread.
 */
export async function openRawReader(
  location: DatabaseLocation,
  options: OpenDatabaseOptions = {},
): Promise<RawReader> {
  const db = (await readOnlyOpener(location, options, "raw reads"))();
  const prepared = new Map<string, ReturnType<typeof db.prepare>>();
  return {
    rows(sql, args) {
      let statement = prepared.get(sql);
      if (!statement) {
        statement = db.prepare(sql).raw(true);
        prepared.set(sql, statement);
      }
      return statement.iterate([...args]) as Iterable<SqlValue[]>;
    },
    close: () => db.close(),
  };
}

/** Plain reads on a connection of their own with prepared statements kept, for a database thread. */
export interface FastReader {
  /** The rows of a plain SELECT, or undefined when this statement is not one it takes (the caller uses the client). */
  read(sql: string, args: Statement["args"] | undefined): QueryResult | undefined;
  close(): void;
}

/** Statements kept prepared by a {@link FastReader} (their texts come from code, but a scoped caller's vary). */
const FAST_STATEMENTS = 256;

/**
 * A read-only connection to a local file for the small SELECTs of every call, answering what the
 * client path would (rows as toResult builds them, integers as numbers; a blob or an integer past
 * 2^53 is left to the client) at a fraction of its cost: the client prepares each statement anew
 * and defines each cell as a property one at a time. A statement it does not take (named or unusual
 * arguments, not a SELECT) and any error are left to the client, which answers them as before.
 */
export async function openFastReader(
  location: DatabaseLocation,
  options: OpenDatabaseOptions = {},
): Promise<FastReader> {
  const open = await readOnlyOpener(location, options, "fast reads");
  let db: ReturnType<typeof open> | null = null;
  const prepared = new Map<
    string,
    { statement: ReturnType<ReturnType<typeof open>["prepare"]>; columns: string[] }
  >();
  const forget = () => {
    prepared.clear();
    db?.close();
    db = null;
  };
  const prepare = (sql: string) => {
    let entry = prepared.get(sql);
    if (entry) return entry;
    db ??= open();
    const statement = db.prepare(sql);
    if (!statement.reader) return undefined;
    statement.raw(true).safeIntegers(true);
    const columns = (statement.columns() as { name: string }[]).map((c) => c.name);
    // Assigned in order like toResult's (the last of two same-named columns wins, in the first's
    // place); "__proto__" would set the row's prototype, not a column.
    if (columns.includes("__proto__")) return undefined;
    if (prepared.size >= FAST_STATEMENTS) prepared.clear();
    entry = { statement, columns };
    prepared.set(sql, entry);
    return entry;
  };
  return {
    read(sql, args) {
      if (mayWrite(sql) || (args !== undefined && !Array.isArray(args))) return undefined;
      const list = (args ?? []) as readonly SqlValue[];
      if (
        !list.every((v) =>
          v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v))
        )
      ) return undefined;
      try {
        const entry = prepare(sql);
        if (!entry) return undefined;
        const { statement, columns } = entry;
        const rows: Row[] = [];
        for (const raw of statement.all(list) as unknown[][]) {
          const row: Row = {};
          for (let i = 0; i < columns.length; i++) {
            const name = columns[i];
            const value = raw[i];
            if (typeof value === "bigint") {
              // Past 2^53 the client answers (with its RangeError), as for a blob below: no error
              // here, so the connection and its prepared statements are kept.
              if (value < MIN_SAFE || value > MAX_SAFE) return undefined;
              row[name] = Number(value);
            } else if (value === null || typeof value === "string" || typeof value === "number") {
              row[name] = value;
            } else return undefined; // a blob: left to the client
          }
          rows.push(row);
        }
        return { rows, rowsAffected: 0, lastInsertRowid: null };
      } catch {
        // The client runs it again and answers (or fails) as it always has; this connection starts afresh.
        forget();
        return undefined;
      }
    },
    close: forget,
  };
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** How long a statement waits for a lock another connection holds, unless told otherwise, ms. */
const DEFAULT_BUSY_MS = 5000;

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  readonly authToken?: string;
  /** How long a writer waits for a lock held by another connection, ms. */
  readonly busyTimeoutMs?: number;
  /**
   * Reader threads for a local file (default 2): the driver is synchronous, so a file's statements
   * run in worker threads (these readers plus one writer) and never block this thread. 0 runs the
   * driver on this thread (what each worker itself does); memory and remote databases always do.
   */
  readonly readers?: number;
}

function toResult(
  rs: {
    columns: string[];
    rows: ArrayLike<Value>[];
    rowsAffected: number;
    lastInsertRowid?: bigint;
  },
): QueryResult {
  const rows = rs.rows.map((raw) => {
    const row: Row = {};
    rs.columns.forEach((name, i) => {
      const value = raw[i];
      // The driver hands a blob over as an ArrayBuffer; a SqlValue blob is a Uint8Array.
      row[name] = value instanceof ArrayBuffer ? new Uint8Array(value) : value;
    });
    return row;
  });
  const id = rs.lastInsertRowid;
  return {
    rows,
    rowsAffected: rs.rowsAffected,
    lastInsertRowid: id === undefined ? null : Number(id),
  };
}

function statement(sql: string, args?: Statement["args"]): InStatement {
  return { sql, args: (args ?? []) as InValue[] };
}

function executor(target: Client | Transaction): Executor {
  return { execute: async (sql, args) => toResult(await target.execute(statement(sql, args))) };
}

// The native driver loads its addon when imported, and hosts without local files
// (Deno Deploy) have none: a remote database is reached with the pure-fetch client.
async function createClient(location: DatabaseLocation, config: ClientConfig): Promise<Client> {
  if (location.kind === "remote") return (await import("@libsql/client/web")).createClient(config);
  const client = (await import("@libsql/client")).createClient(config);
  if (location.kind === "file") {
    await client.execute("PRAGMA journal_mode = WAL");
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit survives a crash of
    // this process; only a power cut or OS crash can lose the last commits (never corrupting the
    // file). SQLite's recommended pairing for WAL; every call writes an audit row, so it matters.
    await client.execute("PRAGMA synchronous = NORMAL");
  }
  return client;
}

/**
 * Opens (creating if needed) the database at `location`. A local file gets its
 * directory created, WAL journaling and a busy timeout so concurrent writers wait
 * instead of failing. This Db's writes (transactions, batches, writing
 * statements) run one at a time, so its own connections never contend for the
 * lock; the busy timeout covers other processes.
 */
export async function openDatabase(
  location: DatabaseLocation,
  options: OpenDatabaseOptions = {},
): Promise<Db> {
  if (location.kind === "file" && (options.readers ?? 1) > 0) {
    return openThreadedDatabase(location, options);
  }
  if (location.kind === "file" && location.path) {
    await mkdir(dirname(location.path), { recursive: true });
  }
  const busyMs = options.busyTimeoutMs ?? DEFAULT_BUSY_MS;
  const config = {
    url: location.url,
    authToken: options.authToken,
    intMode: "number" as const,
    timeout: busyMs,
  };
  let client = await createClient(location, config);
  // A write that failed with SQLITE_BUSY leaves its pooled connection unable to commit ("SQL
  // statements in progress") until garbage collection, and one that met an I/O or read-only
  // fault stays read-only after the file is writable again. So after such a fault the next write
  // first opens fresh connections (then, not at once: one opened while the file is still
  // read-only would be kept read-only).
  let stale = false;
  const markAfterFault = (error: unknown) => {
    const code = String((error as { code?: unknown })?.code ?? "");
    if (/^SQLITE_(BUSY|IOERR|READONLY|CANTOPEN)/.test(code) && location.kind === "file") {
      stale = true;
    }
  };
  const freshIfStale = async () => {
    if (!stale) return;
    stale = false;
    const old = client;
    client = await createClient(location, config);
    old.close();
  };
  const serial = createSerialQueue();
  return {
    location,
    async execute(sql, args) {
      if (!mayWrite(sql)) return toResult(await client.execute(statement(sql, args)));
      return serial(
        async () => (await freshIfStale(),
          toResult(
            await client.execute(statement(sql, args)).catch((error) => {
              markAfterFault(error);
              throw error;
            }),
          )),
        busyMs,
      );
    },
    batch: (statements) =>
      serial(async () => {
        await freshIfStale();
        const results = await client.batch(statements.map((s) => statement(s.sql, s.args)), "write")
          .catch((error) => {
            markAfterFault(error);
            throw error;
          });
        return results.map(toResult);
      }, busyMs),
    transaction: (work) =>
      serial(async () => {
        await freshIfStale();
        let tx: Transaction;
        try {
          tx = await client.transaction("write");
        } catch (error) {
          markAfterFault(error);
          throw error;
        }
        try {
          const result = await work(executor(tx));
          await tx.commit();
          return result;
        } catch (error) {
          await tx.rollback().catch(() => {});
          markAfterFault(error);
          throw error;
        } finally {
          tx.close();
        }
      }, busyMs),
    close: () => client.close(),
  };
}
