import type { webApi } from '@slack/bolt';

/**
 * The few Web API calls the adapter makes, as a narrow interface: Bolt's
 * per-workspace `WebClient` satisfies it, and handler tests pass typed fakes
 * instead of a whole client.
 */
export interface SlackApi {
  readonly users: {
    info(args: webApi.UsersInfoArguments): Promise<webApi.UsersInfoResponse>;
  };
  readonly usergroups: {
    readonly users: {
      list(args: webApi.UsergroupsUsersListArguments): Promise<webApi.UsergroupsUsersListResponse>;
    };
  };
  readonly views: {
    open(args: webApi.ViewsOpenArguments): Promise<webApi.ViewsOpenResponse>;
    update(args: webApi.ViewsUpdateArguments): Promise<webApi.ViewsUpdateResponse>;
    publish(args: webApi.ViewsPublishArguments): Promise<webApi.ViewsPublishResponse>;
  };
  readonly chat: {
    postMessage(args: webApi.ChatPostMessageArguments): Promise<webApi.ChatPostMessageResponse>;
    postEphemeral(args: webApi.ChatPostEphemeralArguments): Promise<webApi.ChatPostEphemeralResponse>;
    getPermalink(args: webApi.ChatGetPermalinkArguments): Promise<webApi.ChatGetPermalinkResponse>;
  };
}

/** Slack's error code of a failed Web API call (`user_not_found`), if it was one. */
export function slackErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('data' in err)) return undefined;
  const data = (err as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
