/**
 * The `initialize` request a 2024-11-05 client (LibreChat's legacy SSE) sends first.
 * @module
 */

/** An `initialize` request with id 0 from a client named `clientName`. */
export function legacyInitialize(clientName: string) {
  return {
    jsonrpc: "2.0",
    id: 0,
    method: "initialize",
    params: {
      protocolVersion: "2024-11-05",
      capabilities: {},
      clientInfo: { name: clientName, version: "1" },
    },
  };
}
