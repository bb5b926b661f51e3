using Notes.Api.Infrastructure.Telemetry;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// The security audit trail: who signed in or out, ended a session, changed their password, turned two-step sign-in on or off or
/// deleted their account, shared a note by link or revoked one, who was refused or throttled, and who asked for a note that is someone else's.
/// Every event is logged under one category, <see cref="Category"/>, with a stable event id and name, so operators can route the
/// trail apart from the rest of the log and alert on it. Events carry ids, usernames and client addresses, never a password, a hash
/// or a token, a TOTP secret or a code; the log provider stamps each with its time (UTC, ISO 8601: see appsettings.json). Sign-ins and
/// throttles are also counted here, for the metrics (<see cref="NotesMetrics"/>); their event names stay the public methods' names.
/// </summary>
internal sealed partial class Audit(ILoggerFactory loggers, NotesMetrics metrics)
{
    public const string Category = "Notes.Api.Audit";

    readonly ILogger _logger = loggers.CreateLogger(Category);

    public void SignedIn(string userId, string username, string clientAddress)
    {
        metrics.SignIn(succeeded: true);
        LogSignedIn(userId, username, clientAddress);
    }

    [LoggerMessage(1000, LogLevel.Information, "User {UserId} ({Username}) signed in from {ClientAddress}", EventName = nameof(SignedIn))]
    partial void LogSignedIn(string userId, string username, string clientAddress);

    /// <summary>A wrong password (<paramref name="userId"/> names the account) or an unknown username (it is null).</summary>
    public void SignInRefused(string? userId, string username, string clientAddress)
    {
        metrics.SignIn(succeeded: false);
        LogSignInRefused(userId, username, clientAddress);
    }

    [LoggerMessage(1001, LogLevel.Warning, "Sign-in refused for {Username} (user id {UserId}) from {ClientAddress}", EventName = nameof(SignInRefused))]
    partial void LogSignInRefused(string? userId, string username, string clientAddress);

    public void SignInThrottled(string username, string clientAddress, int retryAfterSeconds)
    {
        metrics.Throttled("sign_in");
        LogSignInThrottled(username, clientAddress, retryAfterSeconds);
    }

    [LoggerMessage(1002, LogLevel.Warning, "Sign-in for {Username} from {ClientAddress} throttled for {RetryAfterSeconds} s", EventName = nameof(SignInThrottled))]
    partial void LogSignInThrottled(string username, string clientAddress, int retryAfterSeconds);

    [LoggerMessage(1003, LogLevel.Information, "User {UserId} refreshed their token from {ClientAddress}")]
    public partial void TokenRefreshed(string userId, string clientAddress);

    [LoggerMessage(1004, LogLevel.Information, "User {UserId} signed out from {ClientAddress}")]
    public partial void SignedOut(string userId, string clientAddress);

    [LoggerMessage(1005, LogLevel.Information, "User {UserId} signed out of {SessionCount} sessions from {ClientAddress}")]
    public partial void SignedOutEverywhere(string userId, long sessionCount, string clientAddress);

    public void RegistrationThrottled(string clientAddress, int retryAfterSeconds)
    {
        metrics.Throttled("registration");
        LogRegistrationThrottled(clientAddress, retryAfterSeconds);
    }

    [LoggerMessage(1006, LogLevel.Warning, "Registration from {ClientAddress} throttled for {RetryAfterSeconds} s", EventName = nameof(RegistrationThrottled))]
    partial void LogRegistrationThrottled(string clientAddress, int retryAfterSeconds);

    [LoggerMessage(1007, LogLevel.Information, "User {UserId} ended session {SessionId} from {ClientAddress}")]
    public partial void SessionEnded(string userId, string sessionId, string clientAddress);

    /// <summary>The password was changed, and every session the user had (<paramref name="sessionCount"/>, the asking one included) ended.</summary>
    [LoggerMessage(1008, LogLevel.Information, "User {UserId} changed their password from {ClientAddress}, ending {SessionCount} sessions")]
    public partial void PasswordChanged(string userId, long sessionCount, string clientAddress);

    /// <summary>A password change with a wrong current password: it counts toward the failed sign-in limit.</summary>
    [LoggerMessage(1009, LogLevel.Warning, "Password change refused for user {UserId} from {ClientAddress}: wrong current password")]
    public partial void PasswordChangeRefused(string userId, string clientAddress);

    [LoggerMessage(1010, LogLevel.Information, "User {UserId} turned two-step sign-in on from {ClientAddress}")]
    public partial void TwoFactorEnabled(string userId, string clientAddress);

    [LoggerMessage(1011, LogLevel.Information, "User {UserId} turned two-step sign-in off from {ClientAddress}")]
    public partial void TwoFactorDisabled(string userId, string clientAddress);

    /// <summary>A recovery code stood in for the authenticator app, and is now spent.</summary>
    [LoggerMessage(1012, LogLevel.Warning, "User {UserId} used a recovery code from {ClientAddress}")]
    public partial void RecoveryCodeUsed(string userId, string clientAddress);

    /// <summary>A wrong, used or missing second-step code (at sign-in, or to turn two-step sign-in off or delete the account).</summary>
    [LoggerMessage(1013, LogLevel.Warning, "Two-step code refused for user {UserId} from {ClientAddress}")]
    public partial void TwoFactorRefused(string userId, string clientAddress);

    /// <summary>The account and everything it owned are gone; <paramref name="username"/> may be registered again.</summary>
    [LoggerMessage(1014, LogLevel.Information, "User {UserId} ({Username}) deleted their account from {ClientAddress}")]
    public partial void AccountDeleted(string userId, string username, string clientAddress);

    /// <summary>A wrong password to turn two-step sign-in off or to delete the account: it counts toward the failed sign-in limit.</summary>
    [LoggerMessage(1015, LogLevel.Warning, "{Change} refused for user {UserId} from {ClientAddress}: wrong password")]
    public partial void AccountChangeRefused(string change, string userId, string clientAddress);

    /// <summary>A share link to the note was made: anyone holding it may read the note until it expires or is revoked.</summary>
    [LoggerMessage(1020, LogLevel.Information, "User {UserId} shared note {NoteId} by link {ShareId} from {ClientAddress}")]
    public partial void ShareCreated(string userId, string noteId, string shareId, string clientAddress);

    [LoggerMessage(1021, LogLevel.Information, "User {UserId} revoked link {ShareId} to note {NoteId} from {ClientAddress}")]
    public partial void ShareRevoked(string userId, string noteId, string shareId, string clientAddress);

    public void ShareReadsThrottled(string clientAddress, int retryAfterSeconds)
    {
        metrics.Throttled("shared_link");
        LogShareReadsThrottled(clientAddress, retryAfterSeconds);
    }

    [LoggerMessage(1022, LogLevel.Warning, "Share link reads from {ClientAddress} throttled for {RetryAfterSeconds} s", EventName = nameof(ShareReadsThrottled))]
    partial void LogShareReadsThrottled(string clientAddress, int retryAfterSeconds);

    [LoggerMessage(1030, LogLevel.Information, "User {UserId} created access token {TokenId} ({Scope}) from {ClientAddress}")]
    public partial void TokenCreated(string userId, string tokenId, string scope, string clientAddress);

    [LoggerMessage(1031, LogLevel.Information, "User {UserId} revoked access token {TokenId} from {ClientAddress}")]
    public partial void TokenRevoked(string userId, string tokenId, string clientAddress);

    /// <summary>An unknown, revoked or expired access token was sent: it counts toward the address's limit of failed token attempts.</summary>
    [LoggerMessage(1032, LogLevel.Warning, "Access token refused from {ClientAddress}")]
    public partial void AccessTokenRefused(string clientAddress);

    public void AccessTokenThrottled(string clientAddress, int retryAfterSeconds)
    {
        metrics.Throttled("access_token");
        LogAccessTokenThrottled(clientAddress, retryAfterSeconds);
    }

    [LoggerMessage(1033, LogLevel.Warning, "Access tokens from {ClientAddress} throttled for {RetryAfterSeconds} s", EventName = nameof(AccessTokenThrottled))]
    partial void LogAccessTokenThrottled(string clientAddress, int retryAfterSeconds);

    /// <summary>The caller was answered 404 for a note that exists: it belongs to someone else.</summary>
    [LoggerMessage(1100, LogLevel.Warning, "User {UserId} from {ClientAddress} asked for note {NoteId}, which is someone else's")]
    public partial void ForeignNoteRequested(string userId, string noteId, string clientAddress);
}
