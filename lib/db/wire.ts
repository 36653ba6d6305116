import type { DatabaseLocation } from "../config/config.ts";
import type { ExportChunkRequest, OpenDatabaseOptions, Statement } from "./db.ts";
import { ToolError } from "../call/tool-error.ts";
import type { ToolErrorKind } from "../call/tool-error.ts";

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
  /** A ToolError's kind, so an expected failure in a job stays one. */
  readonly kind?: ToolErrorKind;
}

/** A request to a database worker; `tx` names a transaction (chosen by the sender at `begin`). */
export type DbRequest =
  | {
    readonly id: number;
    readonly op: "execute";
    readonly sql: string;
    readonly args?: Statement["args"];
  }
  | { readonly id: number; readonly op: "batch"; readonly statements: readonly Statement[] }
  | { readonly id: number; readonly op: "begin"; readonly tx: number }
  | {
    readonly id: number;
    readonly op: "tx";
    readonly tx: number;
    readonly sql: string;
    readonly args?: Statement["args"];
  }
  | {
    readonly id: number;
    readonly op: "end";
    readonly tx: number;
    readonly commit: boolean;
    readonly error?: WireError;
  }
  | { readonly id: number; readonly op: "job"; readonly name: string; readonly input: unknown }
  | { readonly id: number; readonly op: "exportChunk"; readonly chunk: ExportChunkRequest };

/** A worker's answer to the request of the same id. */
export type DbReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/** The parts of `error` that survive a thread hop (structured clone drops an Error's own `code`). */
export function toWireError(error: unknown): WireError {
  const e = error as { name?: unknown; message?: unknown; code?: unknown } | null;
  if (error instanceof ToolError) {
    return { name: error.name, message: error.message, kind: error.kind };
  }
  return {
    name: typeof e?.name === "string" ? e.name : "Error",
    message: typeof e?.message === "string" ? e.message : String(error),
    code: typeof e?.code === "string" ? e.code : undefined,
  };
}

/** An Error again, with the code the fault classifiers (lib/db/faults.ts, db.ts) read. */
export function fromWireError(wire: WireError): Error & { code?: string } {
  if (wire.kind !== undefined) return new ToolError(wire.kind, wire.message);
  const error: Error & { code?: string } = new Error(wire.message);
  error.name = wire.name;
  if (wire.code !== undefined) error.code = wire.code;
  return error;
}
