/** A note set apart as a quote, as the HTML page's asides: `> **Title:** text`, every line quoted. */
export function quoteNote(title: string, markdown: string): string {
  const lines = `**${title}:** ${markdown.trim()}`.split('\n');
  return lines.map((line) => (line.trim() === '' ? '>' : `> ${line}`)).join('\n');
}
