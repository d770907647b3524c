// The iframe entry (embed.html), for hosts that allow no scripts of their own: one
// <handshake-sim> filling the frame, its attributes from the URL's query (?scenario=…&view=…,
// the element's names), or a scenario packed in the fragment as a share link (#s1.…). The page
// that framed it may drive it with postMessage (framePort.ts); no other page can. Like the app it
// works offline after its first load (src/offline), and a new version says so above the element.
import { mount, unmount } from 'svelte';
import '../ui/theme.css';
import { registerOffline } from '../offline/registerOffline.ts';
import UpdateNotice from '../ui/UpdateNotice.svelte';
import { isShareFragment, readShareFragment } from '../viz/share/index.ts';
import { EMBED_ATTRIBUTES, MAX_HEIGHT, MIN_HEIGHT } from './embedOptions.ts';
import { MAX_DOCUMENT_BYTES } from './embedDocuments.ts';
import { defineHandshakeSim, TAG } from './HandshakeSimElement.ts';
import { connectFramePort, type DrivenElement } from './framePort.ts';

defineHandshakeSim(new URL('./', location.href), true);

async function start(): Promise<void> {
  const element = document.createElement(TAG) as HTMLElement & DrivenElement;
  const params = new URLSearchParams(location.search);
  for (const name of EMBED_ATTRIBUTES) {
    const value = params.get(name);
    if (value !== null) element.setAttribute(name, value);
  }
  const fitHeight = () => {
    if (params.has('height')) return;
    const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.floor(innerHeight)));
    element.setAttribute('height', String(height));
  };
  fitHeight();
  addEventListener('resize', fitHeight);
  // A document in the fragment goes to the element as a script element of this page: data, inert.
  if (!params.has('scenario') && isShareFragment(location.hash)) {
    const read = await readShareFragment(location.hash, MAX_DOCUMENT_BYTES);
    if (!read.ok) {
      const said = document.createElement('p');
      said.setAttribute('role', 'alert');
      said.textContent = `Handshake cannot show this simulation: ${read.message}.`;
      document.body.append(said);
      return;
    }
    const holder = document.createElement('script');
    holder.type = 'application/json';
    holder.id = 'hs-fragment';
    holder.textContent = read.text;
    document.body.append(holder);
    element.setAttribute('scenario', '#hs-fragment');
  }
  connectFramePort(window, element, new URLSearchParams(location.search));
  document.body.append(element);
  // A new version waits for the learner: a notice over the frame, never a reload mid-lesson.
  registerOffline((apply) => {
    const target = document.createElement('div');
    document.body.prepend(target);
    const notice = mount(UpdateNotice, {
      target,
      props: { apply, onlater: () => void unmount(notice).then(() => target.remove()) },
    });
  });
}

void start();
