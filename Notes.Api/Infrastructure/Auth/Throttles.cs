using System.Globalization;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// Counts events per key in fixed windows, in MongoDB, so a limit holds across API instances: failed sign-ins per username
/// and client address, accounts created per client address. Each count is one atomic update, so parallel requests never
/// share a slot.
/// </summary>
internal sealed class Throttles(IMongoCollection<Throttle> throttles)
{
    /// <summary>Counts one more event in the current window (a window that has passed starts over) and answers the tally.</summary>
    public async Task<Throttle> CountAsync(string key, DateTime now, TimeSpan window, CancellationToken ct)
    {
        await throttles.DeleteOneAsync(t => t.Id == key && t.WindowEndsAt <= now, ct);
        while (true)
        {
            try
            {
                // One atomic upsert per event, whose answer is this event's own tally. MongoDB always answers with the tally; the
                // embedded engine (which finds, then writes by id) answers none when a request deletes the tally in between
                // (a sign-in succeeding), so the event is counted again rather than lost: a limit may over-count, never under-count.
                if (await IncrementAsync(key, now + window, ct) is { } tally)
                    return tally;
            }
            catch (MongoException ex) when (ex.IsDuplicateKey())
            {
                // Two first events raced to open the window; the loser counts itself into the winner's.
            }
        }
    }

    /// <summary>Takes back the count that answered this tally, from its own window only: one that has started over since keeps its count.</summary>
    public Task UncountAsync(Throttle tally, CancellationToken ct) =>
        throttles.UpdateOneAsync(
            t => t.Id == tally.Id && t.WindowEndsAt == tally.WindowEndsAt,
            Builders<Throttle>.Update.Inc(t => t.Count, -1),
            cancellationToken: ct);

    public Task ForgetAsync(string key, CancellationToken ct) => throttles.DeleteOneAsync(t => t.Id == key, ct);

    /// <summary>How long until the tally's window ends, in whole seconds and at least one: the <c>Retry-After</c> of a refusal.</summary>
    public static int RetryAfterSeconds(Throttle tally, DateTime now) => Math.Max(1, (int)Math.Ceiling((tally.WindowEndsAt - now).TotalSeconds));

    /// <summary>The answer to a request over its limit: <c>429</c> with <c>Retry-After</c>, and the wait in words after the reason.</summary>
    public static IResult TooManyRequests(HttpContext http, int retryAfterSeconds, string reason)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Of(StatusCodes.Status429TooManyRequests, ProblemCodes.TooManyAttempts, $"{reason} Try again in {InWords(retryAfterSeconds)}.");
    }

    static string InWords(int seconds) => seconds switch
    {
        1 => "1 second",
        < 60 => $"{seconds} seconds",
        <= 60 => "1 minute",
        _ => $"{(seconds + 59) / 60} minutes",
    };

    Task<Throttle?> IncrementAsync(string key, DateTime windowEndsAt, CancellationToken ct) =>
        throttles.FindOneAndUpdateAsync<Throttle?>(
            Builders<Throttle>.Filter.Eq(t => t.Id, key),
            Builders<Throttle>.Update.Inc(t => t.Count, 1).SetOnInsert(t => t.WindowEndsAt, windowEndsAt),
            new FindOneAndUpdateOptions<Throttle, Throttle?> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            ct);
}
