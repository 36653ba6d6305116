// The page of a minimal MCP Apps host (host-page.ts bundled), holding the tool result it hands the view at /view.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** HTML of a host page that loads /view in a sandboxed iframe and hands it `toolResult` after the handshake. */
export async function hostPage(toolResult: unknown, theme: "light" | "dark"): Promise<string> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("./host-page.ts", import.meta.url))],
    bundle: true,
    format: "iife",
    write: false,
    logLevel: "silent",
  });
  const json = JSON.stringify(toolResult).replace(/</g, "\\u003c");
  return `<!doctype html><html data-host-theme="${theme}"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body style="margin:0"><script type="application/json" id="tool-result">${json}</script>
<script>${bundle.outputFiles[0].text}</script></body></html>`;
}
