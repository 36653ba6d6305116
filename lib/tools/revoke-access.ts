import { z } from "zod";
import { actorOf, recordHistory } from "../data/history.ts";
import { resolveWells } from "../data/resolve-wells.ts";
import { grantsAnswer } from "../answers/grant-answer.ts";
import { grantArgsShape, grantSchema, knownEmail, principalOf } from "../scope/grant-args.ts";
import { listGrants } from "../scope/grants.ts";
import { defineTool, IDEMPOTENT_CHANGE } from "../call/define-tool.ts";

/** `revoke_access` (ADMIN): takes blocks and wells (or every grant) away from a user or a role, from their next call on. */
export const revokeAccess = defineTool({
  name: "revoke_access",
  title: "撤销数据范围 Revoke access to blocks and wells",
  description:
    "撤销某用户或某角色的区块、单井授权；不给 blocks 和 wells 则撤销其全部授权（下一次调用起生效，记入历史）。 / Take blocks and " +
    "wells away from a user or role; with neither, every grant of theirs (from the next call; recorded).",
  input: z.strictObject(grantArgsShape),
  output: z.object({
    principal: z.string(),
    removed: z.array(z.object({ grant_kind: z.enum(["block", "well"]), value: z.string() })),
    not_granted: z.array(z.string()).describe("本来就没有的授权 named grants that did not exist"),
    grants: z.array(grantSchema).describe("剩余授权 the grants left"),
    message: z.string(),
  }),
  group: "admin",
  toolset: "admin",
  annotations: IDEMPOTENT_CHANGE,
  async run(args, { db, user }) {
    const p = principalOf(args);
    const before = await listGrants(db, p);
    const all = !args.blocks && !args.wells;
    const wanted: { kind: "block" | "well"; label: string; value: string }[] = (args.blocks ?? [])
      .map((b) => ({ kind: "block", label: `block ${b}`, value: b }));
    // A grant is stored under the resolved id, or as typed when the well had no data yet.
    for (const r of args.wells ? await resolveWells(db, args.wells) : []) {
      const hit = before.find((g) =>
        g.grant_kind === "well" && (g.value === r.well_id || g.value === r.input)
      );
      wanted.push({
        kind: "well",
        label: `well ${r.input}`,
        value: hit?.value ?? r.well_id ?? r.input,
      });
    }
    const named = (g: { grant_kind: string; value: string }) =>
      wanted.some((w) => w.kind === g.grant_kind && w.value === g.value);
    const doomed = all ? before : before.filter(named);
    const notGranted = wanted.filter((w) =>
      !doomed.some((g) => g.grant_kind === w.kind && g.value === w.value)
    ).map((w) => w.label);
    const actor = actorOf(user);
    await db.transaction(async (tx) => {
      for (const g of doomed) {
        const rs = await tx.execute("DELETE FROM access_grants WHERE id = ? RETURNING *", [g.id]);
        if (rs.rows[0]) {
          await recordHistory(tx, {
            table: "access_grants",
            recordId: g.id,
            action: "delete",
            before: rs.rows[0],
            after: null,
            by: actor,
          });
        }
      }
    });
    const left = await listGrants(db, p);
    const email = await knownEmail(db, p) ?? before.find((g) => g.email)?.email;
    const { principal: who, grants, now } = grantsAnswer(p, email, left);
    const message =
      `已撤销${who}的 ${doomed.length} 项授权，现可见 ${now}；下一次调用即生效。 / Revoked ${doomed.length} grant(s) of ${who}; now sees ${now}, from the next call on.`;
    return {
      structured: {
        principal: who,
        removed: doomed.map((g) => ({ grant_kind: g.grant_kind, value: g.value })),
        not_granted: notGranted,
        grants,
        message,
      },
      text: [message, ...notGranted.map((n) => `未曾授权 not granted: ${n}`)].join("\n"),
    };
  },
});
