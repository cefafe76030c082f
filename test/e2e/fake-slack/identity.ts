/**
 * The one fake workspace every fake-slack helper agrees on. Payload builders
 * put these ids into incoming requests and the fake Web API returns them from
 * `auth.test`, so Bolt's authorize step and the listener context line up.
 */
export const FAKE_TEAM_ID = 'T0FAKE';
export const FAKE_TEAM_DOMAIN = 'imgbot-test';
export const FAKE_TEAM_NAME = 'IMG Test Workspace';
export const FAKE_APP_ID = 'A0FAKEAPP';
export const FAKE_BOT_ID = 'B0FAKEBOT';
export const FAKE_BOT_USER_ID = 'U0FAKEBOT';
/** Bot token handed to `new App({ token })`. Shape only matters to humans: the fake accepts any token. */
export const FAKE_BOT_TOKEN = 'xoxb-0000000000-0000000000000-fakefakefakefakefakefake';
export const FAKE_SIGNING_SECRET = 'fake-signing-secret-8f14e45fceea167a5a36dedd4bea2543';
/** Legacy verification token; Slack still sends it in every payload, Bolt ignores it. */
export const FAKE_VERIFICATION_TOKEN = 'fakeVerificationToken';
