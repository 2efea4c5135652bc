/** Discord's message limits, written once next to the code that enforces them. */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedsTotal: 6000,
  embeds: 10,
  customId: 100,
  linkUrl: 512,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
} as const;

/** Cuts a text to `max` characters, ending with an ellipsis when it had to cut. */
export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
