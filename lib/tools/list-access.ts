import { z } from "zod";
import { describeGrants, grantSchema, shownGrant } from "../scope/grant-args.ts";
import { listGrants } from "../scope/grants.ts";
import { defineTool } from "../call/define-tool.ts";

/** `list_access`: what the caller may see; for ADMIN also every grant and which roles are scoped. */
export const listAccess = defineTool({
  name: "list_access",
  title: "我的数据范围 What I can see",
  description:
    "我能看哪些井（全部，或被授权的区块和单井）；管理员另见全部授权。 / Which wells I may see; ADMIN also sees every grant.",
  input: z.strictObject({}),
  output: z.object({
    role: z.string().nullable(),
    scope: z.enum(["all", "granted"]).describe(
      "all 全部井；granted 仅授权的区块和单井 only granted blocks and wells",
    ),
    blocks: z.array(z.string()).describe("可见区块 granted blocks"),
    wells: z.array(z.string()).describe("单独授权的井 wells granted one by one"),
    visible_wells_in_master: z.number().int().describe(
      "可见的基础信息井数 wells of the master you can see",
    ),
    scoped_roles: z.array(z.string()).optional().describe(
      "仅管理员：受范围限制的角色 ADMIN only: roles limited to their grants (SCOPED_ROLES)",
    ),
    grants: z.array(grantSchema).optional().describe("仅管理员：全部授权 ADMIN only: every grant"),
    message: z.string(),
  }),
  group: "scope",
  toolset: "read",
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(_args, { db, scope, scopedRoles, user, hasGroup }) {
    const visible = Number(
      (await db.execute("SELECT count(*) AS n FROM wells WHERE deleted_at IS NULL")).rows[0].n,
    );
    const blocks = scope.kind === "granted" ? [...scope.blocks] : [];
    const wells = scope.kind === "granted" ? [...scope.wells] : [];
    const mine = scope.kind === "all"
      ? `可查看全部井（基础信息 ${visible} 口）/ you see every well (${visible} in the master)`
      : `仅可查看 ${describeGrants(blocks, wells)}（基础信息中 ${visible} 口）/ you see only ${
        describeGrants(blocks, wells)
      } (${visible} wells of the master)` +
        (blocks.length + wells.length === 0
          ? "；请联系管理员授权 / ask an administrator for a grant"
          : "");
    const admin = hasGroup("admin");
    const grants = admin ? (await listGrants(db)).map(shownGrant) : undefined;
    const lines = [mine];
    if (admin) {
      lines.push(
        `受范围限制的角色 scoped roles (SCOPED_ROLES): ${
          scopedRoles.join(", ") || "无 none (everyone sees every well)"
        }`,
      );
      for (const g of grants ?? []) {
        lines.push(
          `- ${g.principal_kind} ${g.principal}${
            g.email ? ` ${g.email}` : ""
          }: ${g.grant_kind} ${g.value}`,
        );
      }
    }
    return {
      structured: {
        role: user.role.role,
        scope: scope.kind,
        blocks,
        wells,
        visible_wells_in_master: visible,
        ...(admin ? { scoped_roles: [...scopedRoles], grants } : {}),
        message: mine,
      },
      text: lines.join("\n"),
    };
  },
});
