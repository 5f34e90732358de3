// jsdom (jest-environment-jsdom 29) lacks TextEncoder, which the fake Excel host uses to count request bytes as a
// browser would. Import this module before the fake host.
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
