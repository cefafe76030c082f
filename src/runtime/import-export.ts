/** `imgbot import FILE` and `imgbot export`: filled in by the listings issue. */
export async function importCommand(
  _source: Readonly<Record<string, string | undefined>>,
  _file: string,
  _opts: Record<string, unknown>,
): Promise<void> {
  throw new Error('imgbot import is not available in this version yet.');
}

export async function exportCommand(
  _source: Readonly<Record<string, string | undefined>>,
  _opts: { format: string; output?: string },
): Promise<void> {
  throw new Error('imgbot export is not available in this version yet.');
}
