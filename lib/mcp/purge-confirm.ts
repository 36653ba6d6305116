import { inputRequired, inputResponse } from "@modelcontextprotocol/server";
import type { ClientCapabilities, InputRequiredResult } from "@modelcontextprotocol/server";
import type { User } from "../identity/identity.ts";
import { canCall } from "../permissions.ts";
import { purgeConfirmation } from "../tools/purge-drilling-record.ts";

const TOOL = "purge_drilling_record";
/** The key of the confirmation in `inputRequests` / `inputResponses`. */
export const PURGE_CONFIRM_KEY = "purge_confirm";

/** What the purge round decides for one `tools/call`: ask the person, go on with these arguments, or stop (declined). */
export type PurgeRound =
  | { readonly kind: "ask"; readonly result: InputRequiredResult }
  | { readonly kind: "call"; readonly args: unknown }
  | { readonly kind: "declined"; readonly message: string };

/** What the purge round reads from the request being served. */
export interface PurgeRequest {
  /** Whether the request is on the 2026-07-28 revision (it carried the `_meta` envelope). */
  readonly modern: boolean;
  /** The capabilities the client declared in that envelope. */
  readonly capabilities: ClientCapabilities | undefined;
  /** A retried request's answers to earlier input requests (untrusted). */
  readonly inputResponses: Record<string, unknown> | undefined;
}

function supportsFormElicitation(capabilities: ClientCapabilities | undefined): boolean {
  const elicitation = capabilities?.elicitation as Record<string, unknown> | undefined;
  return elicitation !== undefined &&
    (Object.keys(elicitation).length === 0 || "form" in elicitation);
}

/**
 * The purge confirmation as a 2026-07-28 input-required round: when an ADMIN's client declared form elicitation
 * and the call names a record without `confirm`, the person (not the model) is asked to confirm; on the retry an
 * accepted confirmation becomes the typed `confirm: "PURGE <id>"` the tool checks, a declined one stops the call.
 * Every other call (another tool, a 2025-era client, a client without elicitation, a typed `confirm`) goes on unchanged.
 */
export function purgeRound(
  name: string,
  args: unknown,
  user: User,
  request: PurgeRequest,
): PurgeRound {
  const call = { kind: "call", args } as const;
  if (
    name !== TOOL || !request.modern || !canCall(user.role.role, TOOL) ||
    !supportsFormElicitation(request.capabilities)
  ) return call;
  if (typeof args !== "object" || args === null || Array.isArray(args)) return call;
  const { record_id: id, confirm } = args as { record_id?: unknown; confirm?: unknown };
  if (confirm !== undefined || typeof id !== "number" || !Number.isSafeInteger(id) || id < 1) {
    return call;
  }
  const answer = inputResponse(request.inputResponses, PURGE_CONFIRM_KEY);
  if (answer.kind === "elicit") {
    if (answer.action === "accept" && answer.content?.confirm === true) {
      return { kind: "call", args: { ...args, confirm: purgeConfirmation(id) } };
    }
    return {
      kind: "declined",
      message: `未确认，记录号 ${id} 没有被彻底删除 / not confirmed: record ${id} was not purged`,
    };
  }
  return {
    kind: "ask",
    result: inputRequired({
      inputRequests: {
        [PURGE_CONFIRM_KEY]: inputRequired.elicit({
          message:
            `确认彻底删除记录号 ${id}？删除后不能恢复，最后状态保留在历史中。 / Purge record ${id} for good? It cannot be restored; its last state stays in the history.`,
          requestedSchema: {
            type: "object",
            properties: {
              confirm: {
                type: "boolean",
                title: "彻底删除 Purge",
                description: `彻底删除记录号 ${id} / purge record ${id}`,
              },
            },
            required: ["confirm"],
          },
        }),
      },
    }),
  };
}
