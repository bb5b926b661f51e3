namespace Notes.Api.Infrastructure.Mongo;

internal static class MongoTime
{
    /// <summary>Now, cut to the millisecond a BSON date holds, so a note answered on write equals the note read back.</summary>
    public static DateTime UtcNowForMongo(this TimeProvider clock) =>
        DateTime.UnixEpoch.AddMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
}
