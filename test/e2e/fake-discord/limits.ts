/**
 * Discord's size limits, enforced by the fake as Discord does: a message,
 * modal, autocomplete answer or command list over a limit is refused whole
 * with 50035 Invalid Form Body. So every e2e test also proves the bot clips
 * what it sends. Limits from Discord's API reference (messages, embeds,
 * components, interactions, application commands).
 */

type Json = Record<string, unknown>;

const MAX = {
  content: 2_000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4_096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  author: 256,
  embedTotal: 6_000,
  rows: 5,
  rowItems: 5,
  customId: 100,
  buttonLabel: 80,
  modalTitle: 45,
  modalComponents: 5,
  inputLabel: 45,
  inputDescription: 100,
  inputPlaceholder: 100,
  inputLength: 4_000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commands: 100,
  commandName: 32,
  commandDescription: 100,
  options: 25,
} as const;

const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});

function over(what: string, length: number, max: number): string | null {
  return length > max ? `${what} is ${length} long; the limit is ${max}` : null;
}

function first(...checks: (string | null)[]): string | null {
  return checks.find((c) => c !== null) ?? null;
}

function embedProblem(embed: Json, i: number): string | null {
  const fields = arr(embed.fields);
  return first(
    over(`embeds[${i}].title`, str(embed.title).length, MAX.embedTitle),
    over(`embeds[${i}].description`, str(embed.description).length, MAX.embedDescription),
    over(`embeds[${i}].fields`, fields.length, MAX.fields),
    over(`embeds[${i}].footer.text`, str(obj(embed.footer).text).length, MAX.footer),
    over(`embeds[${i}].author.name`, str(obj(embed.author).name).length, MAX.author),
    ...fields.flatMap((f, j) => [
      over(`embeds[${i}].fields[${j}].name`, str(f.name).length, MAX.fieldName),
      over(`embeds[${i}].fields[${j}].value`, str(f.value).length, MAX.fieldValue),
      str(f.name) === '' || str(f.value) === ''
        ? `embeds[${i}].fields[${j}] has an empty name or value`
        : null,
    ]),
  );
}

function embedText(embed: Json): number {
  const fields = arr(embed.fields).reduce((n, f) => n + str(f.name).length + str(f.value).length, 0);
  return (
    str(embed.title).length +
    str(embed.description).length +
    str(obj(embed.footer).text).length +
    str(obj(embed.author).name).length +
    fields
  );
}

function componentsProblem(rows: Json[]): string | null {
  return first(
    over('components', rows.length, MAX.rows),
    ...rows.flatMap((row, i) => {
      const items = arr(row.components);
      return [
        over(`components[${i}].components`, items.length, MAX.rowItems),
        ...items.flatMap((c, j) => [
          over(`components[${i}].components[${j}].custom_id`, str(c.custom_id).length, MAX.customId),
          over(`components[${i}].components[${j}].label`, str(c.label).length, MAX.buttonLabel),
        ]),
      ];
    }),
  );
}

/** What is wrong with a message body (create, edit, interaction reply), or null when Discord would take it. */
export function messageProblem(body: Json): string | null {
  const embeds = arr(body.embeds);
  const total = embeds.reduce((n, e) => n + embedText(e), 0);
  return first(
    over('content', str(body.content).length, MAX.content),
    over('embeds', embeds.length, MAX.embeds),
    ...embeds.map(embedProblem),
    over('the embeds in all', total, MAX.embedTotal),
    componentsProblem(arr(body.components)),
  );
}

/** A modal (interaction response type 9): title, at most 5 inputs, their ids, labels and lengths. */
export function modalProblem(data: Json): string | null {
  const components = arr(data.components);
  return first(
    over('modal title', str(data.title).length, MAX.modalTitle),
    str(data.title) === '' ? 'modal title is empty' : null,
    over('modal custom_id', str(data.custom_id).length, MAX.customId),
    over('modal components', components.length, MAX.modalComponents),
    components.length === 0 ? 'a modal needs at least one component' : null,
    ...components.flatMap((c, i) => {
      // Label > TextInput (newer layout) or ActionRow > [TextInput] (classic).
      const input = c.component ? obj(c.component) : obj(arr(c.components)[0]);
      return [
        over(`components[${i}].label`, str(c.label ?? input.label).length, MAX.inputLabel),
        over(`components[${i}].description`, str(c.description).length, MAX.inputDescription),
        over(`components[${i}] custom_id`, str(input.custom_id).length, MAX.customId),
        over(`components[${i}] placeholder`, str(input.placeholder).length, MAX.inputPlaceholder),
        over(`components[${i}] value`, str(input.value).length, MAX.inputLength),
        typeof input.max_length === 'number' && input.max_length > MAX.inputLength
          ? `components[${i}] max_length ${input.max_length} is over ${MAX.inputLength}`
          : null,
      ];
    }),
  );
}

/** Autocomplete results (type 8): at most 25 choices, names 1-100, string values up to 100. */
export function choicesProblem(data: Json): string | null {
  const choices = arr(data.choices);
  return first(
    over('choices', choices.length, MAX.choices),
    ...choices.flatMap((c, i) => [
      over(`choices[${i}].name`, str(c.name).length, MAX.choiceName),
      str(c.name) === '' ? `choices[${i}].name is empty` : null,
      over(`choices[${i}].value`, str(c.value).length, MAX.choiceValue),
    ]),
  );
}

function optionProblem(option: Json, where: string): string | null {
  const options = arr(option.options);
  return first(
    COMMAND_NAME.test(str(option.name)) && str(option.name) === str(option.name).toLowerCase()
      ? null
      : `${where}.name "${str(option.name)}" is not a valid option name`,
    over(`${where}.description`, str(option.description).length, MAX.commandDescription),
    str(option.description) === '' ? `${where}.description is empty` : null,
    over(`${where}.choices`, arr(option.choices).length, MAX.choices),
    over(`${where}.options`, options.length, MAX.options),
    ...options.map((o, i) => optionProblem(o, `${where}.options[${i}]`)),
  );
}

/** A bulk overwrite of application commands (PUT .../commands). */
export function commandsProblem(commands: Json[]): string | null {
  const chatInput = commands.filter((c) => (c.type ?? 1) === 1);
  return first(
    over('chat-input commands', chatInput.length, MAX.commands),
    ...commands.flatMap((c, i) => {
      if ((c.type ?? 1) !== 1) {
        return [
          over(`[${i}].name`, str(c.name).length, MAX.commandName),
          str(c.description) === '' ? null : `[${i}] a context-menu command takes no description`,
        ];
      }
      const options = arr(c.options);
      return [
        COMMAND_NAME.test(str(c.name)) && str(c.name) === str(c.name).toLowerCase()
          ? null
          : `[${i}].name "${str(c.name)}" is not a valid command name`,
        over(`[${i}].description`, str(c.description).length, MAX.commandDescription),
        str(c.description) === '' ? `[${i}].description is empty` : null,
        over(`[${i}].options`, options.length, MAX.options),
        ...options.map((o, j) => optionProblem(o, `[${i}].options[${j}]`)),
      ];
    }),
  );
}
