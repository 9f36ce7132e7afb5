/**
 * Entry of the browser mode (`npm run web`, via scripts/web.mjs): starts the engine host on the
 * data folder, then the server, and prints the address with its token.
 */
import path from 'node:path';
import { distRoot } from '../engine/compiledPath.js';
import { createEngineHost } from '../engine/service/index.js';
import { parseWebOptions, WEB_USAGE } from './webOptions.js';
import { startWebServer } from './webServer.js';

const SHUTDOWN_GRACE_MS = 5000;

async function main(argv: string[]): Promise<number> {
  const parsed = parseWebOptions(argv);
  if (!parsed.ok) {
    console.error(`weft web: ${parsed.message}\n${WEB_USAGE}`);
    return 2;
  }
  const { options } = parsed;
  const host = await createEngineHost({ loadedPluginDirs: options.pluginDirs.map((dir) => path.resolve(dir)), watchDataFolder: true, watchLoadedPlugins: true, warmWorkers: true });
  let server;
  try {
    server = await startWebServer({
      port: options.port,
      rendererDir: options.rendererDir ? path.resolve(options.rendererDir) : path.join(distRoot, 'renderer'),
      openSession: () => host.createSession(),
    });
  } catch (error) {
    await host.dispose();
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE'
      ? `weft web: port ${options.port} is in use; choose another with --port N (0 picks a free one)`
      : `weft web: ${(error as Error).message}`);
    return 1;
  }
  console.log(`Weft is running at ${server.url}`);
  console.error(`weft web: data folder ${host.dataDir}; press Ctrl+C to stop`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  // A stop request always ends the process: a shutdown stuck on a file call or a plugin's worker
  // gives up after SHUTDOWN_GRACE_MS, and a second signal ends it at once.
  const force = () => process.exit(1);
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  const grace = setTimeout(() => {
    console.error(`weft web: the shutdown took over ${SHUTDOWN_GRACE_MS / 1000} s; stopping anyway`);
    force();
  }, SHUTDOWN_GRACE_MS);
  grace.unref();
  await server.close();
  await host.dispose();
  clearTimeout(grace);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    console.error(`weft web: ${(error as Error).message ?? String(error)}`);
    process.exitCode = 1;
  },
);
