import { discoverOAuthProtectedResourceMetadata } from "@modelcontextprotocol/sdk/client/auth.js";

/** What LibreChat concludes about a server whose entry has no `requiresOAuth`. */
export interface OAuthVerdict {
  readonly requiresOAuth: boolean;
  readonly why: string;
}

/**
 * LibreChat's OAuth detection for an entry without `requiresOAuth`, step by step as in
 * danny-avila/LibreChat packages/api/src/mcp/oauth/detectOAuth.ts and resourceHint.ts: probes
 * WITHOUT the entry's headers (HEAD, then POST `{}`), then RFC 9728 metadata discovery; OAuth
 * when the metadata names authorization servers, when a 401 carries a Bearer `WWW-Authenticate`
 * challenge, or (MCP_OAUTH_ON_AUTH_ERROR, default true) when the HEAD got 401 or 403.
 */
export async function libreChatDetectsOAuth(
  serverUrl: string,
  oauthOnAuthError = true,
): Promise<OAuthVerdict> {
  const probe = async (method: "HEAD" | "POST") => {
    const res = await fetch(
      serverUrl,
      method === "POST"
        ? { method, headers: { "Content-Type": "application/json" }, body: "{}" }
        : { method },
    );
    await res.body?.cancel();
    const www = res.headers.get("www-authenticate");
    return { status: res.status, bearer: res.status === 401 && !!www && /bearer/i.test(www) };
  };
  const head = await probe("HEAD");
  const post = await probe("POST");
  const metadata = await discoverOAuthProtectedResourceMetadata(serverUrl).catch(() => null);
  if (metadata?.authorization_servers?.length) {
    return { requiresOAuth: true, why: "protected resource metadata" };
  }
  if (head.bearer || post.bearer) {
    return { requiresOAuth: true, why: "401 with a Bearer challenge" };
  }
  if (oauthOnAuthError && (head.status === 401 || head.status === 403)) {
    return { requiresOAuth: true, why: `HEAD answered ${head.status}` };
  }
  return { requiresOAuth: false, why: `HEAD ${head.status}, POST ${post.status}, no metadata` };
}
