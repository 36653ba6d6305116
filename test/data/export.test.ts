import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import type { IncomingMessage } from "node:http";
import { openDatabase } from "../../lib/db/db.ts";
import type { Db, ExportChunk, ExportChunkRequest } from "../../lib/db/db.ts";
import { EXPORT_CHUNK_ROWS, exportCsv, exportCsvBytes } from "../../lib/data/export.ts";
import { migrate } from "../../lib/db/migrations/index.ts";
import { identity, restCall, startTestServer } from "../helpers/server.ts";
import type { TestServer } from "../helpers/server.ts";
import { tempDbLocation } from "../helpers/temp-db.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), at += p.length);
  return out;
};

async function bytesOf(chunks: AsyncGenerator<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return concat(parts);
}

async function oldBytes(db: Db, name: string, maxRows = Infinity): Promise<Uint8Array> {
  let text = "";
  for await (const c of exportCsv(db, name, maxRows)) text += c;
  return new TextEncoder().encode(text);
}

// Cells that take every branch of the CSV writer: formulas, quotes, commas, line breaks, white
// space at either end (U+3000 too), plain numbers as text, reals whose text is long or exponential.
const TEXTS = [
  "钻进",
  '=HYPERLINK("http://evil.example","x")',
  "+1",
  "-5",
  "@SUM(A1)",
  "\t制表",
  "\r回车",
  'a "quoted" word',
  "a,b",
  "line\nbreak",
  " 前空格",
  "后空格 ",
  "\u3000全角空格",
  "全角空格\u3000",
  "",
  "1e5",
  "-0.5",
  "😀 emoji",
  "'already",
  "x\u00a0",
];
const REALS = [0.1 + 0.2, 1e21, 1e-7, 1500, -0, 123456789.125, 2.5e-5, -3.75, 7, null];

test("the threaded export writes byte for byte what the row-object export wrote, for every table, across page edges", async () => {
  const tmp = await tempDbLocation();
  const { location } = tmp;
  const db = await openDatabase(location, { readers: 2 });
  try {
    await migrate(db);
    for (let i = 0; i < 60; i++) {
      const text = TEXTS[i % TEXTS.length];
      const real = REALS[i % REALS.length];
      await db.execute(
        "INSERT INTO wells (well_id, name, remarks, design_depth_m, is_key_well) VALUES (?, ?, ?, ?, ?)",
        [
          `${TEXTS[(i * 7) % TEXTS.length]}井${i}`,
          text,
          TEXTS[(i + 3) % TEXTS.length],
          real,
          i % 2,
        ],
      );
      await db.execute(
        "INSERT INTO drilling_daily (well_id, report_date, depth_m, main_work, formation, rop_m_h, npt_h) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
          `井${i % 4}`,
          `2024-01-${String(1 + (i % 28)).padStart(2, "0")}T${i}`,
          real,
          text,
          TEXTS[(i + 5) % TEXTS.length],
          REALS[(i + 1) % REALS.length],
          i / 3,
        ],
      );
    }
    await db.execute("UPDATE drilling_daily SET deleted_at = '2024-02-01' WHERE id % 9 = 0");
    await db.execute("UPDATE wells SET deleted_at = '2024-02-01' WHERE rowid % 11 = 0");
    const plain = await openDatabase(location, { readers: 0 });
    try {
      assert.equal(
        typeof db.exportChunk,
        "function",
        "a file's database makes export pages in its threads",
      );
      assert.equal(plain.exportChunk, undefined);
      for (const name of ["drilling_daily", "wells", "drilling_activities"]) {
        const before = await oldBytes(plain, name);
        for (const pageSize of [7, 60, EXPORT_CHUNK_ROWS]) {
          assert.deepEqual(
            await bytesOf(exportCsvBytes(db, name, Infinity, pageSize)),
            before,
            `${name}, pages of ${pageSize}`,
          );
        }
        assert.deepEqual(
          await bytesOf(exportCsvBytes(db, name, 10, 4)),
          await oldBytes(plain, name, 10),
          `${name}, 10 rows`,
        );
        assert.deepEqual(
          await bytesOf(exportCsvBytes(plain, name)),
          before,
          `${name}, without threads`,
        );
      }
      const text = new TextDecoder().decode(
        await bytesOf(exportCsvBytes(db, "drilling_daily", Infinity, 7)),
      );
      assert.ok(
        text.includes(`"'=HYPERLINK(""http://evil.example"",""x"")"`),
        "a formula is still escaped",
      );
      assert.ok(
        text.includes(",0.30000000000000004,") && text.includes(",1e+21,") &&
          text.includes(",1e-7,"),
        "numbers as JavaScript writes them",
      );
    } finally {
      plain.close();
    }
  } finally {
    db.close();
    await tmp.remove();
  }
});

/** A database whose export pages are counted (asked, and not yet answered). */
function counting(db: Db) {
  const seen = { asked: 0, open: 0 };
  const counted: Db = {
    ...db,
    async exportChunk(chunk: ExportChunkRequest): Promise<ExportChunk> {
      seen.asked++;
      seen.open++;
      try {
        return await db.exportChunk!(chunk);
      } finally {
        seen.open--;
      }
    },
  };
  return { counted, seen };
}

// 24 pages of about 2 MB (300 Chinese characters a row): far more than socket buffers hold.
const ROWS = 24 * EXPORT_CHUNK_ROWS;
const fill = (db: Db) =>
  db.execute(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
     INSERT INTO drilling_daily (well_id, report_date, depth_m, main_work) SELECT 'W' || (i % 50), printf('2020-%06d', i), i * 1.5, i || replace(hex(zeroblob(150)), '0', '钻') FROM n`,
  );

/** Starts GET /export/drilling_daily.csv as ADMIN and answers the response, not reading its body. */
function startDownload(url: string): Promise<{ res: IncomingMessage; destroy: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/export/drilling_daily.csv`,
      { headers: identity("ADMIN") },
      (res) => {
        res.pause();
        resolve({ res, destroy: () => req.destroy() });
      },
    );
    req.on(
      "error",
      (
        error,
      ) => (error.message.includes("socket hang up") ||
          (error as { code?: string }).code === "ECONNRESET"
        ? undefined
        : reject(error)),
    );
    req.end();
  });
}

async function settled(seen: { asked: number; open: number }): Promise<number> {
  let last = -1;
  for (let i = 0; i < 100 && (seen.asked !== last || seen.open > 0); i++) {
    last = seen.asked;
    await sleep(200);
  }
  return seen.asked;
}

/** A server on a filled two-reader database whose export pages are counted; closed and removed after `use`. */
async function withExportServer(
  use: (db: Db, seen: { asked: number; open: number }, server: TestServer) => Promise<void>,
): Promise<void> {
  const tmp = await tempDbLocation();
  const { location } = tmp;
  const db = await openDatabase(location, { readers: 2 });
  await migrate(db);
  await fill(db);
  const { counted, seen } = counting(db);
  const server = await startTestServer({}, { db: counted });
  try {
    await use(db, seen, server);
  } finally {
    await server.close();
    db.close();
    await tmp.remove();
  }
}

test("a client that stops reading holds the export at a few pages; one that goes away ends it and frees the reader; others are answered meanwhile", async () => {
  await withExportServer(async (db, seen, server) => {
    const { res, destroy } = await startDownload(server.url);
    assert.equal(res.statusCode, 200);
    const held = await settled(seen);
    // The page being sent, the one the stream holds, the one asked ahead, and what the socket buffers took.
    assert.ok(
      held >= 2 && held <= 12,
      `a client not reading holds ${held} of ${ROWS / EXPORT_CHUNK_ROWS} pages`,
    );
    assert.equal(seen.open, 0, "no page is being made for a client that does not read");
    const lookup = await restCall(server.url, identity("USER"), "query_drilling_data", {
      well_id: "W7",
      limit: 5,
    });
    assert.equal(lookup.status, 200, JSON.stringify(lookup.body));
    assert.equal(lookup.body.result.records.length, 5);
    destroy();
    const after = await settled(seen);
    assert.ok(after <= held + 2, `after the client left, ${after - held} more pages were made`);
    assert.equal(seen.open, 0);
    // The readers are free: a read answers, and a whole export after it is complete.
    assert.equal(
      Number((await db.execute("SELECT count(*) AS n FROM drilling_daily")).rows[0].n),
      ROWS,
    );
  });
});

test("another user's lookup answers while an export streams at full speed, and the export is complete", async () => {
  await withExportServer(async (_db, seen, server) => {
    const { res } = await startDownload(server.url);
    let lines = 0;
    const done = new Promise<void>((resolve, reject) => {
      res.on("data", (chunk: Uint8Array) => {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      });
      res.on("end", resolve);
      res.on("error", reject);
    });
    res.resume();
    let answered = 0;
    let duringExport = 0;
    while (seen.asked < ROWS / EXPORT_CHUNK_ROWS) {
      const lookup = await restCall(server.url, identity("USER"), "query_drilling_data", {
        well_id: `W${answered % 50}`,
        limit: 5,
      });
      assert.equal(lookup.status, 200, JSON.stringify(lookup.body));
      assert.equal(lookup.body.result.records.length, 5);
      answered++;
      if (seen.asked < ROWS / EXPORT_CHUNK_ROWS) duringExport++;
    }
    await done;
    assert.ok(
      duringExport >= 1,
      "at least one lookup was answered before the export's last page was asked for",
    );
    assert.equal(lines, ROWS + 1, "the header and every row");
  });
});
