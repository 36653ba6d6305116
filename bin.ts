// Entry of the single executable (npm run build:bin): options first, then the server as main.ts.
import process from "node:process";
import { runCli } from "./lib/server/cli.ts";
import { SERVER_VERSION } from "./lib/server/version.ts";

void runCli(process.argv.slice(2), process.env, "oilfield-mcp", SERVER_VERSION).then(
  async (result) => {
    if (result.exit === null) {
      await import("./main.ts");
      return;
    }
    (result.exit === 0 ? process.stdout : process.stderr).write(`${result.out}\n`);
    process.exit(result.exit);
  },
);
