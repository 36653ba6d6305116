import type { User } from "../identity/identity.ts";
import { rateKey } from "../http/rate-limit.ts";

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

/** Open SSE sessions: bounded in number (overall and per identity), closed when idle, pinned to their opener. */
export interface SseSessionStore<E extends SseSessionEntry = SseSessionEntry> {
  readonly size: number;
  readonly maxSessions: number;
  /** Most sessions one identity (user id, else email) may hold; its oldest idle one is closed to make room. */
  readonly maxPerUser: number;
  /**
   * Adds a session; false (nothing added) when the store is full even after closing idle ones.
   * When the opener already holds {@link maxPerUser} sessions, the least recently active one is
   * closed first: one identity can never hold more than its share of the store.
   */
  add(entry: E): boolean;
  /** The session for a POST by `user` (403 when `user` is not its opener); does not refresh its idle clock. */
  lookup(id: string, user: User): SessionLookup<E>;
  /** Restarts the idle clock of a session: called for real client messages only, never for pings or keep-alives. */
  touch(id: string): void;
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
  /** Default: no per-identity cap beyond maxSessions. */
  readonly maxPerUser?: number;
  readonly idleMs: number;
  readonly now?: () => number;
}

/** Whether two callers are the same identity (the decoded id, email, name and raw role). */
export function sameIdentity(a: User, b: User): boolean {
  return a.id === b.id && a.email === b.email && a.name === b.name && a.role.raw === b.role.raw;
}

/** Creates an empty session store. */
export function createSseSessionStore<E extends SseSessionEntry = SseSessionEntry>(
  options: SseSessionStoreOptions,
): SseSessionStore<E> {
  const now = options.now ?? Date.now;
  const sessions = new Map<string, { entry: E; lastActive: number }>();
  const maxPerUser = options.maxPerUser ?? options.maxSessions;

  const close = (id: string) => {
    const s = sessions.get(id);
    if (!s) return;
    sessions.delete(id);
    void s.entry.close().catch(() => {});
  };

  const sweep = (): number => {
    const cutoff = now() - options.idleMs;
    let closed = 0;
    for (const [id, s] of sessions) {
      if (s.lastActive > cutoff) continue;
      close(id);
      closed++;
    }
    return closed;
  };

  return {
    get size() {
      return sessions.size;
    },
    maxSessions: options.maxSessions,
    maxPerUser,
    add(entry) {
      const key = rateKey(entry.user);
      const own = [...sessions.values()].filter((s) => rateKey(s.entry.user) === key);
      if (own.length >= maxPerUser) {
        own.sort((a, b) => a.lastActive - b.lastActive);
        for (const s of own.slice(0, own.length - maxPerUser + 1)) close(s.entry.id);
      }
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
          message:
            `SSE 会话 "${id}" 不存在或已过期，请重新连接 / SSE session "${id}" is unknown or has expired: open a new one with GET`,
        };
      }
      if (!sameIdentity(s.entry.user, user)) {
        return {
          ok: false,
          status: 403,
          message:
            `SSE 会话 "${id}" 属于另一个用户，请求被拒绝 / SSE session "${id}" belongs to another user: ` +
            "the identity headers of every POST must match those of the GET that opened the session",
        };
      }
      return { ok: true, entry: s.entry };
    },
    touch(id) {
      const s = sessions.get(id);
      if (s) s.lastActive = now();
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
