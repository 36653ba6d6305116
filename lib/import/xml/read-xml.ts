/** One XML element: namespace URI and local name resolved, attributes by their qualified name, text concatenated. */
export interface XmlElement {
  /** Local name without prefix, e.g. `activity`. */
  readonly name: string;
  /** The qualified name as written, e.g. `witsml:activity` (for messages). */
  readonly qname: string;
  /** Namespace URI, or "" for none. */
  readonly ns: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Character data directly inside this element (not its children's), entities decoded. */
  text: string;
  /** 1-based line of the start tag. */
  readonly line: number;
}

/** Bounds of one document; beyond any of them it is refused. */
export interface XmlLimits {
  /** Characters of the document (default 8 Mi). */
  readonly maxChars: number;
  /** Nesting depth (default 32). */
  readonly maxDepth: number;
  /** Elements in all (default 200,000). */
  readonly maxElements: number;
  /** Attributes of one element (default 64). */
  readonly maxAttributes: number;
}

/** Default bounds: far above a daily report (≈20 KB, ≈1,000 elements, depth 5). */
export const XML_LIMITS: XmlLimits = {
  maxChars: 8 * 1024 * 1024,
  maxDepth: 32,
  maxElements: 200_000,
  maxAttributes: 64,
};

/** The document cannot be read: `element` names where (`<witsml:activity>`, or `(document)`). */
export class XmlError extends Error {
  override name = "XmlError";
  readonly element: string;
  readonly line: number;
  constructor(message: string, element: string, line: number) {
    super(message);
    this.element = element;
    this.line = line;
  }
}

const PREDEFINED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};
const NAME = /^[A-Za-z_][A-Za-z0-9_.\-]*(:[A-Za-z_][A-Za-z0-9_.\-]*)?$/;
const XML_NS = "http://www.w3.org/XML/1998/namespace";

function validChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * Parses an XML document held in a string into a tree, in one pass (linear time) and within
 * `limits`. Only what a WITSML file needs: elements, attributes, namespaces, text, CDATA,
 * comments and processing instructions (skipped). A DOCTYPE is refused (so no DTD, no
 * entity expansion); only the five predefined entities and numeric character references are
 * decoded; anything malformed, truncated or beyond a bound is an XmlError naming the element.
 */
export function parseXml(source: string, limits: XmlLimits = XML_LIMITS): XmlElement {
  if (source.length > limits.maxChars) {
    throw new XmlError(
      `文档过大：${source.length} 字符，上限 ${limits.maxChars} / document too large: ${source.length} characters, the limit is ${limits.maxChars}`,
      "(document)",
      1,
    );
  }
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineAt = 0;
  let line = 1;
  // Lines are counted lazily and only forward, so the whole parse stays linear.
  const lineOf = (at: number): number => {
    for (; lineAt < at; lineAt++) if (source.charCodeAt(lineAt) === 10) line++;
    return line;
  };
  const ATTR = /\s*([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/y;
  const stack: { el: XmlElement; ns: Map<string, string> }[] = [];
  let root: XmlElement | null = null;
  let count = 0;
  const where = () => (stack.length ? `<${stack[stack.length - 1].el.qname}>` : "(document)");
  const fail = (zh: string, en: string, element = where(), at = pos): never => {
    throw new XmlError(`${zh} / ${en}`, element, lineOf(at));
  };
  const notClosed = (zh: string, en: string): never =>
    fail(`${zh}未结束（文件被截断？）`, `${en} not closed (truncated file?)`);
  // The index of `close` at or after `from`; a truncated construct fails naming it.
  const closing = (close: string, from: number, zh: string, en: string): number => {
    const end = source.indexOf(close, from);
    return end < 0 ? notClosed(zh, en) : end;
  };
  const decode = (raw: string, at: number): string => {
    if (raw.indexOf("&") < 0) return checkChars(raw, at);
    return checkChars(
      raw.replace(/&([^;&\s]{0,12});?/g, (match, ref: string) => {
        if (!match.endsWith(";")) {
          fail(
            `实体引用未以分号结束 "${match}"`,
            `entity reference not closed by ";" "${match}"`,
            where(),
            at,
          );
        }
        if (ref in PREDEFINED) return PREDEFINED[ref];
        const m = /^#(x[0-9A-Fa-f]{1,6}|[0-9]{1,7})$/.exec(ref);
        const cp = m ? (m[1][0] === "x" ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10)) : -1;
        if (cp < 0 || !validChar(cp)) {
          fail(
            `不支持的实体 "&${ref};"`,
            `unsupported entity "&${ref};" (only &amp; &lt; &gt; &quot; &apos; and &#…; are read)`,
            where(),
            at,
          );
        }
        return String.fromCodePoint(cp);
      }),
      at,
    );
  };
  const checkChars = (text: string, at: number): string => {
    // eslint-disable-next-line no-control-regex
    // deno-lint-ignore no-control-regex -- the control characters XML 1.0 forbids
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(text)) {
      fail("包含控制字符", "holds a control character", where(), at);
    }
    return text;
  };
  const resolve = (
    prefix: string,
    scope: Map<string, string>,
    qname: string,
    at: number,
  ): string => {
    if (prefix === "xml") return XML_NS;
    const uri = scope.get(prefix);
    if (uri === undefined) {
      if (prefix === "") return "";
      fail(
        `未声明的命名空间前缀 "${prefix}"`,
        `undeclared namespace prefix "${prefix}"`,
        `<${qname}>`,
        at,
      );
    }
    return uri!;
  };
  while (pos < source.length) {
    const lt = source.indexOf("<", pos);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > pos) {
      const raw = source.slice(pos, textEnd);
      if (stack.length) stack[stack.length - 1].el.text += decode(raw, pos);
      else if (raw.trim() !== "") {
        fail(
          "根元素之外有文字",
          "text outside the root element",
          root ? `<${root.qname}>` : "(document)",
        );
      }
    }
    if (lt < 0) break;
    pos = lt;
    if (source.startsWith("<!--", pos)) {
      pos = closing("-->", pos + 4, "注释", "comment") + 3;
    } else if (source.startsWith("<![CDATA[", pos)) {
      const end = closing("]]>", pos + 9, "CDATA ", "CDATA section");
      if (!stack.length) fail("根元素之外有 CDATA", "CDATA outside the root element");
      stack[stack.length - 1].el.text += checkChars(source.slice(pos + 9, end), pos);
      pos = end + 3;
    } else if (source.startsWith("<!", pos)) {
      fail(
        "不接受 DOCTYPE 或 DTD 声明",
        "a DOCTYPE or DTD declaration is not accepted (no entities beyond the predefined five)",
      );
    } else if (source.startsWith("<?", pos)) {
      pos = closing("?>", pos + 2, "处理指令", "processing instruction") + 2;
    } else if (source.startsWith("</", pos)) {
      const end = closing(">", pos + 2, "结束标签", "end tag");
      const qname = source.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (!open) {
        fail(
          `多余的结束标签 </${qname}>`,
          `end tag </${qname}> without a start tag`,
          `</${qname}>`,
        );
      }
      if (open!.el.qname !== qname) {
        fail(
          `结束标签 </${qname}> 与 <${open!.el.qname}> 不匹配`,
          `end tag </${qname}> does not match <${open!.el.qname}>`,
          `<${open!.el.qname}>`,
        );
      }
      pos = end + 1;
    } else {
      const end = tagEnd(source, pos + 1);
      if (end < 0) notClosed("开始标签", "start tag");
      const selfClosing = source.charCodeAt(end - 1) === 47;
      const inner = source.slice(pos + 1, selfClosing ? end - 1 : end);
      const nameEnd = inner.search(/[\s]|$/);
      const qname = inner.slice(0, nameEnd);
      if (!NAME.test(qname)) {
        fail(`元素名无效 "${qname.slice(0, 40)}"`, `invalid element name "${qname.slice(0, 40)}"`);
      }
      if (root && !stack.length) {
        fail(
          `根元素之后还有元素 <${qname}>`,
          `element <${qname}> after the root element`,
          `<${qname}>`,
        );
      }
      if (stack.length >= limits.maxDepth) {
        fail(
          `嵌套超过 ${limits.maxDepth} 层`,
          `nested deeper than ${limits.maxDepth} levels`,
          `<${qname}>`,
        );
      }
      if (++count > limits.maxElements) {
        fail(
          `元素超过 ${limits.maxElements} 个`,
          `more than ${limits.maxElements} elements`,
          `<${qname}>`,
        );
      }
      const attrs: Record<string, string> = {};
      const parentNs = stack.length ? stack[stack.length - 1].ns : new Map<string, string>();
      let ns = parentNs;
      let n = 0;
      ATTR.lastIndex = nameEnd;
      let after = nameEnd;
      let m: RegExpExecArray | null;
      while ((m = ATTR.exec(inner)) !== null) {
        after = ATTR.lastIndex;
        if (++n > limits.maxAttributes) {
          fail(
            `属性超过 ${limits.maxAttributes} 个`,
            `more than ${limits.maxAttributes} attributes`,
            `<${qname}>`,
          );
        }
        const [, key, , dq, sq] = m;
        const raw = dq ?? sq;
        if (raw.includes("<")) {
          fail(`属性 ${key} 含 "<"`, `attribute ${key} holds "<"`, `<${qname}>`);
        }
        if (key in attrs) fail(`属性 ${key} 重复`, `attribute ${key} repeated`, `<${qname}>`);
        const value = decode(raw, pos);
        attrs[key] = value;
        if (key === "xmlns" || key.startsWith("xmlns:")) {
          if (ns === parentNs) ns = new Map(parentNs);
          ns.set(key === "xmlns" ? "" : key.slice(6), value);
        }
      }
      if (inner.slice(after).trim() !== "") {
        fail(`标签 <${qname}> 的属性无效`, `malformed attributes in <${qname}>`, `<${qname}>`);
      }
      const colon = qname.indexOf(":");
      const prefix = colon < 0 ? "" : qname.slice(0, colon);
      const el: XmlElement = {
        name: colon < 0 ? qname : qname.slice(colon + 1),
        qname,
        ns: resolve(prefix, ns, qname, pos),
        attrs,
        children: [],
        text: "",
        line: lineOf(pos),
      };
      if (stack.length) stack[stack.length - 1].el.children.push(el);
      else root = el;
      if (!selfClosing) stack.push({ el, ns });
      pos = end + 1;
    }
  }
  if (stack.length) {
    const open = stack[stack.length - 1].el;
    fail(
      `元素 <${open.qname}> 未闭合（文件被截断？）`,
      `element <${open.qname}> is not closed (truncated file?)`,
      `<${open.qname}>`,
      source.length,
    );
  }
  if (!root) fail("没有根元素（空文件？）", "no root element (empty file?)", "(document)");
  return root!;
}

/** The `>` closing a start tag, skipping quoted attribute values (which may hold `>`); -1 when none. */
function tagEnd(source: string, from: number): number {
  let quote = 0;
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
    else if (c === 60) return -1;
  }
  return -1;
}

/** The first child named `name` (local name), or undefined. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Every child named `name` (local name). */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** The trimmed text of the first child named `name`, or null when absent or empty. */
export function childText(el: XmlElement, name: string): string | null {
  const c = child(el, name);
  const t = c?.text.trim();
  return t ? t : null;
}
