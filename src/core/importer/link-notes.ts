// What a copied web page says of its links ("opens in a new tab", "(external link)"): page chrome, never part of an
// address, a name or a sentence of the appeal.

/*
 * A link's note in the languages the importer reads, with the bracket or the one space before it. Literal words only,
 * so the pattern runs once over the text in linear time.
 */
const LINK_NOTE = new RegExp(
  String.raw`[ ]?([([])?(?:` +
    [
      String.raw`(?:link |this link )?opens? (?:in )?(?:a )?new (?:tab|window)`,
      String.raw`link is external|external link`,
      String.raw`(?:link )?öffnet (?:sich )?(?:in )?(?:einem |ein )?neue[ns]? (?:tab|fenster)|externer link|link ist extern`,
      String.raw`s['’]ouvre dans (?:un nouvel onglet|une nouvelle fen[eê]tre)|ouvre (?:un nouvel onglet|une nouvelle fen[eê]tre)|nouvelle fen[eê]tre|lien externe`,
      String.raw`(?:se )?abre en una nueva (?:pesta[ñn]a|ventana)|nueva ventana|enlace externo`,
      String.raw`abre (?:em uma|numa) nova (?:aba|guia|janela)|nova janela|link externo`,
      String.raw`si apre in una nuova (?:scheda|finestra)|nuova finestra|link esterno`,
      String.raw`opent in (?:een )?nieuw (?:tabblad|venster)|nieuw venster|externe link`,
    ].join('|') +
    String.raw`)([)\]])?(\n)?`,
  'gi',
);

/* The token right before a note that makes it a link's: an e-mail or a web address ("x@y.org", "https://...", "www..."). */
const LINK_TOKEN = /(?:@|^(?:https?:\/\/|www\.))\S/i;

/**
 * "general@example.orgopens in a new tab", "https://example.org (opens in a new window)", "(external link)": a link's
 * note is taken out where it follows an e-mail or a web address, stands in brackets, or stands alone on a line. Anywhere
 * else the words are the text's own and stay.
 */
export function stripLinkNotes(text: string): string {
  return text.replace(LINK_NOTE, (note: string, open: string | undefined, close: string | undefined, end: string | undefined, at: number) => {
    const lineEnd = end ?? '';
    if (open && close) return lineEnd;
    const before = text.slice(Math.max(0, at - 200), at);
    if (LINK_TOKEN.test(before.split(/\s/).pop() ?? '')) return lineEnd;
    // Alone on its line, the note goes with its line: no blank line is left to part an official's block.
    const alone = (at === 0 || text[at - 1] === '\n') && (end !== undefined || at + note.length === text.length);
    return alone ? '' : note;
  });
}
