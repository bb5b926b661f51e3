import { collections } from "./collections.mjs";

// Writes a snapshot (documents and index specs, by collection) into a database: the indexes first, so a unique one
// refuses a duplicate as the app would, then each collection in one insertMany, which pays the engine's per-write
// index scan once. With merge, a document whose _id is already there is replaced by the copy.
export async function writeAll(client, databaseName, { documents, indexes }, { merge = false } = {}) {
  const database = client.db(databaseName);
  for (const name of collections) {
    const collection = database.collection(name);
    if (indexes[name].length > 0) await collection.createIndexes(indexes[name]);
    const docs = documents[name];
    if (docs.length === 0) continue;
    if (merge) {
      await collection.bulkWrite(docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })));
    } else {
      await collection.insertMany(docs);
    }
  }
}

// The names of the app's collections that hold at least one document.
export async function nonEmptyCollections(client, databaseName) {
  const database = client.db(databaseName);
  const found = [];
  for (const name of collections) {
    if ((await database.collection(name).findOne({}, { projection: { _id: 1 } })) !== null) found.push(name);
  }
  return found;
}
