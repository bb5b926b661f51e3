namespace Notes.Api.Infrastructure.Mongo;

internal static class CollectionNames
{
    public const string Users = "users";
    public const string Sessions = "sessions";
    public const string Notes = "notes";
    public const string Throttles = "throttles";
    public const string IdempotentRequests = "idempotentRequests";
    public const string DataProtectionKeys = "dataProtectionKeys";
    public const string Revisions = "revisions";
    public const string AccessTokens = "accessTokens";
    public const string Shares = "shares";

    public static readonly string[] All = [Users, Sessions, Notes, Throttles, IdempotentRequests, Revisions, AccessTokens, Shares, DataProtectionKeys];
}
