/**
 * Regions that print on US Letter: CLDR's `paperSize` data (US-Letter territories), plus Bolivia,
 * where Letter is the usual office size. Everywhere else uses A4.
 */
const LETTER_REGIONS: ReadonlySet<string> = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'PR', 'SV', 'NI', 'BO', 'BZ']);

export type PaperSize = 'A4' | 'LETTER';

/**
 * The paper a member prints on, from a locale such as `en-US` (Discord), `es_MX.UTF-8` (a shell's
 * LANG) or `en` (Telegram's language code): Letter where the region uses it, A4 otherwise and when
 * the locale names no region.
 */
export function paperFor(locale?: string): PaperSize {
  const region = regionOf(locale);
  return region !== undefined && LETTER_REGIONS.has(region) ? 'LETTER' : 'A4';
}

function regionOf(locale?: string): string | undefined {
  if (!locale) return undefined;
  const tag = locale.split(/[.@]/)[0]!.replace(/_/g, '-');
  try {
    return new Intl.Locale(tag).region?.toUpperCase();
  } catch {
    return undefined;
  }
}
