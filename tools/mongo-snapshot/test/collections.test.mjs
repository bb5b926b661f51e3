import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { collections } from "../lib/collections.mjs";

test("the tool saves exactly the collections the API declares", () => {
  const source = readFileSync(new URL("../../../Notes.Api/Infrastructure/Mongo/CollectionNames.cs", import.meta.url), "utf8");
  const declared = [...source.matchAll(/public const string \w+ = "([^"]+)";/g)].map((match) => match[1]);
  assert.deepEqual([...collections].sort(), [...declared].sort());
});
