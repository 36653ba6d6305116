import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { Transport, TransportSendOptions } from "@modelcontextprotocol/sdk/shared/transport.js";
import { isJSONRPCErrorResponse, isJSONRPCRequest, isJSONRPCResultResponse } from "@modelcontextprotocol/sdk/types.js";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import type { JSONRPCMessage, MessageExtraInfo, RequestId } from "@modelcontextprotocol/sdk/types.js";

/** Answers one stateless Streamable HTTP POST (body already parsed) on behalf of `authInfo`'s caller. */
export type RelayHandler = (request: Request, body: unknown, authInfo: AuthInfo) => Promise<Response>;

/**
 * Serves stateless Streamable HTTP from one long-lived SDK `Server`.
 *
 * Each HTTP request still gets the SDK's own web-standard transport (header,
 * batch and protocol-version checks, the JSON response), which costs little; only
 * the `Server` — handler tables, capabilities, and the close that aborts its
 * request controllers — is built once instead of per request. Requests reach the
 * server through one relay transport under a unique internal id (clients all
 * number from 1) and the answer goes back to the HTTP request it came from.
 */
export async function createMcpRelay(server: Server): Promise<RelayHandler> {
  const pending = new Map<RequestId, { web: WebStandardStreamableHTTPServerTransport; id: RequestId }>();
  let next = 0;
  const relay: Transport = {
    start: async () => {},
    close: async () => relay.onclose?.(),
    async send(message: JSONRPCMessage, options?: TransportSendOptions) {
      const isResponse = isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message);
      const key = isResponse ? message.id : options?.relatedRequestId;
      const target = key === undefined ? undefined : pending.get(key);
      // Stateless: a message tied to no open request (a standalone notification) has nowhere to go.
      if (!target) return;
      if (isResponse) {
        pending.delete(key as RequestId);
        await target.web.send({ ...message, id: target.id });
      } else {
        await target.web.send(message, { ...options, relatedRequestId: target.id });
      }
    },
  };
  await server.connect(relay);
  return async function handle(request, body, authInfo) {
    const web = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    const mine: RequestId[] = [];
    web.onmessage = (message: JSONRPCMessage, extra?: MessageExtraInfo) => {
      if (isJSONRPCRequest(message)) {
        const id = `r${++next}`;
        mine.push(id);
        pending.set(id, { web, id: message.id });
        relay.onmessage?.({ ...message, id }, extra);
      } else if (!("method" in message) || message.method !== "notifications/cancelled") {
        // A cancellation names an id from another HTTP request, which this one cannot reach.
        relay.onmessage?.(message, extra);
      }
    };
    await web.start();
    try {
      return await web.handleRequest(request, { parsedBody: body, authInfo });
    } finally {
      for (const id of mine) pending.delete(id);
    }
  };
}
