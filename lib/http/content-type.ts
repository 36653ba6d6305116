/** True for `application/json` (any parameters, e.g. charset) and `application/*+json`. */
export function isJsonContentType(value: string | undefined | null): boolean {
  const type = (value ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** The 415 message for a body that is not declared JSON, naming what was sent. */
export function notJsonMessage(value: string | undefined | null): string {
  return `请求体须为 JSON：Content-Type 应为 application/json，收到 "${
    value ?? ""
  }" / the body must be JSON: ` +
    `Content-Type must be application/json, got "${value ?? ""}"`;
}
