import pkg from "../../package.json" with { type: "json" };

/** The server's version, from package.json: the one place it is written (bundles inline it). */
export const SERVER_VERSION: string = pkg.version;
