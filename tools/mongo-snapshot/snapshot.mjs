// Keeps the embedded engine's data on disk, beside the engine, so the API never knows. Run by ./run.sh (tools/lib.sh):
//   node snapshot.mjs restore <engine uri> <data folder>             the newest snapshot into a fresh engine
//   node snapshot.mjs keep <engine uri> <data folder> <seconds>      saves when something changed, and on SIGTERM
//   node snapshot.mjs migrate <data folder> <target uri> [--merge]   everything into a real MongoDB
// The database is Mongo__Database's, as for the API (default notes).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MongoClient } from "mongodb";
import { collections } from "./lib/collections.mjs";
import { readAll } from "./lib/read.mjs";
import { DamagedSnapshot, checksum, loadNewest, save, serialize } from "./lib/store.mjs";
import { nonEmptyCollections, writeAll } from "./lib/write.mjs";

const database = process.env.Mongo__Database || "notes";
const say = (message) => console.log(`[snapshot] ${message}`);

const counts = (documents) => collections.map((name) => `${documents[name].length} ${name}`).join(", ");

async function withClient(uri, work) {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

async function restore(uri, dataDir) {
  // Two runs saving into one folder would each overwrite the other's notes.
  if (runningEngine(dataDir)) throw new Error(`Another ./run.sh is running on ${dataDir}: stop it first, or set NOTES_DATA_DIR to another folder.`);
  const snapshot = loadNewest(dataDir);
  if (!snapshot) return say(`No snapshot in ${dataDir} yet: starting empty.`);
  await withClient(uri, (client) => writeAll(client, database, snapshot));
  say(`Restored ${counts(snapshot.documents)} from ${snapshot.folder} (saved ${snapshot.savedAt}).`);
}

// While it runs, <data folder>/live.json names the engine, so a migration copies the live data rather than a snapshot
// up to one interval old.
async function keep(uri, dataDir, seconds) {
  const interval = Number(seconds) * 1000;
  if (!(interval > 0)) throw new Error(`NOTES_SNAPSHOT_INTERVAL must be a positive number of seconds, not "${seconds}".`);
  const live = join(dataDir, "live.json");
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  let saved = loadNewest(dataDir)?.checksums ?? {};

  // The engine offers no cheap sign of change (no change streams, oplog, dbHash or collStats), and a count with the
  // newest id misses an edit in place; so each round reads everything at one point in time and writes only when a file's
  // checksum differs from the last save's.
  async function saveIfChanged() {
    const started = performance.now();
    // Every write acknowledged before this instant is in the snapshot: its point in time comes after.
    const readAt = new Date().toISOString();
    const snapshot = await readAll(client, database);
    const files = serialize(snapshot);
    const checksums = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, checksum(text)]));
    if (Object.keys(files).every((name) => checksums[name] === saved[name])) return;
    const folder = save(dataDir, files, { readAt, database, counts: Object.fromEntries(collections.map((c) => [c, snapshot.documents[c].length])) });
    saved = checksums;
    say(`Saved ${counts(snapshot.documents)} to ${folder} in ${Math.round(performance.now() - started)} ms.`);
  }

  let round = Promise.resolve();
  let timer;
  const schedule = () => {
    timer = setTimeout(() => {
      round = saveIfChanged().catch((error) => console.error(`[snapshot] This save failed, the next one tries again: ${error.message}`));
      round.then(schedule);
    }, interval);
  };

  // Ctrl+C reaches every process run.sh started; run.sh stops the API first and then sends SIGTERM, so this save is the last.
  process.on("SIGINT", () => {});
  process.once("SIGTERM", async () => {
    clearTimeout(timer);
    let status = 0;
    try {
      await round;
      await saveIfChanged();
    } catch (error) {
      console.error(`[snapshot] The last save failed: ${error.message}`);
      status = 1;
    }
    rmSync(live, { force: true });
    await client.close();
    process.exit(status);
  });

  await client.connect();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(live, JSON.stringify({ uri, pid: process.pid }) + "\n");
  schedule();
}

function runningEngine(dataDir) {
  const live = join(dataDir, "live.json");
  if (!existsSync(live)) return null;
  const { uri, pid } = JSON.parse(readFileSync(live, "utf8"));
  try {
    process.kill(pid, 0);
    return uri;
  } catch {
    return null; // left behind by a run that was killed
  }
}

async function migrate(dataDir, target, options) {
  const merge = options.includes("--merge");
  const liveUri = runningEngine(dataDir);
  const snapshot = liveUri ? await withClient(liveUri, (client) => readAll(client, database)) : loadNewest(dataDir);
  if (!snapshot) throw new Error(`There is nothing to migrate: ${dataDir} holds no snapshot and no ./run.sh is running on it.`);
  const source = liveUri ? `the running embedded engine (${dataDir})` : snapshot.folder;

  await withClient(target, async (client) => {
    const taken = await nonEmptyCollections(client, database);
    if (taken.length > 0 && !merge) {
      throw new Error(
        `The database "${database}" at the target already holds NotesSlices data (${taken.join(", ")}): nothing was copied.\n` +
          "Run again with --merge to copy into it anyway (a document with the same _id is replaced by the copy).",
      );
    }
    await writeAll(client, database, snapshot, { merge });
  });
  say(`Copied ${counts(snapshot.documents)} from ${source} into the database "${database}".`);
  say("Carry on there with: Mongo__ConnectionString=<the same connection string> ./run.sh");
}

const [command, ...args] = process.argv.slice(2);
const commands = { restore, keep, migrate: (dataDir, target, ...options) => migrate(dataDir, target, options) };
try {
  if (!commands[command]) throw new Error(`Unknown command "${command}": restore, keep or migrate.`);
  await commands[command](...args);
} catch (error) {
  console.error(error instanceof DamagedSnapshot ? error.message : `[snapshot] ${error.message}`);
  process.exit(1);
}
