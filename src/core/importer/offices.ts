// The words that name an office, an organisation or a form of address, in the languages the importer reads.

/** A title word: an official's office ("Minister", "Fiscal", "Botschafter", "Consul"). */
export const ROLE = /\b(?:(?:staats|bundes|landes|innen|justiz|au(?:ß|ss)en|sozial|finanz|kultus|wirtschafts?|umwelt|integrations|gesundheits|arbeits|familien|ober|vize)minister(?:in)?|(?:staats|bundes|landes|innen|justiz|au(?:ß|ss)en|sozial|finanz|kultus|wirtschafts?|umwelt|integrations|gesundheits|arbeits|familien|ober|vize)senator(?:in)?|beauftragte[r]?|coordinator|coordinador|coordinadora|coordinateur|coordinatrice|minister|ministra|ministro|ministre|ministerin|procurator|prokuror|staatsanw[aä]lt(?:in)?|generalstaatsanw[aä]lt(?:in)?|pr[aä]sident(?:in)?|botschafter(?:in)?|secretary|secretario|secretaria|president|presidenta|presidente|pr[ée]sidente?|prime|premier|attorney|prosecutor|fiscal|procureur|procureure|governor|bundeskanzler(?:in)?|kanzler(?:in)?|chancellor|gobernador|gobernadora|governador|governadora|procurador|procuradora|embaixador|embaixadora|prefeito|prefeita|gouverneur|ambassador|embajador|embajadora|ambassadeur|ambassadrice|consul|c[oó]nsul|consule|director|directora|directeur|directrice|chief|head|chair|chairperson|chairman|chairwoman|commissioner|comisionado|commissaire|mayor|alcalde|alcaldesa|maire|king|queen|emir|sultan|judge|juez|jueza|juge|speaker|ombudsman|defensor|defensora|chargé|charg[ée]e? d'affaires)\b/i;

/** A word that names an organisation rather than a person ("Ministry", "Embassy", "Commission"). */
export const ORGANISATION = /\b(?:ministerstwo|(?:staats|bundes|landes|innen|justiz|au(?:ß|ss)en|sozial|finanz|kultus|wirtschafts?|umwelt|integrations|gesundheits|arbeits|familien|ober|vize)?ministerium|staatskanzlei|botschaft|department|ministry|ministerio|minist[eè]re|secretar[ií]a|secretariat|office|oficina|bureau|embassy|embajada|ambassade|government|gobierno|gouvernement|presidency|presidencia|pr[ée]sidence|palace|palacio|palais|commission|comisi[oó]n|court|tribunal|corte|council|consejo|conseil|agency|agencia|agence|parliament|congress|congreso|assembly|asamblea|assembl[ée]e|procuradur[ií]a|fiscal[ií]a|pr[ée]fecture|mission|misi[oó]n|consulate|consulado|consulat|cabinet|municipality|municipalidad|municipalit[ée]|municipio|alcald[ií]a|mairie|city hall|city council|programa|programme)\b/i;

/** A form of address that opens a name ("H.E.", "Mr", "Señor", "Monsieur"). */
export const HONORIFIC = /^(?:(?:the )?(?:(?:right|rt\.?) )?hon(?:ou?rable|\.)?|the hono(?:u)?rable|hon\.?|h\.\s?e\.?|his|her|mr\.?|mrs\.?|ms\.?|dr\.?|sr\.?|sra\.?|srta\.?|se[ñn]or|se[ñn]ora|don|do[ñn]a|lic\.?|licenciad[oa]|ing\.?|m\.|mme\.?|monsieur|madame|g[ée]n[ée]ral|gen\.|col\.?|colonel|coronel|sheikh|prof\.?|justice)\s/i;

/* "Minister of Public Safety ...", "Mr. Ali Osman Yasin": a line that opens an official's block with an office or a form of address. */
export function opensOfficial(line: string): boolean {
  return HONORIFIC.test(`${line} `) || OPENS_WITH_ROLE.test(line);
}
const OPENS_WITH_ROLE = new RegExp(`^(?:${ROLE.source})`, 'i');
