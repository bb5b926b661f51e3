using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// The failed sign-in limit (<c>Auth:MaxFailedLogins</c> per username and client address in <c>Auth:LockoutWindow</c>): every
/// attempt to prove a password counts, signing in and changing the password alike, so a stolen token cannot guess the password
/// faster than the sign-in form could; a proven password clears the count.
/// </summary>
internal sealed class SignInLimit(Throttles throttles, IOptions<AuthOptions> options, TimeProvider clock, Audit audit)
{
    /// <summary>Counts one attempt and answers the <c>429</c> to send when it is over the limit, or null when it may go on.</summary>
    public async Task<IResult?> RefusalAsync(HttpContext http, string username, CancellationToken ct)
    {
        var auth = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var tally = await throttles.CountAsync(KeyOf(http, username), now, auth.LockoutWindow, ct);
        if (tally.Count <= auth.MaxFailedLogins)
            return null;

        var wait = Throttles.RetryAfterSeconds(tally, now);
        audit.SignInThrottled(username, http.ClientAddress(), wait);
        return Throttles.TooManyRequests(http, wait, "Too many failed sign-in attempts.");
    }

    /// <summary>The <c>429</c> an endpoint under the limit may answer, as the API document describes it.</summary>
    public static void DescribeRefusal(EndpointSummary summary)
    {
        summary.Responses[StatusCodes.Status429TooManyRequests] = "Too many failed attempts for this username from this address; see Retry-After.";
        summary.ResponseHeaders.Add(ProblemResponses.RetryAfter(StatusCodes.Status429TooManyRequests));
    }

    /// <summary>The password was right: the attempts counted so far are forgiven.</summary>
    public Task ClearAsync(HttpContext http, string username, CancellationToken ct) => throttles.ForgetAsync(KeyOf(http, username), ct);

    /// <summary>A pattern for the ids of the counts kept for a username, from any address: what deleting the account removes.</summary>
    public static string KeysPatternOf(string username) => $"^login\\|[^|]*\\|{Regex.Escape(User.KeyOf(username))}$";

    static string KeyOf(HttpContext http, string username) => $"login|{http.ClientAddress()}|{User.KeyOf(username)}";
}
