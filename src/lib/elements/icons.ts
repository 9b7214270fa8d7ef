/**
 * The built-in icon set: a few dozen common symbols drawn as stroked paths on a 24 × 24 grid
 * (round caps and joins, stroke width 2), so they take the surrounding text colour. No icon
 * package: the set is small, and an app file stays portable by naming icons, not shipping them.
 */

/** A circle as a path, so every icon is a plain list of path data. */
function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

/** A rounded rectangle as a path. */
function rect(x: number, y: number, w: number, h: number, r: number): string {
  return (
    `M${x + r} ${y}h${w - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${h - 2 * r}` +
    `a${r} ${r} 0 0 1 ${-r} ${r}h${-(w - 2 * r)}a${r} ${r} 0 0 1 ${-r} ${-r}` +
    `v${-(h - 2 * r)}a${r} ${r} 0 0 1 ${r} ${-r}z`
  );
}

/** Path data of every icon by name. */
export const ICONS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['plus', ['M12 5v14', 'M5 12h14']],
  ['minus', ['M5 12h14']],
  ['check', ['M20 6 9 17l-5-5']],
  ['x', ['M18 6 6 18', 'M6 6l12 12']],
  [
    'trash',
    [
      'M3 6h18',
      'M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6',
      'M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2',
      'M10 11v6',
      'M14 11v6'
    ]
  ],
  ['edit', ['M12 20h9', 'M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4Z']],
  [
    'star',
    [
      'M12 2.5l2.94 5.96 6.56.96-4.75 4.63 1.12 6.53L12 17.5l-5.87 3.08 1.12-6.53L2.5 9.42l6.56-.96Z'
    ]
  ],
  [
    'heart',
    [
      'M19 14c1.49-1.46 3-3.21 3-5.5A5.5 5.5 0 0 0 16.5 3c-1.76 0-3 .5-4.5 2-1.5-1.5-2.74-2-4.5-2A5.5 5.5 0 0 0 2 8.5c0 2.3 1.5 4.05 3 5.5l7 7Z'
    ]
  ],
  ['search', [circle(11, 11, 7), 'M21 21l-4.35-4.35']],
  [
    'settings',
    [
      circle(12, 12, 3),
      'M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09a1.65 1.65 0 0 0-1.08-1.51 1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06a1.65 1.65 0 0 0 .33-1.82 1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09a1.65 1.65 0 0 0 1.51-1.08 1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06a1.65 1.65 0 0 0 1.82.33H9a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06a1.65 1.65 0 0 0-.33 1.82V9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1Z'
    ]
  ],
  ['user', [circle(12, 8, 4), 'M4 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1']],
  ['home', ['M3 10.5 12 3l9 7.5', 'M5 9v11a1 1 0 0 0 1 1h4v-6h4v6h4a1 1 0 0 0 1-1V9']],
  ['calendar', [rect(3, 4, 18, 18, 2), 'M16 2v4', 'M8 2v4', 'M3 10h18']],
  ['clock', [circle(12, 12, 10), 'M12 6v6l4 2']],
  ['mail', [rect(2, 4, 20, 16, 2), 'M22 7l-8.97 5.7a1.94 1.94 0 0 1-2.06 0L2 7']],
  ['bell', ['M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9', 'M10.3 21a1.94 1.94 0 0 0 3.4 0']],
  ['arrow-right', ['M5 12h14', 'M12 5l7 7-7 7']],
  ['arrow-left', ['M19 12H5', 'M12 19l-7-7 7-7']],
  ['chevron-down', ['M6 9l6 6 6-6']],
  ['chevron-right', ['M9 18l6-6-6-6']],
  ['info', [circle(12, 12, 10), 'M12 16v-4', 'M12 8h.01']],
  [
    'alert-triangle',
    [
      'M10.29 3.86 1.82 18a2 2 0 0 0 1.71 3h16.94a2 2 0 0 0 1.71-3L13.71 3.86a2 2 0 0 0-3.42 0Z',
      'M12 9v4',
      'M12 17h.01'
    ]
  ],
  ['image', [rect(3, 3, 18, 18, 2), circle(9, 9, 2), 'M21 15l-5-5L5 21']],
  [
    'external-link',
    ['M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6', 'M15 3h6v6', 'M10 14 21 3']
  ],
  // The element types' own icons (the schemas' x-icon), for the palette and the outline.
  ['rows-3', [rect(3, 3, 18, 18, 2), 'M3 9h18', 'M3 15h18']],
  [
    'layout-grid',
    [rect(3, 3, 7, 7, 1), rect(14, 3, 7, 7, 1), rect(3, 14, 7, 7, 1), rect(14, 14, 7, 7, 1)]
  ],
  ['square', [rect(3, 3, 18, 18, 2)]],
  ['separator-horizontal', ['M3 12h18', 'M8 8l4-4 4 4', 'M16 16l-4 4-4-4']],
  ['move-vertical', ['M12 2v20', 'M8 6l4-4 4 4', 'M8 18l4 4 4-4']],
  ['heading', ['M6 4v16', 'M18 4v16', 'M6 12h12']],
  ['type', ['M4 7V4h16v3', 'M9 20h6', 'M12 4v16']],
  ['align-left', ['M3 6h18', 'M3 12h12', 'M3 18h15']],
  ['smile', [circle(12, 12, 10), 'M8 14s1.5 2 4 2 4-2 4-2', 'M9 9h.01', 'M15 9h.01']],
  ['tag', ['M12 2H2v10l9.3 9.3a2 2 0 0 0 2.8 0l7.2-7.2a2 2 0 0 0 0-2.8Z', 'M7 7h.01']],
  [
    'link',
    [
      'M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7',
      'M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7'
    ]
  ],
  ['pointer', ['M4 4l7 17 2.5-7.5L21 11Z']],
  ['text-cursor-input', [rect(2, 7, 20, 10, 2), 'M12 4v16', 'M10 4h4', 'M10 20h4']],
  ['square-check', [rect(3, 3, 18, 18, 2), 'M8 12l3 3 5-6']],
  ['hash', ['M4 9h16', 'M4 15h16', 'M10 3 8 21', 'M16 3l-2 18']],
  ['toggle-left', [rect(2, 6, 20, 12, 6), circle(8, 12, 3)]],
  [
    'sliders-horizontal',
    ['M3 6h10', 'M17 6h4', 'M3 18h4', 'M11 18h10', 'M3 12h18', 'M15 4v4', 'M9 16v4']
  ],
  [
    'repeat',
    ['M17 2l4 4-4 4', 'M3 11v-1a4 4 0 0 1 4-4h14', 'M7 22l-4-4 4-4', 'M21 13v1a4 4 0 0 1-4 4H3']
  ],
  // The studio's own (undo and redo in its top bar and history).
  ['undo', ['M9 14 4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11']],
  ['redo', ['M15 14l5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13']],
  ['git-branch', ['M6 3v12', circle(18, 6, 3), circle(6, 18, 3), 'M18 9a9 9 0 0 1-9 9']]
]);

/** Other names people reach for, mapped onto the set. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['add', 'plus'],
  ['close', 'x'],
  ['delete', 'trash'],
  ['trash-2', 'trash'],
  ['pencil', 'edit'],
  ['cog', 'settings'],
  ['gear', 'settings'],
  ['person', 'user'],
  ['house', 'home'],
  ['email', 'mail'],
  ['time', 'clock'],
  ['warning', 'alert-triangle'],
  ['alert', 'alert-triangle']
]);

/** The paths of an icon by name or alias, or undefined for a name the set does not have. */
export function iconPaths(name: string): readonly string[] | undefined {
  return ICONS.get(name) ?? ICONS.get(ALIASES.get(name) ?? '');
}
