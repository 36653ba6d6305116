import { test } from "node:test";
import assert from "node:assert/strict";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cachedFile, cachedFileOf, checksum, verifiedStamp } from "../../lib/native/cache.ts";

const bytes = new TextEncoder().encode("not really an addon, but bytes all the same");

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "oilfield-cache-"));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("written once under <base>/<sha256>/ in 0700 directories, then reused", () =>
  withDir((dir) => {
    const base = join(dir, "cache");
    const file = cachedFile(bytes, "libsql.node", [base]);
    assert.equal(file, join(base, checksum(bytes), "libsql.node"));
    assert.deepEqual(readFileSync(file), Buffer.from(bytes));
    assert.equal(statSync(base).mode & 0o777, 0o700);
    assert.equal(statSync(join(base, checksum(bytes))).mode & 0o777, 0o700);
    assert.equal(statSync(file).mode & 0o022, 0, "the file is writable by nobody else");
    const first = statSync(file);
    assert.equal(cachedFile(bytes, "libsql.node", [base]), file);
    assert.equal(statSync(file).ino, first.ino, "not rewritten");
  }));

test("a cached file whose checksum no longer matches is written again", () =>
  withDir((dir) => {
    const base = join(dir, "cache");
    const file = cachedFile(bytes, "libsql.node", [base]);
    chmodSync(file, 0o600);
    writeFileSync(file, "tampered");
    assert.equal(cachedFile(bytes, "libsql.node", [base]), file);
    assert.deepEqual(readFileSync(file), Buffer.from(bytes));
  }));

test("a base open to other users or a symlink is refused, naming it and what to do", () =>
  withDir((dir) => {
    const open = join(dir, "open");
    mkdirSync(open);
    chmodSync(open, 0o777);
    assert.throws(() => cachedFile(bytes, "libsql.node", [open]), (e: Error) => {
      assert.ok(
        e.message.includes(`cache directory "${open}" has mode 777, open to other users`),
        e.message,
      );
      assert.match(e.message, /remove it \(rm -rf/);
      return true;
    });
    const real = join(dir, "real");
    mkdirSync(real, { mode: 0o700 });
    const link = join(dir, "link");
    symlinkSync(real, link);
    assert.throws(() => cachedFile(bytes, "libsql.node", [link]), /is not a directory/);
  }));

test("an unwritable base falls through to the next one", () =>
  withDir((dir) => {
    const blocked = join(dir, "file-not-dir");
    writeFileSync(blocked, "");
    const file = cachedFile(bytes, "libsql.node", [join(blocked, "cache"), join(dir, "second")]);
    assert.ok(file.startsWith(join(dir, "second")), file);
    assert.throws(
      () => cachedFile(bytes, "x.node", [join(blocked, "cache")]),
      /cannot write the native driver "x\.node" to a cache directory/,
    );
  }));

test("a whole cached file is trusted by its size and verified stamp; one written by an older version is hashed once, then stamped", () =>
  withDir((dir) => {
    const base = join(dir, "cache");
    const file = cachedFile(bytes, "libsql.node", [base]);
    assert.equal(
      Math.trunc(statSync(file).mtimeMs / 1000),
      verifiedStamp(checksum(bytes)),
      "stamped when written",
    );
    // An older version's file: right bytes, any mtime.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const ino = statSync(file).ino;
    assert.equal(
      cachedFileOf(
        { name: "libsql.node", sha256: checksum(bytes), size: bytes.byteLength },
        () => assert.fail("the bytes were not needed"),
        [base],
      ),
      file,
    );
    assert.equal(statSync(file).ino, ino, "kept, not rewritten");
    assert.equal(
      Math.trunc(statSync(file).mtimeMs / 1000),
      verifiedStamp(checksum(bytes)),
      "stamped after its checksum matched",
    );
    // Bytes that do not match what the caller says they are: refused, nothing written.
    assert.throws(
      () =>
        cachedFileOf(
          { name: "other.node", sha256: checksum(bytes), size: bytes.byteLength },
          () => new Uint8Array(bytes.byteLength),
          [join(dir, "b2")],
        ),
      /the carried native driver "other\.node" is damaged/,
    );
  }));
