namespace Notes.Api.Infrastructure.Mongo;

internal static class MongoErrors
{
    const int DuplicateKey = 11000;

    /// <summary>A unique index refused the write. Servers report it as a write error or, on some engines, as a command error.</summary>
    public static bool IsDuplicateKey(this MongoException ex) => ex switch
    {
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoCommandException command => command.Code == DuplicateKey,
        _ => false,
    };

    /// <summary>
    /// The database could not be reached, or could not answer, in time: a client should retry later (503), it is not a bug (500).
    /// That includes a query the server stopped at its time limit (maxTimeMS), a sign of a server too busy to answer now, and a
    /// connection pool the driver paused after a server stopped answering: it resumes once the server answers again.
    /// </summary>
    public static bool IsUnavailable(Exception ex) =>
        ex is MongoConnectionException or TimeoutException or MongoExecutionTimeoutException or MongoConnectionPoolPausedException;
}
