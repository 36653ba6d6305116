import { z } from "zod";
import { actorOf, recordHistory } from "../data/history.ts";
import { resolveWells } from "../data/resolve-wells.ts";
import { grantsAnswer } from "../answers/grant-answer.ts";
import { grantArgsShape, grantSchema, knownEmail, principalOf } from "../scope/grant-args.ts";
import { listGrants, toGrant } from "../scope/grants.ts";
import { ToolError } from "../call/tool-error.ts";
import { defineTool } from "../call/define-tool.ts";

/** `grant_access` (ADMIN): lets a user or a role see more blocks and wells, from their next call on. */
export const grantAccess = defineTool({
  name: "grant_access",
  title: "授予数据范围 Grant access to blocks and wells",
  description:
    "授权某用户或某角色查看区块和单井（对 SCOPED_ROLES 中的角色生效，下一次调用起生效，记入历史）。 / Let a user or a role " +
    "see blocks and single wells (for roles in SCOPED_ROLES, from the next call; recorded).",
  input: z.strictObject({
    ...grantArgsShape,
    email: z.string().trim().min(3).max(200).optional().describe(
      "用户邮箱，仅显示用 / shown beside the id",
    ),
  }),
  output: z.object({
    principal: z.string().describe("被授权者 who was granted"),
    added: z.array(z.object({ grant_kind: z.enum(["block", "well"]), value: z.string() })),
    already_granted: z.array(z.string()).describe("已有的授权 grants that already existed"),
    notes: z.array(z.string()).describe("提醒 warnings, e.g. a block with no wells yet"),
    grants: z.array(grantSchema).describe(
      "该用户或角色现在的全部授权 every grant the user or role now has",
    ),
    message: z.string(),
  }),
  group: "admin",
  toolset: "admin",
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  async run(args, { db, user }) {
    const p = principalOf(args);
    if (p.kind === "role" && args.email) {
      throw new ToolError(
        "invalid",
        `email "${args.email}" 只用于用户授权 / email goes with user_id, not role`,
      );
    }
    if (!args.blocks && !args.wells) {
      throw new ToolError(
        "invalid",
        "请给出 blocks 或 wells / give blocks or wells (or both) to grant",
      );
    }
    const notes: string[] = [];
    const wells: string[] = [];
    for (const r of args.wells ? await resolveWells(db, args.wells) : []) {
      if (r.match === "ambiguous") throw new ToolError("invalid", r.note);
      if (r.well_id === null) {
        notes.push(
          `井号 "${r.input}" 尚无任何数据，按原样授权 / well "${r.input}" has no data yet; granted as typed`,
        );
      }
      wells.push(r.well_id ?? r.input);
    }
    const blocks = [...new Set(args.blocks ?? [])];
    const known = new Set((await db.execute(
      `SELECT DISTINCT block FROM wells WHERE block IN (${
        blocks.map(() => "?").join(", ") || "NULL"
      })`,
      blocks,
    )).rows.map((r) => String(r.block)));
    for (const b of blocks.filter((b) => !known.has(b))) {
      notes.push(`区块 "${b}" 目前没有井 / block "${b}" has no wells in the master yet`);
    }
    const email = args.email ?? (await knownEmail(db, p));
    const actor = actorOf(user);
    const added: { grant_kind: "block" | "well"; value: string }[] = [];
    const already: string[] = [];
    await db.transaction(async (tx) => {
      for (const [kind, values] of [["block", blocks], ["well", [...new Set(wells)]]] as const) {
        for (const value of values) {
          const rs = await tx.execute(
            `INSERT INTO access_grants (principal_kind, principal, email, grant_kind, value, granted_by) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT DO NOTHING RETURNING *`,
            [p.kind, p.id, email, kind, value, actor],
          );
          if (!rs.rows[0]) already.push(`${kind} ${value}`);
          else {
            added.push({ grant_kind: kind, value });
            await recordHistory(tx, {
              table: "access_grants",
              recordId: toGrant(rs.rows[0]).id,
              action: "insert",
              before: null,
              after: rs.rows[0],
              by: actor,
            });
          }
        }
      }
    });
    const { principal: who, grants, now } = grantsAnswer(p, email, await listGrants(db, p));
    const message =
      `已授权${who}：新增 ${added.length} 项，现可见 ${now}；下一次调用即生效。 / Granted ${who}: ${added.length} added; now sees ${now}, from the next call on.`;
    return {
      structured: {
        principal: who,
        added,
        already_granted: already,
        notes,
        grants,
        message,
      },
      text: [message, ...notes].join("\n"),
    };
  },
});
