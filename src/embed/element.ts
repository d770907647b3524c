// The embed bundle's entry, built to handshake-sim.js next to the app's index.html: importing it
// defines <handshake-sim>. "Open in Handshake" goes to the app beside it.
import { defineHandshakeSim } from './HandshakeSimElement.ts';

defineHandshakeSim(new URL(import.meta.env.DEV ? '/' : './', import.meta.url));
