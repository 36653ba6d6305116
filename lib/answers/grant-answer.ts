import type { z } from "zod";
import { describeGrants, describePrincipal, shownGrant } from "../scope/grant-args.ts";
import type { grantSchema } from "../scope/grant-args.ts";
import type { Grant, Principal } from "../scope/grants.ts";

/** What grant_access and revoke_access say about the user or role whose grants they changed. */
export interface GrantsAnswer {
  /** Who, as describePrincipal names them. */
  readonly principal: string;
  /** Every grant they have now, as shown. */
  readonly grants: z.infer<typeof grantSchema>[];
  /** Those grants as one line of text, as describeGrants writes it. */
  readonly now: string;
}

/** The answer's view of `grants`, every grant `p` has after the change; `email` is shown beside a user's id. */
export function grantsAnswer(
  p: Principal,
  email: string | null | undefined,
  grants: readonly Grant[],
): GrantsAnswer {
  return {
    principal: describePrincipal(p, email),
    grants: grants.map(shownGrant),
    now: describeGrants(
      grants.filter((g) => g.grant_kind === "block").map((g) => g.value),
      grants.filter((g) => g.grant_kind === "well").map((g) => g.value),
    ),
  };
}
