/**
 * How a core command is typed in Slack. Slack's built-in commands win over
 * an app's command of the same name, so those names stay out of the manifest
 * and are reached through the umbrella: `/imgbot remind …`.
 */

/**
 * Names Slack keeps for its own commands (`/remind`, `/invite`, …): Slack's
 * vocabulary, not the core's, so it is kept as Slack documents it.
 */
export const SLACK_BUILTIN_COMMANDS: ReadonlySet<string> = new Set(
  `active apps archive away call collapse dm dnd expand feed feedback invite join leave me msg mute
   open prefs remind remove kick rename search shortcuts shrug star status topic who`.split(/\s+/),
);

/** The slash command that reaches a core command in Slack: `/observership`, or `/imgbot remind`. */
export function slackSlash(name: string): string {
  const top = name.split(' ')[0] ?? name;
  return SLACK_BUILTIN_COMMANDS.has(top) ? `/imgbot ${name}` : `/${name}`;
}

/** A core example line as typed in Slack (`/remind when:…` becomes `/imgbot remind when:…`). */
export function slackExample(example: string): string {
  const m = /^\/([a-z0-9_-]+)(.*)$/s.exec(example);
  return m?.[1] && SLACK_BUILTIN_COMMANDS.has(m[1]) ? `/imgbot ${m[1]}${m[2] ?? ''}` : example;
}

/** Core text with every `/name` Slack keeps written as Slack needs it (`Try /remind` becomes `Try /imgbot remind`). */
export function slackMentions(text: string): string {
  return text.replace(/(^|[\s(])\/([a-z0-9_-]+)\b/g, (whole, before: string, name: string) =>
    SLACK_BUILTIN_COMMANDS.has(name) ? `${before}/imgbot ${name}` : whole,
  );
}
