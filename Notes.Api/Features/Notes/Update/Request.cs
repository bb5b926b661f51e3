namespace Notes.Api.Features.Notes.Update;

internal sealed record Request : NoteContent
{
    [DontBind(Source.QueryParam)] // the route's id alone: a query's id= would take its place (and is not checked)
    public string Id { get; init; } = "";

    /// <summary>The version the client last read, as its ETag; without it the last write wins.</summary>
    [FromHeader("If-Match", IsRequired = false, RemoveFromSchema = true)]
    public string? IfMatch { get; init; }

    internal sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new Rules());
    }
}
