namespace Notes.Api.Infrastructure.Http;

/// <summary>
/// The stable, machine-readable <c>code</c> every problem answer carries beside its status: what a client branches on,
/// never the English <c>detail</c>. Codes are part of the contract: add new ones, never rename or reuse one.
/// </summary>
internal static class ProblemCodes
{
    public const string AuthRequired = "auth_required";
    public const string InvalidToken = "invalid_token";
    public const string TokenExpired = "token_expired";
    public const string TokenRevoked = "token_revoked";
    public const string InsufficientScope = "insufficient_scope";
    public const string InvalidCredentials = "invalid_credentials";
    public const string WrongPassword = "wrong_password";
    public const string TwoFactorRequired = "two_factor_required";
    public const string InvalidCode = "invalid_code";
    public const string TwoFactorAlreadyEnabled = "two_factor_already_enabled";
    public const string TwoFactorNotSetUp = "two_factor_not_set_up";
    public const string TwoFactorNotEnabled = "two_factor_not_enabled";
    public const string ValidationFailed = "validation_failed";
    public const string NotFound = "not_found";
    public const string VersionConflict = "version_conflict";
    public const string NoteInTrash = "note_in_trash";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyKeyInProgress = "idempotency_key_in_progress";
    public const string UsernameTaken = "username_taken";
    public const string QuotaReached = "quota_reached";
    public const string TokenLimitReached = "token_limit_reached";
    public const string ImportTooLarge = "import_too_large";
    public const string ImportFormatUnknown = "import_format_unknown";
    public const string TooManyAttempts = "too_many_attempts";
    public const string DatabaseUnavailable = "database_unavailable";
    public const string BodyTooLarge = "body_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string RouteNotFound = "route_not_found";
    public const string BadRequest = "bad_request";
    public const string InternalError = "internal_error";

    /// <summary>Every code, in the order the README and the OpenAPI document list them.</summary>
    public static readonly string[] All =
    [
        AuthRequired, InvalidToken, TokenExpired, TokenRevoked, InsufficientScope, InvalidCredentials, WrongPassword, TwoFactorRequired, InvalidCode,
        TwoFactorAlreadyEnabled, TwoFactorNotSetUp, TwoFactorNotEnabled, ValidationFailed, NotFound, VersionConflict,
        NoteInTrash, IdempotencyKeyReused, IdempotencyKeyInProgress, UsernameTaken, QuotaReached, TokenLimitReached, ImportTooLarge, ImportFormatUnknown,
        TooManyAttempts, DatabaseUnavailable, BodyTooLarge, UnsupportedMediaType, MethodNotAllowed,
        RouteNotFound, BadRequest, InternalError,
    ];

    /// <summary>
    /// The code of a problem that no endpoint chose, from its status alone: unknown routes, wrong methods, oversized bodies,
    /// malformed requests the server refused before any endpoint ran, and failures.
    /// </summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => AuthRequired,
        StatusCodes.Status404NotFound => RouteNotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => BodyTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyAttempts,
        StatusCodes.Status503ServiceUnavailable => DatabaseUnavailable,
        _ => InternalError,
    };
}
