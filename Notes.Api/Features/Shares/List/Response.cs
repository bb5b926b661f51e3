namespace Notes.Api.Features.Shares.List;

/// <summary>One of a note's links as its owner sees it: never its token, which was shown once, when it was made.</summary>
/// <param name="ExpiresAt">When the link stops working (it may have already); null when it never does.</param>
/// <param name="Views">How many times the link was opened.</param>
/// <param name="LastViewedAt">When it was last opened; null when it never was.</param>
internal sealed record Response(string Id, DateTime CreatedAt, DateTime? ExpiresAt, long Views, DateTime? LastViewedAt);
