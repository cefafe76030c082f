/**
 * One section of a member's overview (Slack's App Home tab, the shell's
 * `/home`): the reply of a core command run with no options, under a heading.
 */
export interface HomeSectionDef {
  /** The command whose reply fills the section (run with no options). */
  readonly command: string;
  readonly heading: string;
  /** Shown when the command is missing from this version or answers with an error. */
  readonly fallback: string;
  /** Shown to moderators only (the review queue). */
  readonly moderatorsOnly?: boolean;
}
