using System.ComponentModel;

namespace Notes.Api.Features.Transfer.Import;

/// <summary>The 409 an import answers, as the document describes it; made by the endpoint, this record is never sent.</summary>
[Description("A conflict (409): with quota_reached, the import would take you past the notes one user may keep, and fits says how many of " +
    "its new notes there is room for; nothing was imported. With idempotency_key_in_progress, fits is absent.")]
internal sealed record QuotaProblem(int? Fits)
    : Problem("", "", StatusCodes.Status409Conflict, null, "", "", ProblemCodes.QuotaReached, [])
{
    public const string FitsMember = "fits";
}
