import type { FunctionLibraryModel } from '../model/function-library';
import { folderImport } from './imports';
import type { ModuleSource } from './module';
import { importText } from './declarations';
import { quote, templateLiteral } from './text';

const CODE_PLACEHOLDER = '__luagen_library_code__';

/** `generated/library.ts` (Functions target): the library's name and the code FUNCTION LOAD receives. */
export function emitLibraryModule(library: FunctionLibraryModel, banner: string, esm: boolean): ModuleSource {
  const count = library.functions.size;
  return {
    path: 'library.ts',
    banner,
    statements: [
      importText({ typeOnly: true, from: folderImport('./runtime', esm), names: ['FunctionLibrary'] }),
      (writer) => {
        writer.blankLineIfLastNot().writeLine('/**');
        writer.writeLine(` * The Redis Functions library of ${count} function${count === 1 ? '' : 's'}. Its name carries a hash of its code, so`);
        writer.writeLine(' * each build loads and calls its own; the client loads it (FUNCTION LOAD) where it is missing.');
        writer.writeLine(' */');
        writer.write('export const library: FunctionLibrary = ').inlineBlock(() => {
          writer.writeLine(`name: ${quote(library.name)},`);
          writer.writeLine(`code: ${CODE_PLACEHOLDER},`);
        });
        writer.write(';').newLine();
      },
    ],
    // As for a script's Lua: put in after printing, so the writer need not scan the text.
    finish: (printed) => printed.replace(CODE_PLACEHOLDER, () => templateLiteral(library.code)),
  };
}
