/**
 * Slack's Block Kit limits (docs.slack.dev/reference/block-kit). Slack rejects
 * a whole message (`invalid_blocks`) when one value is too long, so the
 * renderer clips every value to these before sending.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message (chat.postMessage, response_url). */
  blocksPerMessage: 50,
  /** Blocks in a modal or the App Home tab. */
  blocksPerView: 100,
  /** A section's `text`. */
  sectionText: 3000,
  /** A header's plain text. */
  headerText: 150,
  /** A button label (Slack shows ~30 and truncates the rest itself). */
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  fieldsPerSection: 10,
  /** Each of a section's `fields`. */
  fieldText: 2000,
  /** Elements of a context block. */
  contextElements: 10,
  contextText: 2000,
  /** Buttons in one actions block. */
  buttonsPerActions: 25,
  /** The notification/fallback `text` (Slack allows 40,000; a notification shows a line). */
  fallbackText: 3000,
  /** Modal title, submit and close labels. */
  modalTitle: 24,
  /** Input labels, hints and select option texts. */
  inputLabel: 2000,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  selectOptions: 100,
  privateMetadata: 3000,
} as const;
