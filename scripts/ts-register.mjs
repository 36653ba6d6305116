// Used as `node --import ./scripts/ts-register.mjs file.ts` (see package.json).
import { register } from "node:module";

register("./ts-loader.mjs", import.meta.url);
