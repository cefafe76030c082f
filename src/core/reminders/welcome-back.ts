import type { CoreDeps } from '../deps.ts';

/**
 * A member who was marked undeliverable and now runs a reminder command is
 * back: clear the mark so deliveries resume, and say why they may have missed
 * messages. Returns that sentence, or undefined when there was nothing to clear.
 */
export async function welcomeBack(
  deps: Pick<CoreDeps, 'userSettings'>,
  userId: string,
): Promise<string | undefined> {
  const user = await deps.userSettings.getUser(userId);
  if (!user.undeliverable) return undefined;
  await deps.userSettings.updateUser(userId, { undeliverable: undefined });
  return (
    `Earlier I could not send you a direct message (${user.undeliverable.reason}), so reminders were skipped. ` +
    'Please allow direct messages from this community; I will try again from now on.'
  );
}
