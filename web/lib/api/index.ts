// The one client for the DanceAspire api, split by feature. Every URL is relative: the browser
// only ever talks to the gateway, which routes /api/** to the api and the rest to this app.

export * from "./accounts";
export * from "./analyses";
export * from "./choreography";
export * from "./health";
export { ApiError, problemMessage, type Problem } from "./http";
export * from "./jobs";
export * from "./moves";
export * from "./results";
export * from "./session";
export * from "./songs";
export * from "./uploads";
