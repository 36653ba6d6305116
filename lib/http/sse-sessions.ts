import type { User } from "../identity.ts";

/** One open legacy-SSE session as the store sees it. */
export interface SseSessionEntry {
  readonly id: string;
  /** The caller who opened the session; every later POST must be the same caller. */
  readonly user: User;
  /** Ends the session (closes the stream and its MCP server). */
  close(): Promise<void>;
}

/** Why a POST was not delivered to its session. */
export type SessionLookup<E extends SseSessionEntry = SseSessionEntry> =
  | { readonly ok: true; readonly entry: E }
  | { readonly ok: false; readonly status: 404 | 403; readonly message: string };

/** Open SSE sessions: bounded in number, closed when idle, pinned to their opener. */
export interface SseSessionStore<E extends SseSessionEntry = SseSessionEntry> {
  readonly size: number;
  readonly maxSessions: number;
  /** Adds a session; false (nothing added) when the store is full even after closing idle ones. */
  add(entry: E): boolean;
  /** The session for a POST by `user`; refreshes its idle clock only when `user` is its opener. */
  lookup(id: string, user: User): SessionLookup<E>;
  /** Forgets a session (called when it closes). */
  remove(id: string): void;
  /** Closes every session idle longer than the limit; returns how many. */
  sweep(): number;
  /** Closes every session (shutdown). */
  closeAll(): Promise<void>;
}

/** Options of {@link createSseSessionStore}. */
export interface SseSessionStoreOptions {
  readonly maxSessions: number;
  readonly idleMs: number;
  readonly now?: () => number;
}

/** Whether two callers are the same identity (the decoded id, email, name and raw role). */
export function sameIdentity(a: User, b: User): boolean {
  return a.id === b.id && a.email === b.email && a.name === b.name && a.role.raw === b.role.raw;
}

/** Creates an empty session store. */
export function createSseSessionStore<E extends SseSessionEntry = SseSessionEntry>(options: SseSessionStoreOptions): SseSessionStore<E> {
  const now = options.now ?? Date.now;
  const sessions = new Map<string, { entry: E; lastActive: number }>();

  const sweep = (): number => {
    const cutoff = now() - options.idleMs;
    let closed = 0;
    for (const [id, s] of sessions) {
      if (s.lastActive > cutoff) continue;
      sessions.delete(id);
      closed++;
      void s.entry.close().catch(() => {});
    }
    return closed;
  };

  return {
    get size() {
      return sessions.size;
    },
    maxSessions: options.maxSessions,
    add(entry) {
      if (sessions.size >= options.maxSessions) sweep();
      if (sessions.size >= options.maxSessions) return false;
      sessions.set(entry.id, { entry, lastActive: now() });
      return true;
    },
    lookup(id, user) {
      const s = sessions.get(id);
      if (!s || s.lastActive <= now() - options.idleMs) {
        if (s) sweep();
        return {
          ok: false,
          status: 404,
          message: `SSE 会话 "${id}" 不存在或已过期，请重新连接 / SSE session "${id}" is unknown or has expired: open a new one with GET`,
        };
      }
      if (!sameIdentity(s.entry.user, user)) {
        return {
          ok: false,
          status: 403,
          message: `SSE 会话 "${id}" 属于另一个用户，请求被拒绝 / SSE session "${id}" belongs to another user: ` +
            "the identity headers of every POST must match those of the GET that opened the session",
        };
      }
      s.lastActive = now();
      return { ok: true, entry: s.entry };
    },
    remove(id) {
      sessions.delete(id);
    },
    sweep,
    async closeAll() {
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.all(all.map((s) => s.entry.close().catch(() => {})));
    },
  };
}
