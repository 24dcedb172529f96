/**
 * Relative import specifiers. CommonJS and bundler projects take them bare (`./runtime`); ESM projects under
 * `moduleResolution: node16/nodenext` need the file named with a `.js` extension (`./runtime/index.js`).
 */
export function fileImport(specifier: string, esm: boolean): string {
  return esm ? `${specifier}.js` : specifier;
}

/** An import of a folder's index module. */
export function folderImport(specifier: string, esm: boolean): string {
  return esm ? `${specifier}/index.js` : specifier;
}
