import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { baseEnv, runTs, spawnServer } from "../helpers/spawn-server.ts";
import type { SpawnedServer } from "../helpers/spawn-server.ts";
import { identity, restCall } from "../helpers/server.ts";
import { overlapBomb, widthBomb } from "../helpers/xlsx-bombs.ts";

let server: SpawnedServer;
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "oilfield-bombs-"));
  const { command, args } = runTs("main.ts");
  server = await spawnServer(command, args, {
    env: baseEnv({
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${join(dir, "o.db")}`,
      LOG_FORMAT: "json",
    }),
  });
});
after(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const admin = identity("ADMIN");
async function rssMb(): Promise<number> {
  const status = await readFile(`/proc/${server.child.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}
const count = async () =>
  (await restCall(server.url, admin, "query_drilling_data", { limit: 1 })).body;

test("import_data refuses width and zip bombs with the limit named, writes nothing, keeps memory and keeps answering", async () => {
  const health = async () => (await fetch(`${server.url}/health`)).json();
  const before = await health();
  await count();
  const bombs: [string, Uint8Array, RegExp][] = [
    ["width", widthBomb(), /column XFD \(column 16384\), the limit is 256 columns/],
    ["overlap", overlapBomb(40, 3), /inflates beyond the limit of 67108864 bytes/],
  ];
  const round = async () => {
    for (const [kind, bytes, limit] of bombs) {
      const b64 = Buffer.from(bytes).toString("base64");
      assert.ok(
        b64.length < 64 * 1024,
        `${kind}: ${b64.length} base64 characters fit the argument limit`,
      );
      for (const dryRun of [true, false]) {
        const started = performance.now();
        const res = await restCall(server.url, admin, "import_data", {
          xlsx_base64: b64,
          file_name: `${kind}.xlsx`,
          dry_run: dryRun,
        });
        assert.equal(res.status, 400, `${kind}: ${JSON.stringify(res.body).slice(0, 300)}`);
        assert.match(res.body.message, limit);
        assert.match(res.body.message, /拆成几个较小的文件.*split the file into smaller files/);
        assert.ok(performance.now() - started < 5000, `${kind} refused quickly`);
      }
    }
  };
  // The first round loads the importer. After it, bombs must not add up: the guard inflates each
  // overlap bomb to the 64 MiB limit in 64 KiB chunks, and chunks not yet collected may leave the
  // allocator holding up to one bomb's worth (seen under Deno), but three more rounds that kept
  // their memory would add 12 × 64 MiB.
  await round();
  const rssBefore = await rssMb();
  for (let n = 0; n < 3; n++) await round();
  const rssAfter = await rssMb();
  assert.ok(
    rssAfter - rssBefore < 160,
    `RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB over three more rounds`,
  );
  assert.deepEqual(await health(), before, "nothing written, still healthy");
});
