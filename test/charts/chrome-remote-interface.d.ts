// The part of chrome-remote-interface (it ships no types) that test/charts/chromium.ts uses: the
// untyped DevTools wire API, any method name with any params, as the library accepts at run time.
declare module "chrome-remote-interface" {
  /** A DevTools protocol event as the "event" listener receives it. */
  export interface EventMessage {
    readonly method: string;
    readonly params: Record<string, unknown>;
    readonly sessionId?: string;
  }

  /** A DevTools connection. */
  export interface Client {
    send(
      method: string,
      params?: Record<string, unknown>,
      sessionId?: string,
    ): Promise<Record<string, unknown>>;
    on(event: "event", listener: (message: EventMessage) => void): void;
    close(): Promise<void>;
  }

  /** Connects to the DevTools endpoint `target` (a ws:// URL); `local` uses the bundled protocol. */
  export default function CDP(options: { target: string; local?: boolean }): Promise<Client>;
}
