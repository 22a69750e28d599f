/**
 * Text or an attribute value with &, <, >, " and ' escaped, for markup the tool writes itself (the
 * digest, the service pages' list of the other services): the five characters Astro escapes in an
 * expression's text, with the same entities, so such markup reads as Astro's would.
 * @example escapeHtml(`Billing & "Payments" <EU>`) // 'Billing &amp; &quot;Payments&quot; &lt;EU&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}
