// The app's collections. The engine has no listCollections, so the tool cannot ask; test/collections.test.mjs keeps this
// list equal to Notes.Api/Infrastructure/Mongo/CollectionNames.cs.
export const collections = ["users", "sessions", "notes", "throttles", "idempotentRequests", "revisions", "accessTokens", "shares", "dataProtectionKeys"];
