/** Entry point for tests: the fake server, response helpers and payload builders. */

export * from './component-payloads.ts';
export { type GatewaySession, shardOfGuild, shardOfSession } from './gateway.ts';
export * from './objects.ts';
export * from './payloads.ts';
export { DiscordErrorCode, discordError, json, noContent, rateLimited } from './responses.ts';
export { compilePattern, pathMatches, requestTo } from './rest.ts';
export { FakeDiscord, type FakeDiscordOptions } from './server.ts';
export type { InteractionRecord } from './state.ts';
export type * from './types.ts';
