/**
 * Where free text goes: a line without a leading `/` in the shell, a direct
 * message to the Slack app. The text becomes one option of one command
 * (the FAQ's `question`), so text adapters never name that command.
 */
export interface QuestionEntry {
  /** The command that answers free text. */
  readonly command: string;
  /** Its option that receives the text. */
  readonly option: string;
}
