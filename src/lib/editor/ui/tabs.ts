/**
 * The ids that tie a Tabs row to its panel, so the panel (which the page lays out itself) and
 * the tabs name each other: each tab `aria-controls` the panel, the panel is `aria-labelledby`
 * the selected tab.
 */

/** The id of one tab of the row `id`. */
export function tabId(id: string, key: string): string {
  return `${id}-tab-${key}`;
}

/** The id of the row's one panel, whose content follows the selected tab. */
export function tabPanelId(id: string): string {
  return `${id}-panel`;
}

/** The attributes of the panel of the row `id` while `selected` shows: spread them onto it. */
export function tabPanel(
  id: string,
  selected: string
): { id: string; role: 'tabpanel'; 'aria-labelledby': string } {
  return { id: tabPanelId(id), role: 'tabpanel', 'aria-labelledby': tabId(id, selected) };
}
