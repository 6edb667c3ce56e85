// Lists every route the app itself declares (method and path), by walking Express 5's router stack, so that
// route-wide checks cover a new route without anyone remembering to add it.
interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

export interface DeclaredRoute {
  method: string;
  path: string;
}

export function declaredRoutes(app: unknown): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) routes.push({ method: method.toUpperCase(), path: join(prefix, layer.route.path) });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, join(prefix, typeof layer.rawPath === 'string' ? layer.rawPath : ''));
      }
    }
  };
  walk((app as { router: { stack: Layer[] } }).router.stack, '');
  return routes;
}

function join(a: string, b: string): string {
  const path = `${a}/${b}`.replace(/\/+/g, '/');
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

/** Fills route parameters with values that reach the handler in the test data. */
export function fillPath(path: string, values: Record<string, string>, fallback = '1'): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? fallback);
}
