import { test } from "node:test";
import assert from "node:assert/strict";
import { CONFIG_ENV_SCHEMA } from "../../lib/config/config.ts";
import { envVariables } from "../../lib/config/help.ts";
import { helpText, runCli } from "../../lib/server/cli.ts";
import { startTestServer } from "../helpers/server.ts";

test("every variable lib/config/config.ts reads has a --help line", () => {
  const missing = envVariables(CONFIG_ENV_SCHEMA).filter((v) => !v.description).map((v) => v.name);
  assert.deepEqual(
    missing,
    [],
    `add these to ENV_DESCRIPTIONS in lib/config/help.ts: ${missing.join(", ")}`,
  );
});

test("--help lists each variable with the schema's default", () => {
  const text = helpText("oilfield-mcp", "9.9.9");
  for (const name of Object.keys(CONFIG_ENV_SCHEMA.shape)) {
    assert.match(text, new RegExp(`^  ${name} `, "m"));
  }
  assert.match(text, /^ {2}PORT +监听端口 listen port \[默认 default: 8080\]$/m);
  assert.match(text, /^ {2}DATABASE_URL .*\[默认 default: file:\.\/data\/oilfield\.db\]$/m);
  assert.match(
    text,
    /^ {2}DATABASE_AUTH_TOKEN +远程数据库令牌 token for a remote libSQL database$/m,
    "no default shown when there is none",
  );
});

test("options: --version, --help, unknown ones refused, none means serve", async () => {
  assert.deepEqual(await runCli([], {}, "p", "1.2.3"), { exit: null, out: "" });
  assert.deepEqual(await runCli(["--version"], {}, "p", "1.2.3"), { exit: 0, out: "p 1.2.3" });
  assert.equal((await runCli(["--help"], {}, "p", "1.2.3")).exit, 0);
  const unknown = await runCli(["--port=1"], {}, "p", "1.2.3");
  assert.equal(unknown.exit, 2);
  assert.match(unknown.out, /unknown option "--port=1": use --help/);
});

test("--healthcheck is 0 against a healthy server on PORT and 1 once it is gone", async () => {
  const server = await startTestServer();
  const env = { PORT: String(server.port), HOST: "0.0.0.0" };
  const up = await runCli(["--healthcheck"], env, "p", "1");
  assert.equal(up.exit, 0, up.out);
  assert.match(up.out, /"status":"healthy"/);
  await server.close();
  const down = await runCli(["--healthcheck"], env, "p", "1");
  assert.equal(down.exit, 1);
  assert.match(down.out, /no answer/);
});
