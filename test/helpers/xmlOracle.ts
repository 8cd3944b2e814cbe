/**
 * What a conforming XML parser gives back for a string our writer escaped: characters XML 1.0
 * forbids (C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF) become U+FFFD.
 * Written apart from the writer's own scanner, as a regex, so the two check each other.
 */
export function sanitizeXmlText(s: string): string {
  // oxlint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
