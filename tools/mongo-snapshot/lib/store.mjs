import { createHash } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { EJSON } from "bson";
import { collections } from "./collections.mjs";

// A data folder holds snapshot-<number>/ folders. Each is written whole under a temporary name (every file fsynced, then
// manifest.json with each file's sha256 last), then renamed into place in one step: so every snapshot-<number> folder is
// complete, the newest is the one to restore, and a save interrupted at any point leaves the previous one whole.
const folderPattern = /^snapshot-(\d+)$/;
const kept = 2;

export class DamagedSnapshot extends Error {}

// One file of canonical Extended JSON per collection, a document per line (what mongoimport reads), and the index specs.
export function serialize({ documents, indexes }) {
  const files = {};
  for (const name of collections) {
    files[`${name}.json`] = documents[name].map((doc) => EJSON.stringify(doc, { relaxed: false }) + "\n").join("");
  }
  files["indexes.json"] = EJSON.stringify(indexes, undefined, 2, { relaxed: false }) + "\n";
  return files;
}

export const checksum = (text) => createHash("sha256").update(text).digest("hex");

function snapshotFolders(dataDir) {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir)
    .map((name) => ({ name, number: Number(folderPattern.exec(name)?.[1]) }))
    .filter(({ number }) => Number.isInteger(number))
    .sort((a, b) => b.number - a.number)
    .map(({ name, number }) => ({ path: join(dataDir, name), number }));
}

function writeDurably(path, text) {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncFolder(path) {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// Writes a new snapshot folder and keeps the one before it; returns the new folder's path.
export function save(dataDir, files, details) {
  mkdirSync(dataDir, { recursive: true });
  const folders = snapshotFolders(dataDir);
  const number = (folders[0]?.number ?? 0) + 1;
  const target = join(dataDir, `snapshot-${String(number).padStart(6, "0")}`);
  const temporary = join(dataDir, `.saving-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary);

  const manifest = { format: 1, savedAt: new Date().toISOString(), ...details, files: {} };
  for (const [name, text] of Object.entries(files)) {
    writeDurably(join(temporary, name), text);
    manifest.files[name] = { sha256: checksum(text), bytes: Buffer.byteLength(text) };
  }
  writeDurably(join(temporary, "manifest.json"), JSON.stringify(manifest, undefined, 2) + "\n");
  fsyncFolder(temporary);
  renameSync(temporary, target);
  fsyncFolder(dataDir);

  for (const old of snapshotFolders(dataDir).slice(kept)) rmSync(old.path, { recursive: true, force: true });
  return target;
}

// The newest snapshot, checked against its manifest; null when the folder holds none yet. Throws DamagedSnapshot, naming
// the file and what to do, rather than ever handing back less than was saved.
export function loadNewest(dataDir) {
  const [newest, previous] = snapshotFolders(dataDir);
  if (!newest) return null;
  const damaged = (file, reason) => new DamagedSnapshot(damageMessage(newest.path, previous?.path, file, reason));

  const manifestPath = join(newest.path, "manifest.json");
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch (error) {
    throw damaged(manifestPath, error.code === "ENOENT" ? "it is missing" : `it cannot be read: ${error.message}`);
  }

  const texts = {};
  for (const name of [...collections.map((c) => `${c}.json`), "indexes.json"]) {
    const path = join(newest.path, name);
    const expected = manifest.files?.[name]?.sha256;
    if (!expected) throw damaged(manifestPath, `it does not list ${name}`);
    try {
      texts[name] = readFileSync(path, "utf8");
    } catch (error) {
      throw damaged(path, `it cannot be read: ${error.message}`);
    }
    if (checksum(texts[name]) !== expected) throw damaged(path, "its sha256 differs from the one manifest.json recorded");
  }

  const documents = {};
  for (const name of collections) {
    documents[name] = texts[`${name}.json`].split("\n").filter((line) => line.length > 0).map((line) => EJSON.parse(line, { relaxed: false }));
  }
  const indexes = EJSON.parse(texts["indexes.json"], { relaxed: false });
  const checksums = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, checksum(text)]));
  return { folder: newest.path, savedAt: manifest.savedAt, documents, indexes, checksums };
}

function damageMessage(folder, previous, file, reason) {
  const whatToDo = previous
    ? `The previous snapshot, ${previous}, is kept beside it: to start from that one (losing what was saved after it), ` +
      `move the damaged one away (mv ${folder} ${folder}.damaged) and start again.`
    : `There is no earlier snapshot: put back ${folder} from a backup, or move it away (mv ${folder} ${folder}.damaged) to start empty.`;
  return `The saved data cannot be restored: ${file} is damaged (${reason}). Nothing was started.\n${whatToDo}`;
}
