/**
 * The platform-neutral reply (architecture rule 3). Every command and action
 * handler returns one; each adapter renders it (Discord embeds, Slack Block
 * Kit, plain text or JSON in the shell) and routes button presses back.
 */
export interface ReplyField {
  readonly name: string;
  readonly value: string;
  readonly inline?: boolean;
}

/** One record shown in a reply, e.g. a listing in a search result. */
export interface ReplyRecord {
  readonly id: string;
  readonly title: string;
  /** One short line under the title (place, type, deadline...). */
  readonly subtitle?: string;
  readonly text?: string;
  readonly fields?: readonly ReplyField[];
}

/** A button. `action` names a core action handler; `payload` is short and opaque. */
export interface ReplyAction {
  readonly action: string;
  readonly label: string;
  /** Short string handed back to the action handler (kept under ~60 chars so ids fit Discord's 100). */
  readonly payload: string;
  readonly style?: 'primary' | 'secondary' | 'danger';
}

/** A file the adapter should attach (Discord) or upload/DM (Slack); the shell prints it. */
export interface ReplyAttachment {
  readonly name: string;
  readonly mime: string;
  readonly content: string;
}

export interface Reply {
  readonly title?: string;
  readonly text: string;
  readonly fields: readonly ReplyField[];
  readonly records: readonly ReplyRecord[];
  readonly actions: readonly ReplyAction[];
  /** Ids of the records the reply shows, in display order (search results, FAQ entry...). */
  readonly ids: readonly string[];
  readonly error: boolean;
  /** Only the asking member should see it (personal data, errors). */
  readonly ephemeral: boolean;
  /** Stable code of an expected failure, e.g. `OPTION.INVALID`; absent on success. */
  readonly code?: string;
  /** Short line under the body, e.g. `Page 2/4`. */
  readonly footer?: string;
  readonly attachment?: ReplyAttachment;
  /**
   * A member (platform-scoped user id) a channel message is meant for: the
   * adapter mentions them first, and that mention alone may notify anyone.
   */
  readonly addressee?: string;
}

export type ReplyInit = Partial<Omit<Reply, 'text'>> & { text: string };

/** Builds a reply with empty collections filled in. */
export function reply(init: ReplyInit): Reply {
  return {
    fields: [],
    records: [],
    actions: [],
    ids: [],
    error: false,
    ephemeral: false,
    ...init,
  };
}

/** Builds an error reply from a failure code and its specific message. Always ephemeral. */
export function errorReply(code: string, text: string, init: Partial<ReplyInit> = {}): Reply {
  return reply({ ...init, text, code, error: true, ephemeral: true });
}
