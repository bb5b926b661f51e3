import { collections } from "./collections.mjs";

// Reads every collection at one point in time: a transaction with snapshot read concern sees none of the writes that
// land while it reads, so a note is never saved without the session or account it belongs with, or the other way round.
export async function readAll(client, databaseName) {
  const database = client.db(databaseName);
  const session = client.startSession();
  try {
    session.startTransaction({ readConcern: { level: "snapshot" } });
    const documents = {};
    for (const name of collections) {
      documents[name] = await database.collection(name).find({}, { session }).sort({ _id: 1 }).toArray();
    }
    await session.commitTransaction();
    // Outside the transaction, where MongoDB allows listIndexes; the app creates its indexes at start-up, never while running.
    const indexes = {};
    for (const name of collections) indexes[name] = await listIndexes(database, name);
    return { documents, indexes };
  } finally {
    await session.endSession();
  }
}

async function listIndexes(database, name) {
  const specs = await database.collection(name).listIndexes().toArray();
  return specs.filter((spec) => spec.name !== "_id_").map(({ v, ns, ...spec }) => spec);
}
