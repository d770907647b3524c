// The <handshake-sim> custom element: a Handshake simulation in a course page with one tag. Its
// attributes (embedOptions.ts) say what to show; it draws EmbedApp in an open shadow root with the
// theme's styles inside it, so the host page's CSS and ours never meet. It runs the simulation in
// the page in slices, animates only while on screen, and tells the page what happens with
// hs-ready, hs-step, hs-complete and hs-error events (bubbling, composed). Methods: play(),
// pause(), seek(t), load(doc).

import { mount, unmount } from 'svelte';
import themeCss from '../ui/theme.css?inline';
import { locale } from '../ui/i18n/locale.svelte.ts';
import EmbedApp from './EmbedApp.svelte';
import { EMBED_ATTRIBUTES, type EmbedAttribute } from './embedOptions.ts';
import { EmbedSession, type EmbedCallbacks } from './embedSession.svelte.ts';
import { shadowTheme } from './shadowStyles.ts';

/** The events an embed fires, by what they tell. */
export const EMBED_EVENTS = {
  ready: 'hs-ready',
  step: 'hs-step',
  complete: 'hs-complete',
  error: 'hs-error',
} as const satisfies Record<keyof EmbedCallbacks, string>;

/** The element's tag. */
export const TAG = 'handshake-sim';

/** Makes the element class for an app served at `appUrl` (where "Open in Handshake" goes). */
export function handshakeSimElement(appUrl: URL, controlsByDefault = false) {
  return class HandshakeSimElement extends HTMLElement {
    static readonly observedAttributes: readonly string[] = [...EMBED_ATTRIBUTES, 'data-theme'];
    #session: EmbedSession | null = null;
    #component: ReturnType<typeof mount> | null = null;
    #observer: IntersectionObserver | null = null;
    #configured: Promise<void> = Promise.resolve();
    #scheduled = false;
    /** The system's colour scheme, followed while no data-theme is set. */
    #systemScheme =
      typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    #onSchemeChange = () => {
      if (this.#session) this.#session.scheme = this.#scheme();
    };

    connectedCallback(): void {
      if (!this.#session) this.#build();
      this.#observer ??= new IntersectionObserver((entries) => {
        for (const entry of entries) this.#session?.setVisible(entry.isIntersecting);
      });
      this.#observer.observe(this);
    }

    disconnectedCallback(): void {
      this.#observer?.disconnect();
      this.#observer = null;
      this.#session?.setVisible(false);
      // Moved within the page (removed and put back in one go) it stays; taken away, it is torn
      // down, so a page that swaps embeds in and out does not keep their runs. Put back later,
      // it starts afresh from its attributes.
      queueMicrotask(() => {
        if (!this.isConnected) this.#destroy();
      });
    }

    attributeChangedCallback(name: string, old: string | null, value: string | null): void {
      if (old === value || !this.#session) return;
      if (name === 'data-theme') this.#session.scheme = this.#scheme();
      else this.#schedule();
    }

    /** Plays the run (once recorded and on screen). */
    play(): void {
      this.#session?.play();
    }

    pause(): void {
      this.#session?.pause();
    }

    /** Shows moment `t`, paused: simulated seconds (a number) or a duration such as "1.5ms". */
    seek(t: number | string): void {
      if (!this.#session)
        throw new Error('handshake-sim seek(t): the element is not on a page yet');
      this.#session.seek(t);
    }

    /**
     * Shows a scenario document (its JSON text or the object) instead of the one the attributes
     * name, and runs it; rejects with what is wrong when it is not a valid scenario.
     */
    async load(doc: unknown): Promise<void> {
      if (!this.#session)
        throw new Error('handshake-sim load(doc): the element is not on a page yet');
      await this.#configured;
      await this.#session.load(doc);
    }

    #build(): void {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = shadowTheme(themeCss);
      const target = document.createElement('div');
      shadow.replaceChildren(style, target);
      // The page's language (one for every embed on it, as they share the texts' state).
      const language = document.documentElement.lang.toLowerCase();
      if (language) locale.follow(language.startsWith('de') ? 'de' : 'en');
      const root = this.getRootNode() as Document | ShadowRoot;
      this.#session = new EmbedSession(
        this.#callbacks(),
        {
          root: typeof root.getElementById === 'function' ? root : document,
          base: document.baseURI,
        },
        appUrl,
      );
      this.#session.scheme = this.#scheme();
      this.#systemScheme?.addEventListener('change', this.#onSchemeChange);
      this.#component = mount(EmbedApp, { target, props: { session: this.#session } });
      this.#schedule();
    }

    /** Reads the attributes once for every change made in one go (a microtask later). */
    #schedule(): void {
      if (this.#scheduled) return;
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        const session = this.#session;
        if (!session) return;
        this.#configured = session.configure(
          (name: EmbedAttribute) => this.getAttribute(name),
          controlsByDefault,
        );
      });
    }

    #scheme(): 'light' | 'dark' {
      const chosen = this.getAttribute('data-theme');
      if (chosen === 'dark' || chosen === 'light') return chosen;
      return this.#systemScheme?.matches ? 'dark' : 'light';
    }

    #callbacks(): EmbedCallbacks {
      const fire = (name: string, detail: unknown) =>
        this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
      return {
        ready: (detail) => fire(EMBED_EVENTS.ready, detail),
        step: (detail) => fire(EMBED_EVENTS.step, detail),
        complete: (detail) => fire(EMBED_EVENTS.complete, detail),
        error: (detail) => fire(EMBED_EVENTS.error, detail),
      };
    }

    /** Tears the element's app down (when it leaves the page). */
    #destroy(): void {
      this.#systemScheme?.removeEventListener('change', this.#onSchemeChange);
      this.#observer?.disconnect();
      this.#observer = null;
      if (this.#component) void unmount(this.#component);
      this.#component = null;
      this.#session?.dispose();
      this.#session = null;
    }
  };
}

/** Defines <handshake-sim> unless the page already has it (a second copy of the module). */
export function defineHandshakeSim(appUrl: URL, controlsByDefault = false): void {
  if (typeof customElements === 'undefined' || customElements.get(TAG)) return;
  customElements.define(TAG, handshakeSimElement(appUrl, controlsByDefault));
}
