// The boundaries of docs/architecture.md §2 hold by construction: ESLint refuses an import from one feature
// into another by any relative path (the feature list is read from the folder), and the compiler refuses
// DOM or Node types in the domain (tsconfig.domain.json has neither).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const featuresDir = join(root, 'src/client/features');
const features = readdirSync(featuresDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

// Fixtures are virtual files, outside every tsconfig: lint them without type information.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    tseslint.configs.disableTypeChecked,
    { languageOptions: { parserOptions: { projectService: false } } },
  ],
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

/** Any real module of a feature, to import: its file name, and the name without the extension. */
function moduleFileOf(feature: string): string {
  const file = readdirSync(join(featuresDir, feature)).find((name) => /\.tsx?$/.test(name));
  if (!file) throw new Error(`feature ${feature} has no module`);
  return file;
}
const moduleOf = (feature: string) => moduleFileOf(feature).replace(/\.tsx?$/, '');

describe('feature boundaries (ESLint)', () => {
  it('finds the feature folders', () => {
    expect(features).toEqual(expect.arrayContaining(['attendance', 'sessions', 'review']));
  });

  it.each(features)('a module of %s may not import another feature by any path', async (feature) => {
    const other = features.find((name) => name !== feature)!;
    const target = moduleOf(other);
    const paths = [
      `../${other}/${target}`,
      `../../features/${other}/${target}`,
      `../../../client/features/${other}/${target}`,
      `./../${other}/${target}`,
      `#client/features/${other}/${moduleFileOf(other)}`,
    ];
    for (const path of paths) {
      const ids = await ruleIds(`src/client/features/${feature}/lint-fixture.ts`, `export * from '${path}';\n`);
      expect(ids, path).toContain('import-x/no-restricted-paths');
    }
  });

  it('lets a feature import its own modules and the shared client layers', async () => {
    const own = moduleOf('sessions');
    const ids = await ruleIds(
      'src/client/features/sessions/lint-fixture.ts',
      `export * from './${own}';\nexport * from '../../ui/button';\nexport * from '../../../domain/schemas/session';\n`,
    );
    expect(ids).not.toContain('import-x/no-restricted-paths');
  });

  it('refuses client or server code in the domain, and server code in the client', async () => {
    expect(await ruleIds('src/domain/lint-fixture.ts', `export * from '../client/db/database';\n`)).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('src/domain/lint-fixture.ts', `export * from '../server/db/connect';\n`)).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('src/client/lint-fixture.ts', `export * from '../server/db/connect';\n`)).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('src/client/lint-fixture.ts', `export * from '#server/db/connect';\n`)).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('src/domain/lint-fixture.ts', `export * from '#client/db/database.ts';\n`)).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('refuses browser globals in the domain', async () => {
    expect(await ruleIds('src/domain/lint-fixture.ts', 'export const title = document.title;\n')).toContain(
      'no-restricted-globals',
    );
  });
});

describe('the domain compiles without DOM or Node types', () => {
  const configPath = join(root, 'tsconfig.domain.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) throw new Error('tsconfig.domain.json could not be read');

  function diagnosticsOf(code: string): string[] {
    const fixture = join(root, 'src/domain/lint-fixture.ts');
    const host = ts.createCompilerHost(config!.options);
    const readFile = host.readFile.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (name) => (name === fixture ? code : readFile(name));
    host.fileExists = (name) => name === fixture || ts.sys.fileExists(name);
    host.getSourceFile = (name, language, ...rest) =>
      name === fixture ? ts.createSourceFile(name, code, language) : getSourceFile(name, language, ...rest);
    const program = ts.createProgram({ rootNames: [fixture], options: config!.options, host });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('accepts plain TypeScript', () => {
    expect(diagnosticsOf('export const folded: string = "Lò Thị Hoa".normalize("NFD");\n')).toEqual([]);
  });

  it('refuses a DOM type', () => {
    expect(diagnosticsOf('export let field: HTMLInputElement | null = null;\n').join('\n')).toMatch(
      /Cannot find name 'HTMLInputElement'/,
    );
  });

  it('refuses a Node type', () => {
    expect(diagnosticsOf('export const bytes: Buffer | null = null;\n').join('\n')).toMatch(
      /Cannot find name 'Buffer'/,
    );
  });
});
