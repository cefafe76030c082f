/**
 * Installations of the app in many workspaces (Slack's OAuth installs), kept
 * as the platform hands them over. Only the fields that key a record and its
 * bot token are named here; the rest travels untouched, so the store needs
 * no platform library.
 */

/** Which installation: a workspace, or an Enterprise Grid org installed org-wide. */
export interface InstallationQuery {
  readonly teamId?: string | undefined;
  readonly enterpriseId?: string | undefined;
  readonly isEnterpriseInstall?: boolean | undefined;
}

/** The parts of an installation record the store reads. */
export interface InstallationRecord {
  readonly team?: { readonly id: string } | undefined;
  readonly enterprise?: { readonly id: string } | undefined;
  readonly isEnterpriseInstall?: boolean | undefined;
  readonly bot?: { readonly token: string } | undefined;
}

/** Installation records of type `T`, one per workspace (or org-wide install). */
export interface InstallationStore<T extends InstallationRecord> {
  save(installation: T): Promise<void>;
  /** The installation, or undefined when the app is not installed there. */
  find(query: InstallationQuery): Promise<T | undefined>;
  remove(query: InstallationQuery): Promise<void>;
  /** The bot token of a workspace, or undefined when the app is not installed there. */
  botToken(teamId: string): Promise<string | undefined>;
}
