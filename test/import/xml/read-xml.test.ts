import { test } from "node:test";
import assert from "node:assert/strict";
import { child, childText, parseXml, XmlError } from "../../../lib/import/xml/read-xml.ts";

const NS = "http://www.witsml.org/schemas/1series";

function refused(
  source: string,
  element: RegExp,
  message: RegExp,
  limits?: Parameters<typeof parseXml>[1],
) {
  assert.throws(() => parseXml(source, limits), (e: unknown) => {
    assert.ok(e instanceof XmlError, String(e));
    assert.match(e.element, element);
    assert.match(e.message, message);
    return true;
  });
}

test("elements, namespaces, attributes, the five entities, numeric references and CDATA are read", () => {
  const root = parseXml(
    `<?xml version="1.0" encoding="ISO-8859-1"?>\n<!-- c --><w:a xmlns:w="${NS}" v='1.4'>` +
      `<w:b uom="m">226</w:b><w:c>17&#189;&quot; &amp; &lt;x&gt; &apos;&#x41;</w:c><w:d><![CDATA[<raw & text>]]></w:d><w:e/></w:a>\n`,
  );
  assert.deepEqual([root.name, root.ns, root.qname, root.attrs.v], ["a", NS, "w:a", "1.4"]);
  assert.equal(child(root, "b")!.attrs.uom, "m");
  assert.equal(childText(root, "b"), "226");
  assert.equal(childText(root, "c"), "17½\" & <x> 'A");
  assert.equal(childText(root, "d"), "<raw & text>");
  assert.equal(child(root, "e")!.children.length, 0);
  assert.equal(child(root, "b")!.line, 2);
  // A quoted ">" inside an attribute does not end the tag.
  assert.equal(parseXml(`<a t="x>y"/>`).attrs.t, "x>y");
});

test("a DOCTYPE (entity bomb), an unknown entity, and a foreign control character are refused", () => {
  const bomb =
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`;
  refused(bomb, /\(document\)/, /DOCTYPE/);
  refused(`<a>&lol;</a>`, /<a>/, /unsupported entity "&lol;"/);
  refused(`<a>&#0;</a>`, /<a>/, /unsupported entity/);
  refused(`<a>x\u0001</a>`, /<a>/, /control character/);
});

test("truncated, mismatched and stray markup is refused naming the element and the line", () => {
  refused(`<a>\n<b>1</b>\n<c>2`, /<c>/, /not closed \(truncated file\?\)/);
  refused(`<a><b>1</c></a>`, /<b>/, /does not match <b>/);
  refused(`<a><b`, /<a>/, /start tag not closed/);
  refused(
    `<a><!-- c`,
    /<a>/,
    /^注释未结束（文件被截断？） \/ comment not closed \(truncated file\?\)$/,
  );
  refused(`<a><![CDATA[x`, /<a>/, /^CDATA 未结束（文件被截断？） \/ CDATA section not closed/);
  refused(
    `<a><?pi x`,
    /<a>/,
    /^处理指令未结束（文件被截断？） \/ processing instruction not closed/,
  );
  refused(`<a></a`, /<a>/, /^结束标签未结束（文件被截断？） \/ end tag not closed/);
  refused(`<a/><b/>`, /<b>/, /after the root element/);
  refused(`<w:a>1</w:a>`, /<w:a>/, /undeclared namespace prefix "w"/);
  refused(``, /\(document\)/, /no root element/);
  refused(`<a x="1" x="2"/>`, /<a>/, /attribute x repeated/);
  assert.throws(
    () => parseXml(`<a>\n\n<b>`),
    (e: unknown) => e instanceof XmlError && e.line === 3,
  );
});

test("depth, element count, attribute count and size are bounded", () => {
  refused("<a>".repeat(40) + "</a>".repeat(40), /<a>/, /deeper than 32/);
  refused(`<r>${"<i/>".repeat(101)}</r>`, /<i>/, /more than 100 elements/, {
    maxChars: 1e6,
    maxDepth: 32,
    maxElements: 100,
    maxAttributes: 64,
  });
  refused(
    `<r ${Array.from({ length: 70 }, (_, i) => `a${i}="1"`).join(" ")}/>`,
    /<r>/,
    /more than 64 attributes/,
  );
  refused(`<r>${"x".repeat(2000)}</r>`, /\(document\)/, /document too large/, {
    maxChars: 1000,
    maxDepth: 32,
    maxElements: 100,
    maxAttributes: 64,
  });
});
