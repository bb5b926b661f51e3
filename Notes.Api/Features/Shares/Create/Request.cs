namespace Notes.Api.Features.Shares.Create;

/// <summary>
/// A new link to one of the caller's notes. Its expiry has three forms, which the JSON reader tells apart because it sets only the
/// members present: left out (30 days from now), a time (at most a year ahead), or null (never).
/// </summary>
internal sealed record Request : SignedInRequest
{
    bool _expirySent;

    [DontBind(Source.QueryParam)] // the route's id alone: a query's id= would take its place (and is not checked)
    public string Id { get; init; } = "";

    /// <summary>When the link stops working, at most a year ahead; left out, 30 days from now; null, never.</summary>
    [DontBind(Source.QueryParam)]
    public DateTimeOffset? ExpiresAt
    {
        get;
        init
        {
            field = value;
            _expirySent = true;
        }
    }

    /// <summary>Whether the body holds expiresAt at all, null included.</summary>
    public bool SaysWhenItExpires() => _expirySent;
}
