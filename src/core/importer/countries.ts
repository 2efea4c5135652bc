// The country an address ends with.
import { foldKey } from './sections.js';

/*
 * Country names as they end postal addresses in Urgent Actions, in English, Spanish and French (and German names at the
 * end: German groups write the country in capitals, "SÜDAFRIKA", "VOLKSREPUBLIK CHINA"), folded to
 * lowercase without accents. Only used to tell a country line from a town line.
 */
const NAMES = `afghanistan|albania|algeria|algerie|argelia|andorra|angola|argentina|argentine|armenia|armenie|australia|australie|austria|autriche|azerbaijan|azerbaiyan|bahamas|bahrain|bahrein|bangladesh|barbados|belarus|bielorrusia|belgium|belgica|belgique|belize|benin|bhutan|bolivia|bolivie|bosnia and herzegovina|botswana|brazil|brasil|bresil|brunei|bulgaria|bulgarie|burkina faso|burundi|cambodia|camboya|cambodge|cameroon|camerun|cameroun|canada|cape verde|cabo verde|central african republic|republica centroafricana|republique centrafricaine|chad|tchad|chile|chili|china|chine|pr china|prchina|prc|people's republic of china|colombia|colombie|comoros|congo|democratic republic of the congo|dr congo|drc|republique democratique du congo|costa rica|cote d'ivoire|ivory coast|croatia|croacia|croatie|cuba|cyprus|chipre|chypre|czech republic|czechia|denmark|dinamarca|danemark|djibouti|dominica|dominican republic|republica dominicana|ecuador|equateur|egypt|egipto|egypte|el salvador|salvador|equatorial guinea|guinea ecuatorial|eritrea|erythree|estonia|eswatini|swaziland|ethiopia|etiopia|ethiopie|fiji|finland|finlandia|finlande|france|francia|gabon|gambia|the gambia|gambie|georgia|georgie|germany|alemania|allemagne|ghana|greece|grecia|grece|grenada|guatemala|guinea|guinee|guinea-bissau|guyana|haiti|honduras|hong kong|hungary|hungria|hongrie|iceland|islandia|islande|india|inde|indonesia|indonesie|iran|iraq|irak|ireland|irlanda|irlande|israel|italy|italia|italie|jamaica|jamaique|japan|japon|jordan|jordania|jordanie|kazakhstan|kazajistan|kenya|kiribati|kosovo|kuwait|koweit|kyrgyzstan|laos|latvia|lebanon|libano|liban|lesotho|liberia|libya|libia|libye|liechtenstein|lithuania|luxembourg|luxemburgo|madagascar|malawi|malaysia|malasia|malaisie|maldives|mali|malta|malte|mauritania|mauritanie|mauritius|mexico|mexique|moldova|monaco|mongolia|mongolie|montenegro|morocco|marruecos|maroc|mozambique|myanmar|birmania|namibia|namibie|nauru|nepal|netherlands|the netherlands|paises bajos|pays-bas|new zealand|nueva zelanda|nouvelle-zelande|nicaragua|niger|nigeria|north korea|korea, democratic people's republic of|north macedonia|norway|noruega|norvege|oman|pakistan|palestine|state of palestine|palestina|occupied palestinian territories|panama|papua new guinea|paraguay|peru|perou|philippines|filipinas|poland|polonia|pologne|portugal|qatar|romania|rumania|roumanie|russia|russian federation|rusia|federacion de rusia|russie|federation de russie|rwanda|ruanda|saint lucia|samoa|san marino|saudi arabia|kingdom of saudi arabia|arabia saudita|arabie saoudite|senegal|serbia|serbie|seychelles|sierra leone|singapore|singapur|singapour|slovakia|slovenia|solomon islands|somalia|somalie|south africa|sudafrica|afrique du sud|south korea|republic of korea|korea|corea del sur|coree du sud|south sudan|sudan del sur|soudan du sud|spain|espana|espagne|sri lanka|sudan|soudan|suriname|sweden|suecia|suede|switzerland|suiza|suisse|syria|siria|syrie|taiwan|tajikistan|tanzania|tanzanie|thailand|tailandia|thailande|timor-leste|east timor|togo|tonga|trinidad and tobago|tunisia|tunez|tunisie|turkey|turkiye|turquia|turquie|turkmenistan|tuvalu|uganda|ouganda|ukraine|ucrania|united arab emirates|uae|emiratos arabes unidos|emirats arabes unis|united kingdom|uk|great britain|reino unido|royaume-uni|united states|united states of america|usa|us|estados unidos|etats-unis|uruguay|uzbekistan|ouzbekistan|vanuatu|venezuela|vietnam|viet nam|western sahara|yemen|zambia|zambie|zimbabwe|tunesien|georgien|mexiko|agypten|aegypten|turkei|russland|weissrussland|saudi-arabien|kolumbien|algerien|marokko|aserbaidschan|kasachstan|simbabwe|kamerun|athiopien|jemen|syrien|irak|libyen|vereinigte staaten|vereinigte staaten von amerika|usa|grossbritannien|vereinigtes konigreich|polen|ungarn|griechenland|spanien|italien|frankreich|belgien|niederlande|schweiz|osterreich|japan|sudkorea|nordkorea|indien|indonesien|philippinen|thailand|kambodscha|brasilien|argentinien|kuba|venezuela|honduras|guatemala|nicaragua|peru|chile|bolivien|ecuador|egypte|egitto|polska|sudafrika|volksrepublik china|tschechien|usbekistan|tadschikistan|turkmenistan|kirgisistan|vereinigte arabische emirate|katar|jordanien|libanon|bangladesch|mongolei|kenia|tansania|sambia|elfenbeinkuste|aquatorialguinea|kongo|demokratische republik kongo|dschibuti|mosambik|tschad|sudsudan|dominikanische republik|kanada|australien|neuseeland|singapur|kroatien|serbien|albanien|nordmazedonien|bulgarien|rumanien|litauen|lettland|estland|finnland|schweden|norwegen|danemark|irland|zypern|palastina`;

const COUNTRIES = new Set(NAMES.split('|'));

/** The country an address ends with ("USA", "Tegucigalpa, Honduras" -> "Honduras"), as written. */
export function countryOf(lastLine: string | undefined): string | undefined {
  if (lastLine === undefined) return undefined;
  const segment = (lastLine.split(',').pop() ?? '').trim().replace(/\.$/, '').trim();
  // "U.S.A." and "USA" are the same country line.
  const key = foldKey(segment).toLowerCase().replace(/\./g, '');
  if (COUNTRIES.has(key)) return segment;
  return undefined;
}

/* "ARAB REPUBLIC OF EGYPT", "Islamic Republic of Iran", "Kingdom of Saudi Arabia": a state's full name. */
const STATE_OF = /^(?:the\s+)?(?:(?:arab|islamic|socialist|federal|federative|democratic|people'?s|united|bolivarian|plurinational|hashemite|oriental)\s+)*(?:republic|kingdom|state|sultanate|emirate|federation|commonwealth|union)\s+of\s+(?:the\s+)?/i;
/* "(Burma)", "(Other name)": the short or former name a state's full name is followed by. */
const OTHER_NAME = /\s*\([\p{L} .'-]{2,40}\)$/u;

/**
 * A line that is only a country, in its short or its full name ("ARAB REPUBLIC OF EGYPT", "Republic of the Union of
 * Examplia (Other name)": a full name may nest one state's word in another's, and carry its other name in brackets).
 */
export function isCountryLine(line: string): boolean {
  const bare = line.trim().replace(/[.,]+$/, '');
  if (countryOf(bare) !== undefined) return true;
  if (!STATE_OF.test(bare)) return false;
  const inner = bare.replace(OTHER_NAME, '').replace(STATE_OF, '');
  return countryOf(inner) !== undefined || (STATE_OF.test(inner) && countryOf(inner.replace(STATE_OF, '')) !== undefined);
}

/* The last line of a postal address: a postcode ("Toronto ON M7A 1Y6", "75008 Paris", "Tokyo 100-8977") or a country alone. */
export function endsAddress(line: string): boolean {
  return /\b\d{3}-\d{4}\b|\b\d{4,6}\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b/.test(line) || countryOf(line) === line.trim();
}
