import {
  mydataDeleteCommand,
  mydataDeleteConfirmAction,
  mydataExportCommand,
} from './account/mydata.command.ts';
import { quietHoursCommand } from './account/quiet-hours.command.ts';
import { timezoneCommand } from './account/timezone.command.ts';
import {
  ALERT_ID_SOURCE,
  alertAddCommand,
  alertRemoveCommand,
  alertsCommand,
} from './alerts/alert.commands.ts';
import { completeAlertId } from './alerts/alert-autocomplete.ts';
import { alertDigestCommand } from './alerts/alert-digest.command.ts';
import type { ActionDef, Command } from './commands/command.ts';
import type { QuestionEntry } from './commands/question.ts';
import { type Autocompleter, Registry } from './commands/registry.ts';
import { completeFaqQuestion, FAQ_QUESTION_SOURCE, faqCommand } from './faq/faq.command.ts';
import { faqEditCommand } from './faq/faq-edit.command.ts';
import { faqGapAliasAction, faqGapDismissAction } from './faq/faq-gap-actions.ts';
import { faqGapsCommand } from './faq/faq-gaps.command.ts';
import { faqListCommand } from './faq/faq-list.command.ts';
import { faqRemoveCommand } from './faq/faq-remove.command.ts';
import { faqResetCommand } from './faq/faq-reset.command.ts';
import { faqShowAction } from './faq/faq-show.action.ts';
import { faqVoteAction } from './faq/faq-vote.action.ts';
import { completeCommandName, helpCommand } from './general/help.command.ts';
import type { HomeSectionDef } from './home/home-section.ts';
import { MESSAGE_ACTIONS } from './message-actions.ts';
import { auditCommand } from './moderation/audit.command.ts';
import { editCommand } from './moderation/edit.command.ts';
import { postCommand } from './moderation/post.command.ts';
import { reviewCommand } from './moderation/review.command.ts';
import {
  approveAction,
  approveCommand,
  dismissReportAction,
  rejectAction,
  rejectCommand,
} from './moderation/review-actions.ts';
import { setupCommand } from './moderation/setup.command.ts';
import { verifyCommand } from './moderation/verify.command.ts';
import { withdrawCommand } from './moderation/withdraw.command.ts';
import { completeListingId, completeSpecialty } from './opportunities/listing-autocomplete.ts';
import { reportCommand } from './opportunities/report.command.ts';
import {
  opportunitiesCommand,
  pageListingsAction,
  typeSearchCommands,
} from './opportunities/search.commands.ts';
import {
  opportunityCommand,
  reportListingAction,
  viewListingAction,
} from './opportunities/show-listing.command.ts';
import { suggestCommand } from './opportunities/suggest.command.ts';
import { planCommand, planRemindAction } from './profile/plan.command.ts';
import { profileCommand } from './profile/profile.command.ts';
import { deadlineRemindersCommand, deadlineSubscribeAction } from './reminders/deadline-reminders.command.ts';
import { remindCommand } from './reminders/remind.command.ts';
import { completeReminderId } from './reminders/reminder-autocomplete.ts';
import { reminderButtonActions } from './reminders/reminder-buttons.action.ts';
import { reminderCancelCommand } from './reminders/reminder-cancel.command.ts';
import { reminderEditCommand } from './reminders/reminder-edit.command.ts';
import { reminderSetupCommand } from './reminders/reminder-setup.command.ts';
import { remindersCommand } from './reminders/reminders.command.ts';
import { trackAddCommand, trackerAddListingAction } from './tracker/track-add.command.ts';
import { trackListCommand } from './tracker/track-list.command.ts';
import { trackNoteCommand } from './tracker/track-note.command.ts';
import { trackRemoveCommand } from './tracker/track-remove.command.ts';
import { trackUpdateCommand } from './tracker/track-update.command.ts';
import { usceCommand } from './tracker/usce.command.ts';

/**
 * Every command, action and autocomplete source, collected in static typed
 * arrays (no directory scanning, no decorators). A new command is one file in
 * its domain folder plus one line here; the adapters need nothing.
 */
export const COMMANDS: readonly Command[] = [
  helpCommand,
  setupCommand,
  faqCommand,
  faqListCommand,
  faqEditCommand,
  faqRemoveCommand,
  faqResetCommand,
  faqGapsCommand,
  remindCommand,
  remindersCommand,
  reminderCancelCommand,
  reminderEditCommand,
  deadlineRemindersCommand,
  reminderSetupCommand,
  trackAddCommand,
  trackListCommand,
  trackUpdateCommand,
  trackNoteCommand,
  trackRemoveCommand,
  usceCommand,
  timezoneCommand,
  quietHoursCommand,
  profileCommand,
  planCommand,
  mydataExportCommand,
  mydataDeleteCommand,
  ...typeSearchCommands,
  opportunitiesCommand,
  opportunityCommand,
  suggestCommand,
  alertAddCommand,
  alertsCommand,
  alertRemoveCommand,
  alertDigestCommand,
  reportCommand,
  postCommand,
  editCommand,
  withdrawCommand,
  reviewCommand,
  approveCommand,
  rejectCommand,
  verifyCommand,
  auditCommand,
];

export const ACTIONS: readonly ActionDef[] = [
  faqShowAction,
  faqVoteAction,
  faqGapAliasAction,
  faqGapDismissAction,
  ...reminderButtonActions,
  deadlineSubscribeAction,
  trackerAddListingAction,
  mydataDeleteConfirmAction,
  planRemindAction,
  pageListingsAction,
  viewListingAction,
  reportListingAction,
  approveAction,
  rejectAction,
  dismissReportAction,
];

export const AUTOCOMPLETERS: Readonly<Record<string, Autocompleter>> = {
  'command-name': completeCommandName,
  [FAQ_QUESTION_SOURCE]: completeFaqQuestion,
  specialty: completeSpecialty,
  'listing-id': completeListingId,
  'reminder-id': completeReminderId,
  [ALERT_ID_SOURCE]: completeAlertId,
};

/** Free text (a shell line without `/`, a DM to the Slack app) is a question for the FAQ. */
export const QUESTION: QuestionEntry = { command: faqCommand.name, option: 'question' };

/** A member's overview (Slack App Home, the shell's `/home`), section by section. */
export const HOME_SECTIONS: readonly HomeSectionDef[] = [
  {
    command: remindersCommand.name,
    heading: 'Your next reminders',
    fallback: 'No reminders yet. Try /remind, or "Remind me about this" on any message.',
  },
  {
    command: trackListCommand.name,
    heading: 'Your applications',
    fallback: 'Nothing tracked yet. Try /track add.',
  },
  {
    command: reviewCommand.name,
    heading: 'Review queue',
    fallback: 'Nothing is waiting for review.',
    moderatorsOnly: true,
  },
];

/** Actions on a message ("Remind me about this"): see message-actions.ts. */
export { MESSAGE_ACTIONS };

/** The registry of everything above, validated (names, descriptions, forms, entry points). */
export function createRegistry(): Registry {
  return new Registry({
    commands: COMMANDS,
    actions: ACTIONS,
    autocompleters: AUTOCOMPLETERS,
    messageActions: MESSAGE_ACTIONS,
    question: QUESTION,
    homeSections: HOME_SECTIONS,
  });
}
