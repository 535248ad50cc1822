import fs from 'node:fs';
import path from 'node:path';
import type { AppPlugin } from '@grafana/data';

export const DIST = path.resolve(__dirname, '../../dist');
const PLUGIN_ID = 'sre-reliability-app';
const PUBLIC_URL = `http://localhost/public/plugins/${PLUGIN_ID}/`;

/** Loads a file from dist/ into the jsdom window, the way a browser runs a <script>. */
function runScript(file: string) {
  new Function(fs.readFileSync(path.join(DIST, file), 'utf8'))();
}

/**
 * Webpack loads lazy chunks by appending <script src=".../N.js?_cache=..."> to document.head, which jsdom does
 * not execute. Run the matching dist/ file instead, then signal load as the browser would.
 */
function serveLazyChunksFromDist() {
  const original = document.head.appendChild.bind(document.head);
  document.head.appendChild = <T extends Node>(node: T): T => {
    if (node instanceof HTMLScriptElement && node.src.startsWith(PUBLIC_URL)) {
      const file = new URL(node.src).pathname.slice(new URL(PUBLIC_URL).pathname.length);
      setTimeout(() => {
        runScript(file);
        node.onload?.(new Event('load'));
      }, 0);
      return node;
    }
    return original(node);
  };
}

/** The dependency list dist/module.js declares in its AMD `define([...])`. */
export function declaredDependencies(): string[] {
  const source = fs.readFileSync(path.join(DIST, 'module.js'), 'utf8');
  const match = source.match(/define\((\[[^\]]*\])/);
  if (!match) {
    throw new Error('dist/module.js is not an AMD module');
  }
  return JSON.parse(match[1]);
}

/**
 * Evaluates dist/module.js as Grafana's SystemJS/AMD loader does: each external resolves to the real package
 * from node_modules (the same instances the test renders with), and AMD's `module` meta-dependency carries the
 * URI from which webpack derives the public path for lazy chunks.
 */
export function loadPluginFromDist(): AppPlugin {
  serveLazyChunksFromDist();
  let exported: { plugin?: AppPlugin } | undefined;
  const define = (deps: string[], factory: (...args: unknown[]) => typeof exported) => {
    const resolved = deps.map((dep) => (dep === 'module' ? { uri: `${PUBLIC_URL}module.js` } : require(dep)));
    exported = factory(...resolved);
  };
  const source = fs.readFileSync(path.join(DIST, 'module.js'), 'utf8');
  new Function('define', source)(define);
  if (!exported?.plugin) {
    throw new Error('dist/module.js did not export `plugin`');
  }
  return exported.plugin;
}
