namespace Notes.Api.Features.Shares.Read;

/// <summary>A shared note as anyone with the link sees it: what it says and when it last changed, nothing about whose it is.</summary>
/// <param name="Description">Markdown.</param>
internal sealed record Response(string Title, string Description, DateTime UpdatedAt);
