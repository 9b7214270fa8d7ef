/**
 * The gallery's sections of elements that show things: layout (Stack, Grid, Card, Divider,
 * Spacer), typography (Heading, Text) and content (Badge, Icon, Link, Image), with the pictures
 * and icon names they show.
 */
import type { ViewTreeNode } from '$lib/elements/types';
import type { SampleKit } from './sample-builder';

const LANDSCAPE =
  'data:image/svg+xml,' +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180">` +
      `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="#818cf8"/><stop offset="1" stop-color="#fbcfe8"/></linearGradient></defs>` +
      `<rect width="320" height="180" fill="url(#s)"/><circle cx="236" cy="64" r="26" fill="#fef3c7"/>` +
      `<path d="M0 130 80 70l60 50 50-36 130 96H0z" fill="#4f46e5"/>` +
      `<path d="M0 180v-30l90-40 70 40 60-26 100 56z" fill="#312e81"/></svg>`
  );

const AVATAR =
  'data:image/svg+xml,' +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><rect width="96" height="96" fill="#0e7490"/>` +
      `<circle cx="48" cy="38" r="17" fill="#a5f3fc"/><path d="M14 96c4-22 18-32 34-32s30 10 34 32z" fill="#a5f3fc"/></svg>`
  );

const ICON_NAMES = [
  'plus',
  'minus',
  'check',
  'x',
  'trash',
  'edit',
  'star',
  'heart',
  'search',
  'settings',
  'user',
  'home',
  'calendar',
  'clock',
  'mail',
  'bell',
  'arrow-right',
  'arrow-left',
  'chevron-down',
  'info'
];

const TONES = ['neutral', 'accent', 'success', 'warning', 'danger'];

/** Layout: Stack, Grid, Card, Divider and Spacer, in every tone. */
export function layoutSection(kit: SampleKit): ViewTreeNode {
  const { n, section } = kit;
  return section(
    'layout',
    'Layout',
    'Stack, Grid, Card, Divider and Spacer arrange everything else.',
    [
      n(
        'Grid',
        'tone-grid',
        { minColumnWidth: 150, gap: 'sm' },
        TONES.map((tone, i) =>
          n(
            'Card',
            `tone-${tone}`,
            { title: tone, tone, padding: 'sm', elevation: i === 1 ? 'raised' : 'flat' },
            [
              n('Text', `tone-${tone}-text`, {
                text: i === 1 ? 'raised' : 'flat',
                size: 'xs',
                tone: 'muted'
              })
            ]
          )
        )
      ),
      n('Divider', 'layout-divider', { spacing: 'xs' }),
      n('Stack', 'spacer-row', { direction: 'horizontal', align: 'center', gap: 'none' }, [
        n('Badge', 'spacer-left', { text: 'Spacer xl →', tone: 'accent' }),
        n('Spacer', 'spacer-xl', { size: 'xl' }),
        n('Badge', 'spacer-right', { text: '← between', tone: 'accent' }),
        n('Divider', 'row-divider', { spacing: 'md' }),
        n('Text', 'row-divider-text', { text: 'A divider in a row stands upright', size: 'sm' })
      ]),
      n('Grid', 'theme-grid', { columns: 2, gap: 'sm' }, [
        n(
          'Card',
          'pinned-dark',
          { title: 'Always dark', theme: 'dark', elevation: 'flat', padding: 'sm' },
          [
            n('Text', 'pinned-dark-text', {
              text: 'theme: "dark" switches the subtree.',
              size: 'sm',
              tone: 'muted'
            }),
            n('Button', 'pinned-dark-button', {
              label: 'Inside dark',
              size: 'sm',
              variant: 'secondary'
            })
          ]
        ),
        n(
          'Card',
          'pinned-light',
          { title: 'Always light', theme: 'light', elevation: 'flat', padding: 'sm' },
          [
            n('Text', 'pinned-light-text', {
              text: 'theme: "light" does the same.',
              size: 'sm',
              tone: 'muted'
            }),
            n('Button', 'pinned-light-button', {
              label: 'Inside light',
              size: 'sm',
              variant: 'secondary'
            })
          ]
        )
      ])
    ]
  );
}

/** Typography: headings and text in their sizes, weights and tones. */
export function typographySection(kit: SampleKit): ViewTreeNode {
  const { n, section } = kit;
  return section('type', 'Typography', 'Headings 1–6 and text in every size, weight and tone.', [
    n('Stack', 'headings', { gap: 'xs' }, [
      ...[1, 2, 3, 4, 5, 6].map((level) =>
        n('Heading', `heading-${level}`, { text: `Heading level ${level}`, level })
      )
    ]),
    n('Divider', 'type-divider', { spacing: 'none' }),
    n('Stack', 'sizes', { direction: 'horizontal', align: 'end', gap: 'md', wrap: true }, [
      ...['xl', 'lg', 'md', 'sm', 'xs'].map((size) =>
        n('Text', `size-${size}`, { text: `Text ${size}`, size })
      )
    ]),
    n('Stack', 'weights', { direction: 'horizontal', gap: 'md', wrap: true }, [
      ...['normal', 'medium', 'bold'].map((weight) =>
        n('Text', `weight-${weight}`, { text: weight, weight })
      )
    ]),
    n('Stack', 'tones', { direction: 'horizontal', gap: 'md', wrap: true }, [
      ...['muted', 'normal', 'accent', 'success', 'warning', 'danger'].map((tone) =>
        n('Text', `text-tone-${tone}`, { text: tone, tone, weight: 'medium' })
      )
    ]),
    n('Text', 'centered', {
      text: 'Centred text, with\na kept line break.',
      align: 'center',
      tone: 'muted',
      size: 'sm'
    })
  ]);
}

/** Content: badges, icons, links and images. */
export function contentSection(kit: SampleKit): ViewTreeNode {
  const { n, section } = kit;
  return section('content', 'Content', 'Badges, icons, links and images.', [
    n('Stack', 'badges', { direction: 'horizontal', gap: 'sm', wrap: true }, [
      ...TONES.map((tone) => n('Badge', `badge-${tone}`, { text: tone, tone })),
      n('Badge', 'badge-count', { text: 12, tone: 'accent' })
    ]),
    n('Stack', 'icons', { direction: 'horizontal', gap: 'md', wrap: true, align: 'center' }, [
      ...ICON_NAMES.map((name) => n('Icon', `icon-${name}`, { name })),
      n('Icon', 'icon-unknown', { name: 'no-such-icon' }),
      n('Icon', 'icon-heart-red', { name: 'heart', color: '#e11d48', size: 28 }),
      n('Icon', 'icon-star-gold', { name: 'star', color: '#f59e0b', size: 28 })
    ]),
    n('Stack', 'links', { direction: 'horizontal', gap: 'lg', wrap: true }, [
      n('Link', 'link-anchor', { text: 'An anchor', href: '#elements-log' }),
      n('Link', 'link-new-tab', { text: 'This gallery', href: '/elements', newTab: true }),
      n('Link', 'link-mail', { text: 'Write to us', href: 'mailto:hello@example.com' }),
      n('Link', 'link-refused', {
        text: 'javascript: (refused)',
        href: 'javascript:alert(1)'
      })
    ]),
    n('Grid', 'images', { columns: 3, gap: 'md' }, [
      n('Image', 'image-cover', {
        src: LANDSCAPE,
        alt: 'Hills at sunset',
        height: 96,
        radius: 'md'
      }),
      n('Stack', 'avatar-row', { direction: 'horizontal', gap: 'sm', align: 'center' }, [
        n('Image', 'image-avatar', {
          src: AVATAR,
          alt: 'Avatar',
          width: 56,
          height: 56,
          radius: 'full'
        }),
        n('Stack', 'avatar-text', { gap: 'none' }, [
          n('Text', 'avatar-name', { text: 'Grace Hopper', weight: 'medium', size: 'sm' }),
          n('Text', 'avatar-role', { text: 'radius: full', tone: 'muted', size: 'xs' })
        ])
      ]),
      n('Image', 'image-empty', { src: '', alt: 'No picture yet', height: 96, radius: 'md' })
    ])
  ]);
}
