import { startTestServer } from "./test/helpers/server.ts";
const s = await startTestServer();
console.log("URL", s.url);
setTimeout(() => s.close().then(() => process.exit(0)), 280_000);
