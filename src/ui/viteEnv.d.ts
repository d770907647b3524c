// Vite's client types for the browser app: CSS side-effect imports, import.meta.env, assets.
/// <reference types="vite/client" />

/** German's catalogs, loaded late in the page's build (build/lateGerman.ts). */
declare module 'virtual:handshake-german' {
  const loaded: true;
  export default loaded;
}

/** Whether German's catalogs load late in this build (build/lateGerman.ts). */
declare module 'virtual:handshake-german-registry' {
  export const late: boolean;
}
