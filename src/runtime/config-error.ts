/** Thrown for a configuration problem: the CLI prints the message alone and exits 2. */
export class ConfigError extends Error {}
