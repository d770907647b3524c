// The embed's global styles, for its shadow root: Handshake's theme (src/ui/theme.css) with its
// page selectors turned to the shadow host's (`:root` to `:host`, the theme switch's
// `[data-theme]` on <html> to one on the element), the page-only `body` rule dropped, and the
// host page's inherited text styles reset first, so the host neither styles the embed nor is
// styled by it.

/** Resets what a host page's styles would hand down into the shadow tree, then shows a block. */
const HOST_RESET = `:host {
  all: initial;
  display: block;
  contain: content;
}
:host([hidden]) {
  display: none;
}
`;

/** The theme's CSS with every page selector turned to the shadow host's. */
export function shadowTheme(css: string): string {
  // The build minifies the CSS first, unquoting attribute values: match either form.
  const turned = css
    .replace(/:root:not\(\[data-theme=(['"]?)light\1\]\)/g, ":host(:not([data-theme='light']))")
    .replace(/:root\[data-theme=(['"]?)dark\1\]/g, ":host([data-theme='dark'])")
    .replace(/:root/g, ':host')
    .replace(/(^|[\n}])\s*body\s*\{[^}]*\}/g, '$1');
  return `${HOST_RESET}${turned}`;
}
