// Puts one route's page in index.html's first requests: a modulepreload for the page's chunk and every chunk it imports
// statically, and its style sheets, so the browser fetches them beside the entry script instead of after it (the router
// only imports a page once it has resolved the route, and Vite's preload of a dynamic import's dependencies starts then
// too). The sign-in page is where a visitor lands first. Vite's preload helper finds the style sheets already in the
// document and does not wait for them again. Nothing is inlined (the CSP allows no inline script).
import type { Plugin } from 'vite';

export function preloadRoute(page: string): Plugin {
  return {
    name: 'notes:preload-route',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const root = chunks.find((c) => c.facadeModuleId?.endsWith(page));
        if (!root) throw new Error(`preload-route: no chunk for ${page}`);
        const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          if (entries.has(fileName) || scripts.has(fileName)) return;
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk) return;
          scripts.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const imported of chunk.imports) visit(imported);
        };
        visit(root.fileName);
        return [
          ...[...scripts].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
          ...[...styles].map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}
