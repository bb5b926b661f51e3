using System.Collections.Frozen;

namespace Notes.Api.Features.Transfer.Export;

/// <param name="Format">json (a NotesSlices document, for importing back) or markdown (a zip of .md files with front matter).</param>
/// <param name="IncludeRevisions">In the JSON document, each note's history too: the versions its changes replaced, newest first.</param>
internal sealed record Request(string Format, bool IncludeRevisions = false) : SignedInRequest
{
    public const string Json = "json";
    public const string Markdown = "markdown";

    public static readonly FrozenSet<string> Formats = FrozenSet.Create(Json, Markdown);

    [FromClaim(TokenClaims.Username)]
    public string Username { get; init; } = "";

    internal sealed class Validator : Validator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Format).Must(format => format is not null && Formats.Contains(format)).WithMessage("Format must be json or markdown.");
    }
}
