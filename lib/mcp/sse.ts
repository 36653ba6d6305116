import { AjvJsonSchemaValidator } from "@modelcontextprotocol/server/validators/ajv";
import type { CallDeps } from "../call/call.ts";
import type { User } from "../identity/identity.ts";
import { createMcpServer } from "./server.ts";
import { httpErrorResponse, jsonRpcErrorResponse } from "../http/errors.ts";
import { readJsonBody } from "../http/json-body.ts";
import { isToolCall } from "../http/rate-gate.ts";
import type { RateGate } from "../http/rate-gate.ts";
import type { Config } from "../config/config.ts";
import { createSseSessionStore, sameIdentity } from "./sse-sessions.ts";
import type { SseSessionEntry, SseSessionStore } from "./sse-sessions.ts";
import type { SseOutboxLimits } from "./sse-outbox.ts";
import { WebSseServerTransport } from "./sse-transport.ts";

/** A session as the SSE handlers keep it: the store's entry plus its transport. */
export interface SseSession extends SseSessionEntry {
  readonly transport: WebSseServerTransport;
}

/** What {@link createSseHandlers} needs. */
export interface SseDeps {
  readonly call: CallDeps;
  readonly sessions: SseSessionStore<SseSession>;
  readonly maxBodyBytes: number;
  /** Interval of keep-alive comments and idle sweeps, ms. */
  readonly keepAliveMs: number;
  /** The per-user limit on tool calls, shared with the other transports. */
  readonly rateGate?: RateGate;
  /** What may wait per session for a client that does not read its stream. */
  readonly queueLimits?: SseOutboxLimits;
}

/** The two halves of the legacy HTTP+SSE transport. */
export interface SseHandlers {
  /** Answers the opening GET: a new session for `user` whose endpoint event names `endpoint`. */
  open(user: User, endpoint: string): Promise<Response>;
  /** Delivers one POSTed message to session `sessionId` if `user` opened it (202), else 400/403/404/413. */
  post(request: Request, sessionId: string, user: User): Promise<Response>;
}

/** How many dropped sessions' reasons are kept for their openers. */
const DROPPED_REMEMBERED = 1000;

/**
 * Legacy MCP over HTTP+SSE (LibreChat's `type: sse`): one MCP server per session,
 * sharing one JSON Schema validator; sessions live in a bounded store.
 */
export function createSseHandlers(deps: SseDeps): SseHandlers {
  const validator = new AjvJsonSchemaValidator();
  const { sessions, call } = deps;
  const full = () =>
    httpErrorResponse(
      503,
      "too_many_sessions",
      `SSE 会话已达上限 ${sessions.maxSessions}，请稍后重试 / all ${sessions.maxSessions} SSE sessions are in use: retry later, use Streamable HTTP at /mcp, or raise SSE_MAX_SESSIONS`,
      { "retry-after": "30" },
    );

  // Sessions dropped because their client stopped reading, remembered (a bounded number, oldest
  // forgotten first) so the opener's next POST learns why instead of "unknown session".
  const dropped = new Map<string, { user: User; reason: string }>();
  const remember = (id: string, user: User, reason: string) => {
    dropped.set(id, { user, reason });
    if (dropped.size > DROPPED_REMEMBERED) dropped.delete(dropped.keys().next().value as string);
  };

  return {
    async open(user, endpoint) {
      const id = crypto.randomUUID();
      const transport = new WebSseServerTransport({
        sessionId: id,
        endpoint,
        keepAliveMs: deps.keepAliveMs,
        onTick: () => sessions.sweep(),
        limits: deps.queueLimits,
      });
      const server = createMcpServer({
        deps: call,
        user,
        transport: "sse",
        jsonSchemaValidator: validator,
      });
      server.onerror = (error) =>
        call.log.warn("sse session error", {
          session: id,
          email: user.email,
          error: error.message,
        });
      if (!sessions.add({ id, user, transport, close: () => server.close() })) {
        await transport.close();
        call.log.warn("sse session refused: store full", {
          max: sessions.maxSessions,
          email: user.email,
        });
        return full();
      }
      server.onclose = () => {
        sessions.remove(id);
        if (transport.droppedFor) remember(id, user, transport.droppedFor);
        call.log.info("sse session closed", { session: id, email: user.email });
      };
      try {
        await server.connect(transport);
      } catch (error) {
        sessions.remove(id);
        await transport.close();
        throw error;
      }
      call.log.info("sse session opened", {
        session: id,
        endpoint,
        user_id: user.id,
        email: user.email,
        role_raw: user.role.raw,
        role: user.role.role,
      });
      return transport.response();
    },

    async post(request, sessionId, user) {
      const found = sessions.lookup(sessionId, user);
      if (!found.ok) {
        call.log.warn("sse message refused", {
          session: sessionId,
          status: found.status,
          email: user.email,
          role_raw: user.role.raw,
        });
        // A session dropped because its client stopped reading says so to its own opener, not just "unknown".
        const why = dropped.get(sessionId);
        if (found.status === 404 && why && sameIdentity(why.user, user)) {
          return httpErrorResponse(404, "session_dropped", why.reason);
        }
        return httpErrorResponse(
          found.status,
          found.status === 403 ? "session_identity_mismatch" : "unknown_session",
          found.message,
        );
      }
      const body = await readJsonBody(request, deps.maxBodyBytes);
      if (!body.ok) return jsonRpcErrorResponse(body.status, -32700, body.message);
      // The same per-user budget as REST and Streamable HTTP: a refused call never reaches the session.
      const limited = isToolCall(body.value) ? deps.rateGate?.(user, { id: body.value.id }) : null;
      if (limited) return limited.getResponse();
      // A client that does not read its stream gets no more work: its answers would only pile up.
      const backlog = found.entry.transport.backlog;
      if (backlog) {
        call.log.warn("sse message refused: client not reading", {
          session: sessionId,
          email: user.email,
        });
        const id = (body.value as { id?: unknown } | null)?.id ?? null;
        return jsonRpcErrorResponse(503, -32000, backlog, id, { "retry-after": "5" });
      }
      // Pings are the client's keep-alive: only real messages hold a session open.
      if ((body.value as { method?: unknown } | null)?.method !== "ping") sessions.touch(sessionId);
      try {
        found.entry.transport.handleMessage(body.value, { request });
      } catch (error) {
        return jsonRpcErrorResponse(400, -32600, (error as Error).message);
      }
      return new Response("Accepted", { status: 202 });
    },
  };
}

/** Keep-alive and idle-sweep interval: every 15 s, or twice per idle period when that is shorter. */
export function keepAliveMsFor(idleSeconds: number): number {
  return Math.min(15_000, Math.max(250, (idleSeconds * 1000) / 2));
}

/** The per-session queue limits configured. */
export function sseQueueLimitsFromConfig(
  config: Pick<Config, "sseMaxQueuedBytes" | "sseMaxQueuedMessages">,
): SseOutboxLimits {
  return { maxBytes: config.sseMaxQueuedBytes, maxMessages: config.sseMaxQueuedMessages };
}

/** An empty session store with the configured bound and idle limit. */
export function sseStoreFromConfig(
  config: Pick<Config, "sseMaxSessions" | "sseMaxSessionsPerUser" | "sseIdleSeconds">,
): SseSessionStore<SseSession> {
  return createSseSessionStore<SseSession>({
    maxSessions: config.sseMaxSessions,
    maxPerUser: config.sseMaxSessionsPerUser,
    idleMs: config.sseIdleSeconds * 1000,
  });
}
