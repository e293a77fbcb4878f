import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '..', 'src');
const MODULES = path.join(SRC, 'modules');
/** The shared kernel sits below every feature module and imports none of them. */
const KERNEL = ['common', 'config', 'database', 'queue'].map((dir) => path.join(SRC, dir));

const moduleOf = (file) => {
  const relative = path.relative(MODULES, file);
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? null
    : relative.split(path.sep)[0];
};

/**
 * Layers (DESIGN.md): a feature module, the orchestration layer and the entry points reach
 * another feature module only through its public `src/modules/<name>/index.ts`; the shared
 * kernel reaches none.
 */
export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Import feature modules only through their public index.ts' },
    messages: {
      internals:
        "'{{source}}' reaches into module '{{target}}': import from its public index ('{{index}}') instead.",
      kernel: "The shared kernel must not import feature module '{{target}}' ('{{source}}').",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const own = moduleOf(file);
    const inKernel = KERNEL.some((dir) => file.startsWith(dir + path.sep));
    const check = (node) => {
      const source = node?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), source);
      const target = moduleOf(resolved);
      if (!target || target === own) return;
      const root = path.join(MODULES, target);
      if (inKernel) {
        context.report({ node, messageId: 'kernel', data: { source, target } });
      } else if (resolved !== root && resolved !== path.join(root, 'index')) {
        const relative = path.relative(path.dirname(file), root);
        const index = relative.startsWith('.') ? relative : `./${relative}`;
        context.report({ node, messageId: 'internals', data: { source, target, index } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
