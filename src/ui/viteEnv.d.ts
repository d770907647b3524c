// Vite's client types for the browser app: CSS side-effect imports, import.meta.env, assets.
/// <reference types="vite/client" />
