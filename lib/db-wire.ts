import type { DatabaseLocation } from "./config.ts";
import type { OpenDatabaseOptions, QueryResult, Statement } from "./db.ts";

/** What a database worker thread is started with (its `workerData`). */
export interface DbWorkerData {
  readonly oilfieldDbWorker: true;
  readonly location: DatabaseLocation;
  readonly options: OpenDatabaseOptions;
}

/** An error as it crosses threads: the fields the fault handling reads (code, message). */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

/** A request to a database worker; `tx` names a transaction (chosen by the sender at `begin`). */
export type DbRequest =
  | { readonly id: number; readonly op: "execute"; readonly sql: string; readonly args?: Statement["args"] }
  | { readonly id: number; readonly op: "batch"; readonly statements: readonly Statement[] }
  | { readonly id: number; readonly op: "begin"; readonly tx: number }
  | { readonly id: number; readonly op: "tx"; readonly tx: number; readonly sql: string; readonly args?: Statement["args"] }
  | { readonly id: number; readonly op: "end"; readonly tx: number; readonly commit: boolean; readonly error?: WireError };

/** A worker's answer to the request of the same id. */
export type DbReply =
  | { readonly id: number; readonly ok: true; readonly value: QueryResult | QueryResult[] | null }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/** The parts of `error` that survive a thread hop (structured clone drops an Error's own `code`). */
export function toWireError(error: unknown): WireError {
  const e = error as { name?: unknown; message?: unknown; code?: unknown } | null;
  return {
    name: typeof e?.name === "string" ? e.name : "Error",
    message: typeof e?.message === "string" ? e.message : String(error),
    code: typeof e?.code === "string" ? e.code : undefined,
  };
}

/** An Error again, with the code the fault classifiers (lib/db-faults.ts, db.ts) read. */
export function fromWireError(wire: WireError): Error & { code?: string } {
  const error: Error & { code?: string } = new Error(wire.message);
  error.name = wire.name;
  if (wire.code !== undefined) error.code = wire.code;
  return error;
}
