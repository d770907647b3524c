// Share links: a scenario document carried in the URL's fragment, written and read back with every
// step checked (shareLink.ts). A topic of its own, so that a page that only links to the app (an
// embed's "Open in Handshake", embed.html's fragment) loads none of the editor.
export { isShareFragment, readShareFragment, SHARE_PREFIX, shareFragment } from './shareLink.ts';
