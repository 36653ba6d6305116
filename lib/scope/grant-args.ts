import { z } from "zod";
import type { Executor } from "../db/db.ts";
import { ToolError } from "../call/tool-error.ts";
import type { Grant, Principal } from "./grants.ts";

const name = z.string().trim().min(1).max(100);

/** Arguments of grant_access and revoke_access: who (a user or a role) and which blocks and wells. */
export const grantArgsShape = {
  user_id: z.string().trim().min(1).max(200).optional().describe(
    "用户 ID（X-User-ID） / the user's X-User-ID",
  ),
  role: z.enum(["USER", "ENGINEER"]).optional().describe("或整个角色 / or every user of a role"),
  blocks: z.array(name).min(1).max(100).optional().describe('区块，如 ["石南"] / blocks'),
  wells: z.array(name).min(1).max(500).optional().describe("井号 / single wells"),
};

/** The principal named by `user_id` or `role` (exactly one); an `invalid` ToolError otherwise. */
export function principalOf(args: { user_id?: string; role?: string }): Principal {
  if (args.user_id !== undefined && args.role !== undefined) {
    throw new ToolError(
      "invalid",
      `请只给出 user_id 或 role 之一（收到 user_id "${args.user_id}" 和 role "${args.role}"）/ give either user_id or role, not both`,
    );
  }
  if (args.user_id !== undefined) return { kind: "user", id: args.user_id };
  if (args.role !== undefined) return { kind: "role", id: args.role };
  throw new ToolError(
    "invalid",
    "请给出 user_id（X-User-ID）或 role（USER、ENGINEER）/ give user_id (the X-User-ID) or role (USER, ENGINEER)",
  );
}

/** `用户 wang@x (id-1)` / `角色 role USER`, for answers. */
export function describePrincipal(p: Principal, email?: string | null): string {
  return p.kind === "role" ? `角色 role ${p.id}` : `用户 user ${email ? `${email} ` : ""}(${p.id})`;
}

/** The email last recorded for user `id` in any grant (shown beside the id), or null. */
export async function knownEmail(db: Executor, p: Principal): Promise<string | null> {
  if (p.kind !== "user") return null;
  const rs = await db.execute(
    "SELECT email FROM access_grants WHERE principal_kind = 'user' AND principal = ? AND email IS NOT NULL ORDER BY id DESC LIMIT 1",
    [p.id],
  );
  return rs.rows[0] ? String(rs.rows[0].email) : null;
}

/** Output schema of one grant. */
export const grantSchema = z.object({
  principal_kind: z.enum(["user", "role"]),
  principal: z.string().describe("用户 ID 或角色 user id or role"),
  email: z.string().nullable().describe("用户邮箱 the user's email, when known"),
  grant_kind: z.enum(["block", "well"]).describe("区块或单井 block or single well"),
  value: z.string().describe("区块名或井号 block name or well id"),
  granted_by: z.string(),
  granted_at: z.string(),
});

/** A grant as shown (without the row id). */
export function shownGrant(g: Grant): z.infer<typeof grantSchema> {
  const { id: _id, ...rest } = g;
  return rest;
}

/** `区块 block 石南, 莫北；单井 wells W005` for answers. */
export function describeGrants(blocks: readonly string[], wells: readonly string[]): string {
  const parts = [];
  if (blocks.length) parts.push(`区块 blocks ${blocks.join(", ")}`);
  if (wells.length) parts.push(`单井 wells ${wells.join(", ")}`);
  return parts.join("；") || "（无授权 nothing granted）";
}
