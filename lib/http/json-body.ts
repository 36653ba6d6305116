/** A JSON body, or why it could not be read. */
export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 413 | 415; readonly message: string };

/**
 * Reads a request body as JSON with a size bound, without trusting Content-Length
 * alone: the stream is counted as it arrives.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = {
    ok: false as const,
    status: 413 as const,
    message: `请求体超过上限 ${maxBytes} 字节 / request body exceeds the limit of ${maxBytes} bytes: send less data or raise MAX_BODY_BYTES`,
  };
  if (declared > maxBytes) return tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (e) {
        return { ok: false, status: 400, message: `请求体读取中断 / the request body could not be read: ${(e as Error)?.message ?? e}` };
      }
      const { done, value } = chunk;
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge;
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) (bytes.set(c, at), (at += c.byteLength));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, message: "请求体不是 UTF-8 文本 / request body is not UTF-8 text" };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, status: 400, message: `请求体不是合法 JSON / request body is not valid JSON: ${(e as Error).message}` };
  }
}
