// deno-lint-ignore-file no-window no-window-prefix -- browser code: it runs in the chart's iframe, where `window` is the page
// The view side of the MCP Apps wire protocol (spec 2026-01-26), as the ext-apps App class speaks
// it: JSON-RPC 2.0 over postMessage with window.parent. Written by hand because bundling the
// ext-apps App class (with its MCP client and zod) makes the view ~660 KB; the test drives this
// against the real ext-apps AppBridge to prove the two interoperate.

/** What the view learns from the host. */
export type BridgeHandlers = {
  /** The tool result (a CallToolResult) the host hands over after the tool ran. */
  onToolResult: (result: Record<string, unknown>) => void;
  /** The host's theme, from ui/initialize and later host-context changes. */
  onTheme: (theme: "light" | "dark") => void;
  /** The host cancelled the tool call or refused the handshake; text is bilingual. */
  onStop: (text: string) => void;
};

type Message = {
  jsonrpc?: string;
  id?: number | string;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: unknown;
};

const PROTOCOL_VERSION = "2026-01-26";

/** Connects to the host: sends ui/initialize, then ui/notifications/initialized, then reports size. */
export function connectToHost(handlers: BridgeHandlers): () => void {
  const host = window.parent;
  const send = (message: Message) => host.postMessage({ jsonrpc: "2.0", ...message }, "*");
  const initId = 1;
  let sizeObserver: ResizeObserver | undefined;
  let lastHeight = -1;

  const applyContext = (context: unknown) => {
    const theme = (context as { theme?: unknown } | undefined)?.theme;
    if (theme === "light" || theme === "dark") handlers.onTheme(theme);
  };
  const sendSize = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    send({ method: "ui/notifications/size-changed", params: { height } });
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== host) return;
    const msg = event.data as Message;
    if (!msg || msg.jsonrpc !== "2.0") return;
    if (msg.id === initId && msg.method === undefined) {
      if (msg.error) {
        return handlers.onStop(
          `宿主拒绝初始化 / the host refused ui/initialize: ${JSON.stringify(msg.error)}`,
        );
      }
      applyContext(msg.result?.hostContext);
      send({ method: "ui/notifications/initialized" });
      sizeObserver = new ResizeObserver(sendSize);
      sizeObserver.observe(document.body);
      sendSize();
      return;
    }
    switch (msg.method) {
      case "ui/notifications/tool-result":
        handlers.onToolResult(msg.params ?? {});
        return;
      case "ui/notifications/host-context-changed":
        applyContext(msg.params);
        return;
      case "ui/notifications/tool-cancelled":
        handlers.onStop("已取消 / cancelled");
        return;
      case "ping":
      case "ui/resource-teardown":
        send({ id: msg.id, result: {} });
        return;
      default:
        // Requests we do not handle get an error reply so the host does not wait; notifications are ignored.
        if (msg.id !== undefined && msg.method !== undefined) {
          send({ id: msg.id, error: { code: -32601, message: `Method not found: ${msg.method}` } });
        }
    }
  };
  window.addEventListener("message", onMessage);
  send({
    id: initId,
    method: "ui/initialize",
    params: {
      appInfo: { name: "oilfield-charts", version: "1.0.0" },
      appCapabilities: { availableDisplayModes: ["inline"] },
      protocolVersion: PROTOCOL_VERSION,
    },
  });
  return () => {
    window.removeEventListener("message", onMessage);
    sizeObserver?.disconnect();
  };
}
