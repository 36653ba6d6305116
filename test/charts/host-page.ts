// Browser code of a minimal MCP Apps host, built on the real ext-apps AppBridge: it loads the
// chart view in a sandboxed iframe, completes the handshake and hands over the tool result.
import { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";

type HostLog = {
  initialized: boolean;
  sizes: number[];
  setTheme?: (theme: "light" | "dark") => void;
};

async function host(): Promise<void> {
  const result = JSON.parse(document.getElementById("tool-result")?.textContent ?? "{}");
  const theme = document.documentElement.dataset.hostTheme === "light" ? "light" : "dark";
  const log: HostLog = { initialized: false, sizes: [] };
  Object.assign(window, { __host: log });

  const iframe = document.createElement("iframe");
  iframe.setAttribute("sandbox", "allow-scripts");
  iframe.style.cssText = "display:block;width:100%;height:150px;border:0";
  iframe.src = "/view";
  document.body.append(iframe);

  const bridge = new AppBridge(null, { name: "charts-test-host", version: "1.0.0" }, {}, {
    hostContext: { theme },
  });
  bridge.onsizechange = ({ height }) => {
    if (height === undefined) return;
    iframe.style.height = `${height}px`;
    log.sizes.push(height);
  };
  bridge.oninitialized = () => {
    log.initialized = true;
    bridge.sendToolInput({ arguments: {} });
    bridge.sendToolResult(result);
  };
  log.setTheme = (next) => bridge.setHostContext({ theme: next });
  await bridge.connect(
    new PostMessageTransport(iframe.contentWindow as Window, iframe.contentWindow as Window),
  );
}

host();
