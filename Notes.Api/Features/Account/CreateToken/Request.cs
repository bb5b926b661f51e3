namespace Notes.Api.Features.Account.CreateToken;

internal sealed record Request : SignedInRequest
{
    public const int MaxNameLength = 100;

    /// <summary>What the token is for, to tell it apart in the list (<c>backup script</c>).</summary>
    public string Name { get; init => field = value ?? ""; } = "";

    /// <summary><c>read</c> (GET and HEAD only) or <c>write</c>.</summary>
    public string Scope { get; init => field = value ?? ""; } = "";

    /// <summary>When the token stops working, in the future; absent or null for a token that works until it is revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).Must(name => name.Trim().Length is > 0 and <= MaxNameLength)
                .WithMessage($"Name must be 1-{MaxNameLength} characters, not only spaces.");
            RuleFor(r => r.Scope).Must(scope => AccessTokenScope.All.Contains(scope))
                .WithMessage($"Scope must be one of: {string.Join(", ", AccessTokenScope.All)}.");
            RuleFor(r => r.ExpiresAt).Must(at => at is null || at > Resolve<TimeProvider>().GetUtcNow())
                .WithMessage("The expiry must be in the future.");
        }
    }
}
