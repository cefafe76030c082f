/** Offline Slack test kit: fake Web API + signed requests to a real Bolt app. */
export * from './bolt.ts';
export { type FakeUser, FakeWorkspace, type OAuthGrant, SUPPORTED_METHODS } from './handlers.ts';
export * from './identity.ts';
export * from './payloads.ts';
export * from './server.ts';
export type { SlackSignatureHeaders } from './signing.ts';
export {
  type BoltResponse,
  nowSeconds,
  type PostToBoltOptions,
  postToBolt,
  signSlackRequest,
} from './signing.ts';
export { type EnvelopeType, FakeSocketMode, type SocketAck } from './socket-mode.ts';
